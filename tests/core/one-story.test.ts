// Rule one-story (src/core/story.ts): two texts that tell one story are one event, so the subject rules
// that tell two events apart by what one report names alone are not asked. Real pairs from the eval
// data: a SummEdits sales email and its summary with an edited price, and two ECB+ reports of two
// different 76ers coaching changes (topic 5), which share the team, the city and a coach.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { oneStory, storyFigures } from '../../src/core/story';
import { isTerm } from '../../src/core/terms';
import { compareDocuments } from '../../src/services/compare';

/** SummEdits sales_email_1 (Laban et al. 2023, Apache-2.0): the document. */
const EMAIL =
  "Subject: Boost Your Business Efficiency with CloudTrek Solutions\n\nDear John,\n\nI hope this email finds you well. My name is Samantha, and I am a Sales Manager at XYZ Tech Solutions. I wanted to personally introduce our newest product line - CloudTrek Solutions - designed to optimize your company's productivity, streamline processes, and improve collaboration among your teams.\n\nOur CloudTrek Solutions package includes:\n\n1. CloudTrek Connect: A cloud-based communication platform that allows for seamless video conferencing, file sharing, and instant messaging. Regular Price: $50/user per month. Special Introductory Offer: $35/user per month.\n\n2. CloudTrek Workspace: A comprehensive project management tool to effectively plan, organize, and monitor project progress. Regular Price: $80/month (up to 20 users). Special Introductory Offer: $65/month (up to 20 users).\n\n3. CloudTrek DataVault: A secure and reliable cloud storage solution providing unlimited data storage, 24/7 access, and encryption features. Regular Price: $40/user per month. Special Introductory Offer: $30/user per month.\n\nAs a token of appreciation for trusted clients like you, we are currently offering an Early Bird Bundle Package for only $100/month, which includes access to all the above services. The offer is valid for the first 20 customers who sign up before 31st August 2022, saving you up to 40% on the regular pricing!\n\nTo give you a better understanding of CloudTrek Solutions, I am also attaching a detailed product brochure with this email. Should you have any queries or require a live demo, please feel free to reach out to me.\n\nAt XYZ Tech Solutions, we passionately believe that CloudTrek Solutions will revolutionize the way your business operates, enhancing both efficiency and employee satisfaction, ultimately contributing to your continued success.\n\nLooking forward to hearing from you soon!\n\nBest Regards,\n\nSamantha Stevens\nSales Manager, XYZ Tech Solutions\nPhone: (555) 123-4567\nEmail: samantha.stevens@xyztechsolutions.com";
/** Its summary sales_email_1_0: the bundle's "$100/month" edited to "$50/month". */
const SUMMARY =
  'The email from Samantha, the sales manager of XYZ Tech Solutions, introduces their newest product line called CloudTrek Solutions, which includes CloudTrek Connect, CloudTrek Workspace, and CloudTrek DataVault. A special Early Bird Bundle Package is currently being offered for $50/month to the first 20 customers who sign up before August 31st, 2022.';
/** ECB+ 5_1ecb: Maurice Cheeks fired as the 76ers' coach (2008). */
const CHEEKS_OUT =
  "Maurice Cheeks is out as Philadelphia 76ers head coach.\nGeneral manager Ed Stefanski announced Tony DiLeo, the team's assistant general manager and senior vice president, will take over as the head coach for the remainder of the season. Stefanski fired Cheeks with the Sixers floundering at 9-14 and in the basement of the Eastern Conference's Atlantic Division. As recently as a season ago, when speaking about Cheeks' new contract extension, Stefanski said, \"we are excited about the future under this direction. '' That changed dramatically on Saturday. \"I made the decision because I felt we were not progressing the way we wanted to progress, \"said Stefanski. \"I feel on the floor we were n't executing the philosophy that we want to have as Sixers basketball. I told Mo we needed to go in a different direction and make a change. He was very gracious about it. He's a Sixer and is rooting for us to turn this around. '' This past offseason, the Sixers bolstered their youthful, athletic roster with frontline cornerstone Elton Brand, who is leading the team in scoring (15.9) and rebounding (10.0) but is significantly short of his career scoring average and has already missed time this season due to injury. The expectations were high for a team that won 40 games and took Detroit to six games in the Eastern Conference quarterfinal round last season. Cheeks did not meet them. Friday night's 88-72 loss in Cleveland, the team's eighth in 10 games, was apparently the last straw. Cheeks is the fifth NBA head coach to be fired this season. \"I believe in this team. We are better than this, \" said Stefanski. \"We are going to make it better. We will find a way to improve on this team. \"The member of the Sixers' 1982-83 NBA championship team started his head coaching career in Portland, where he finished with a 162-139 mark and a pair of playoff appearances. He guided a transition in Philadelphia from the Allen Iverson era and won more games than expected last season behind a rising star, Andre Iguodala, a young frontcourt led by Samuel Dalembert and a veteran presence at point guard, Andre Miller. Miller is averaging 15.5 points per game this season, but Iguodala is averaging just 14.9 points per contest, a drop of five points per game from last season. Dalembert is down almost five points per game (5.8 ppg) and just over two rebounds (8.0) per contest. DiLeo is in his 19th season with the Sixers basketball operations department. He spent four seasons as the team's director of personnel (1999-2003) before being promoted to senior VP and assistant GM in September 2003.";
/** ECB+ 5_2ecbplus: Maurice Cheeks hired as the 76ers' coach (2005), another incident. */
const CHEEKS_IN =
  "Mo Cheeks will take over as new coach.\nMaurice Cheeks is running the show again for the Philadelphia 76ers. In a surprising move nearly three weeks following the end of their season, the Sixers fired Jim O'Brien on Monday after one season as coach and replaced him with Cheeks, one of the most popular players in franchise history. \"Mo is family. Mo bleeds 76ers. He bleeds Philadelphia, \"team president Billy King said. Cheeks will be introduced as Philadelphia's 21st head coach at a Tuesday news conference. Philadelphia is certainly banking on the former point guard to have a happier homecoming than O'Brien, a Philadelphia native who played for Saint Joseph's. O'Brien's stubbornness and seemingly unwavering belief in a system that didn't fit his players cost him his job despite a 43 - 39 record and a return to the playoffs. \"I just felt the direction we were going and the overall play wasn't where we wanted to go, \"King said. O'Brien just finished the first year of a three - year deal that included an option and paid him about $4 million a year. O'Brien, though, was not very popular with his players - - most notably former All - Star Chris Webber - - who often complained about their roles. King said after the Sixers were eliminated in the first round of the playoffs by Detroit that he planned to bring O'Brien back. After meeting with his players and other members of management, King had a change of heart and decided over the weekend he had to make a change. Certainly, King knows a thing or two about making changes - - Cheeks will be the fifth Sixers coach in four years under his watch. Larry Brown left for Detroit following the 2002 - 03 season, and assistant Randy Ayers was promoted and fired 52 games into the 2003 - 04 season before he was replaced by Chris Ford. \"I knew this thing was coming, and it wasn't an easy thing for anybody, \"Brown said from Miami before coaching the Pistons in the Eastern Conference finals. \"Knowing Billy, it's not easy to let a coach go. His relationship with Randy was pretty strong. I think it was hard for him to let Chris go. He was excited about having Jimmy, but I don't think it ever gets easy. \" He also spent seven seasons as an assistant coach for the 76ers, was part of the staff under Brown when they went to the NBA Finals in 2001 and developed a strong bond with Allen Iverson. Cheeks was fired March 2 after nearly four seasons as coach of the Trail Blazers. He had a 162 - 139 record in Portland, the fourth - highest win total in Blazers history. Cheeks guided the team to the playoffs his first two seasons, but the players hardly made Cheeks' tenure easy - - on or off the court. The team was nicknamed the \"Jail Blazers\" after several brushes with the law, many of them involving marijuana possession. \"If players have problems with Mo Cheeks.. . then there's got to be something wrong with those players, \"King said. But Cheeks' return to the city where he was a four - time All - Star shouldn't come as a surprise. The Trail Blazers turned down Philadelphia's request to speak to Cheeks as a possible replacement for Brown, but the former point guard always remained popular with Philly fans and was at the top of the Sixers' short list to take over for Ford. Now, they'll get their wish. \"We do not want to change coaches [again], \"Sixers chairman Ed Snider said. \"We've seen enough coaches. \" The Sixers will pay Ayers, O'Brien and Cheeks next season. \"I don't think it's something we're very proud of, but I don't think it reflects poorly, \"Snider said. O'Brien is the son - in - law of Hall of Fame coach Jack Ramsay. He led the Sixers to a 10 - win improvement from a year ago and they returned to the playoffs, largely on the back of a healthy, happy Iverson. While O'Brien avoided public spats with Iverson, he did not have the full support of the rest of the team. Some of the younger players, like Samuel Dalembert and Willie Green, felt they did not develop like they should have under O'Brien and were unsure about their roles. \"In looking at the development of some of them, yeah, I wasn't pleased, \"King said. The Sixers also failed to really understand O'Brien's defense, a sticking point even in the postseason. \"Some of the criteria on our defense wasn't there, \"King said. Cheeks, who once famously came to the rescue of a 13 - year - old girl who forgot the words to the national anthem before a playoff game, now hopes to bail out his former team and bring them another championship. \"Mo has played this game here in Philadelphia, won a championship here in Philadelphia, understands players, understands defenses, understands the way I think we want to play, \"King said.";

/** SummEdits sales_email_4: a clinic's offer, signed by Michael Smith. */
const CLINIC_OFFER =
  "Subject: Exclusive Limited-Time Offer: Elevate Your Health Services with SwiftHealthcare\n\nDear James,\n\nI hope this email finds you well. I recently came across your clinic, Elmwood Family Health, and felt compelled to reach out and introduce you to an innovative healthcare solution that is perfect for your practice.\n\nAt SwiftHealthcare, we understand the importance of effective and efficient patient care, and we believe that our Limited-Time Offer will undoubtedly benefit your practice. For a limited period of only two weeks, we are providing our cutting-edge EHR platform and Telehealth services, packed with features tailored to a clinic like yours, for just $480/month!\n\nHere's what you'll get when you make the switch to SwiftHealthcare:\n\n1. Comprehensive EHR System - Enjoy seamless access to your patients' records with our easy-to-use interface. Save up to 30% in administrative costs by streamlining your appointments, billing, and reporting processes.\n\n2. Advanced Telehealth Platform - With current social distancing requirements, patients are seeking remote care more than ever before. SwiftHealthcare's Telehealth service allows you to cater to this growing demand while generating additional revenue for your practice.\n\n3. Integrated Mobile App - Improve patient engagement and satisfaction by allowing them to schedule appointments, view test results, and engage in video consultations at their convenience.\n\n4. Dedicated Customer Support - We pride ourselves on providing personalized 24/7 support to help you maximize the benefits of our platform.\n\nOn top of these incredible features, if you sign up for our Limited-Time Offer within the next week, you will receive an extra 10% off your first three months with SwiftHealthcare, bringing your cost to just $432/month!\n\nDon't miss this golden opportunity to modernize and elevate the patient care experience at Elmwood Family Health. To learn more or schedule a personalized demo, kindly respond to this email, or call me directly at (555) 555-1234.\n\nLooking forward to helping your practice reach new heights,\n\nMichael Smith\nAccount Executive\nSwiftHealthcare\nPhone: (555) 555-1234\nEmail: michaelsmith@swifthealthcare.com";
/** Its summary sales_email_4_21: the "$480/month" edited to "$450/month". */
const CLINIC_SUMMARY =
  'SwiftHealthcare is offering their EHR platform and Telehealth services, which includes a comprehensive EHR system, an advanced Telehealth platform, an integrated mobile app, and dedicated customer support, to clinics for just $450/month for two weeks, and with an extra 10% off for the first three months if they sign up within the next week. Michael Smith, an account executive at SwiftHealthcare, is not offering to schedule a personalized demo to learn more.';

/** SummEdits ectsum_MTB_q3_2021 (an earnings call) and its summary _23: "1.62%" edited to "1.63%". */
const CALL =
  'Diluted GAAP earnings per common share were $3.69 for the third quarter of 2021, improved from $3.41 in the second quarter of 2021 and $2.75 in the third quarter of 2020.\nTaxable equivalent net interest income was $971 million in the third quarter of 2021, compared with $946 million in the linked quarter.\nThis reflects a $20 million recapture of previous provisions for credit losses, combined with $40 million of net charge-offs in the quarter.\nAt September 30, the allowance for credit losses as a percentage of loans outstanding was unchanged from June 30 at 1.62%.';
const CALL_SUMMARY =
  "The company's third quarter of 2021 diluted GAAP earnings per common share improved to $3.69 and taxable equivalent net interest income was $971 million. The company recaptured $20 million of previous provisions for credit losses, with the allowance for credit losses increasing to 1.63%.";

const items = (text: string) => {
  const context = extractArticle(text).claims[0]!.contextTerms;
  return {
    names: new Set(context.filter((t) => isTerm(t, 'article-name'))),
    figures: new Set(context.filter((t) => isTerm(t, 'story-figure'))),
  };
};

describe('rule one-story', () => {
  it('reads the figures an article states, without dates or small counts', () => {
    const keys = storyFigures(extractArticle(SUMMARY).claims.flatMap((c) => c.quantities));
    expect(keys).toEqual(['N:money=50', 'N:count=20']);
  });

  it("a summary tells its document's story; two incidents of one team do not tell one", () => {
    expect(oneStory(items(EMAIL), items(SUMMARY))).toBe(true);
    expect(oneStory(items(CHEEKS_OUT), items(CHEEKS_IN))).toBe(false);
  });

  it("finds the edited price, which the email's sender and products set apart before", () => {
    const { links } = compareDocuments([
      { id: 'doc', text: EMAIL },
      { id: 'summary', text: SUMMARY },
    ]);
    const conflicts = links.filter((l) => l.relation === 'conflict');
    expect(conflicts.map((l) => [l.explanation.a?.text, l.explanation.b?.text].sort().join(' / '))).toContain(
      '$100/month / $50/month',
    );
  });

  it('finds the edited monthly price, which the people named around the two sentences set apart before', () => {
    // The summary's sentence is followed by Michael Smith's; the offer's by the product list, whose
    // "SwiftHealthcare Telehealth" reads as a person: different-people-around, not asked in one story.
    const { links } = compareDocuments([
      { id: 'doc', text: CLINIC_OFFER },
      { id: 'summary', text: CLINIC_SUMMARY },
    ]);
    const conflicts = links.filter((l) => l.relation === 'conflict');
    expect(conflicts.map((l) => [l.explanation.a?.text, l.explanation.b?.text].sort().join(' / '))).toContain(
      '$450/month / $480/month',
    );
  });

  it('story-frame: anchors two figures whose own clauses measure one thing, inside one story', () => {
    // The summary merges three sentences into one: it shares no name with the call's sentence and too
    // little of its wording, but "the allowance for credit losses" is what both percentages measure.
    const { links } = compareDocuments([
      { id: 'doc', text: CALL },
      { id: 'summary', text: CALL_SUMMARY },
    ]);
    const conflicts = links.filter((l) => l.relation === 'conflict');
    expect(conflicts.map((l) => [l.explanation.a?.text, l.explanation.b?.text].sort().join(' / '))).toContain(
      '1.62% / 1.63%',
    );
  });
});
