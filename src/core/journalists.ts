// Journalists an article names are its sources, not actors of the story: "Boston WCVB sportscaster
// Mike Lynch", "The Boston Herald's Michael Silverman", "Earl Bloom of the Orange County Register".
// Two outlets covering one event cite different journalists; the subject rules must not read that as
// two events (ECB+ 10_21ecbplus / 10_2ecbplus: one Red Sox offer, $200 million against $184 million).
import type { EntityMention } from './types';

/** A journalist's job, right before the name: "sportscaster Mike Lynch", "columnist Jon Heyman". */
const JOB_BEFORE =
  /\b(?:sportscaster|sportswriter|columnist|reporter|correspondent|writer|editor|anchor|anchorman|anchorwoman|commentator|blogger|journalist|broadcaster|host|insider)\s+$/i;

/** Words that end an outlet's name: "the Boston Herald", "the Orange County Register", "ESPN Radio". */
const OUTLET_WORD =
  '(?:Herald|Times|Post|Journal|Register|Globe|Tribune|Gazette|News|Chronicle|Star|Sun|Telegraph|Guardian|Independent|Mail|Express|Mirror|Radio|Television|TV|Magazine|Daily|Press|Bulletin|Observer|Examiner|Inquirer|Reuters|AP|AFP|CNN|BBC|ESPN|NBC|CBS|ABC|Fox|Newsday|Bloomberg|Report|Weekly|Dispatch|Courier|Record|Enquirer|Review)';

/** An outlet's possessive right before the name: "The Boston Herald's Michael Silverman". */
const OUTLET_POSSESSIVE_BEFORE = new RegExp(`\\b${OUTLET_WORD}(?:'s|’s|')\\s+$`);

/** The outlet right after the name: "Earl Bloom of the Orange County Register", "…, a reporter for the Post". */
const OUTLET_AFTER = new RegExp(
  `^\\s*(?:,\\s*(?:an?|the)\\s+(?:[\\w-]+\\s+){0,2}(?:reporter|writer|columnist|correspondent|editor)\\s+(?:for|with|at)|of|from|with)\\s+(?:the\\s+)?(?:[A-Z][\\w.&-]*\\s+){0,4}${OUTLET_WORD}\\b`,
);

/** Keys of the people an article names as journalists in any of their mentions. */
export function journalistKeys(text: string, mentions: EntityMention[]): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) {
    if (out.has(m.key)) continue;
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    if (
      JOB_BEFORE.test(before) ||
      OUTLET_POSSESSIVE_BEFORE.test(before) ||
      OUTLET_AFTER.test(text.slice(m.end, m.end + 80))
    )
      out.add(m.key);
  }
  return out;
}
