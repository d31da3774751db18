// Rule brief-retelling (src/core/story.ts, part of one-story): a summary of a sentence or two tells
// too few names and figures to share three with its document; it tells the document's story when the
// document names and states all it tells but the figure in dispute. Real pair from the eval data: a
// SummEdits sales call and its two-sentence summary with an inserted age floor.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { oneStory } from '../../src/core/story';
import { isTerm } from '../../src/core/terms';
import { compareDocuments } from '../../src/services/compare';

/** SummEdits sales_call_12 (Laban et al. 2023, Apache-2.0): the call. */
const CALL =
  "Sales Agent: Good morning/afternoon, my name is [Name] and I am calling from BestInsuranceXYZ. Am I speaking with [Client Name]?\n\nClient: Yes, this is she.\n\nSales Agent: Great! I was wondering if I could interest you in hearing about our insurance plans that can provide you with comprehensive coverage at a competitive price?\n\nClient: Sure, I'd like to hear more.\n\nSales Agent: Perfect. To start off, may I clarify which type of insurance coverage you are interested in learning more about?\n\nClient: I am mostly interested in auto insurance.\n\nSales Agent: Certainly. We would be happy to discuss our auto insurance policies with you. Our plans offer a wide range of comprehensive protection options, including collision and liability coverage. Additionally, we offer special discounts to drivers who maintain a clean driving record. Shall I proceed with walking you through some of our available plans?\n\nClient: Yes, please. \n\nSales Agent: Excellent. Our most popular plan is our Gold Plan. It offers full coverage, including liability, collision, and comprehensive coverage, as well as towing and car rental reimbursement. Does that sound like something you would be interested in?\n\nClient: It does sound good. How much is the Gold Plan?\n\nSales Agent: It starts at $XXX per year, and may vary based on factors such as your driving history and the type of vehicle you own. \n\nClient: That sounds reasonable. Could you tell me more about the discounts you mentioned earlier?\n\nSales Agent: Sure, we offer a discount for drivers who maintain a safe driving record for more than 3 years. We also have discounts for multiple cars, senior citizens over 65, and members of the military.\n\nClient: Great. Do you have anything similar for home insurance?\n\nSales Agent: Absolutely. For home insurance, we offer various protection plans, ranging from basic to comprehensive coverage options. They can help you protect your house and your belongings, while making sure that you are properly insured for accidents and emergencies. Some of our plans offer add-on coverage for things like valuables or water damage. Would you like to hear more about our home insurance options?\n\nClient: Yes, please.\n\nSales Agent: One of our most popular plans is our Platinum Homeowners policy. It comes with coverage for natural disasters, burglary, and personal liability, and provides replacement cost coverage for your home and its contents. It also includes additional benefits like coverage for identity theft, equipment breakdown, and liability from your personal activities. \n\nClient: Sounds like a lot of coverage! How much does it cost?\n\nSales Agent: Our Platinum Homeowners policy can start as low as $XXX a month, and we would be happy to provide you with a more personalized quote based on your specific needs and the value of your property.\n\nClient: That sounds reasonable. Could you send me more information on these policies, like the features and coverages?\n\nSales Agent: Absolutely, we can email you more information on the policies we discussed along with the coverage options, discounts, and personalized quotes in order to help you make an informed decision. \n\nClient: Thank you. I will look out for the email with more information but it sounds like I will sign up.\n\nSales Agent: It was a pleasure speaking with you, and I'm glad I could be of help. If you have any more questions, please don't hesitate to give us a call.\n\nClient: Thank you very much, you were very helpful.";
/** Its summary sales_call_12_24: "discounts for senior citizens over 75" where the call says "over 65". */
const SUMMARY =
  'A sales agent from BestInsuranceXYZ offers a client auto and home insurance with various coverage options and discounts for senior citizens over 75. The client expresses interest in these policies and requests more information via email.';
/** A two-sentence text of another firm's offer: it names nothing the call names. */
const OTHER =
  'A sales agent from SafeHarborMutual offers a client auto insurance with discounts for senior citizens over 75. The client asks for a quote by email.';

const items = (text: string) => {
  const context = extractArticle(text).claims[0]!.contextTerms;
  return {
    names: new Set(context.filter((t) => isTerm(t, 'article-name'))),
    figures: new Set(context.filter((t) => isTerm(t, 'story-figure'))),
  };
};

describe('rule brief-retelling', () => {
  it('a two-sentence summary whose one name the call names tells its story; one naming another firm does not', () => {
    expect(oneStory(items(CALL), items(SUMMARY))).toBe(true);
    expect(oneStory(items(CALL), items(OTHER))).toBe(false);
  });

  it("finds the summary's age floor against the call's, which no shared name anchored before", () => {
    // The two sentences share no name and 3 of 7 content words; "senior citizens" right around both
    // figures anchors them once the two texts are one story (story-frame).
    const { links } = compareDocuments([
      { id: 'doc', text: CALL },
      { id: 'summary', text: SUMMARY },
    ]);
    const conflicts = links.filter((l) => l.relation === 'conflict');
    expect(conflicts.map((l) => [l.explanation.a?.text, l.explanation.b?.text].sort().join(' / '))).toContain(
      'over 65 / over 75',
    );
  });
});
