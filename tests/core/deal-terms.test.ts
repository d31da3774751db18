// How the sums of a deal are read: per season or per game (per-unit), over the term of the agreement
// (rate-over-a-term), asked for rather than offered (sought-not-offered), and asked about in a question
// (asked-about). Sentences from ECB+ topic 10 (the Red Sox offer to Mark Teixeira) unless said.
import { describe, expect, it } from 'vitest';
import { extractArticle, toMatchable } from '../../src/core';
import { FIGURE_RULES } from '../../src/core/crossref';
import { ClaimView } from '../../src/core/crossref/view';
import { links, quantities } from '../helpers/core';

const view = (text: string, id: string) =>
  new ClaimView(toMatchable(extractArticle(text).claims[0]!, `${id}:0`, id));
const figure = (v: ClaimView, text: string) => v.sums.find((q) => q.text.includes(text))!;
const rule = (name: string) => FIGURE_RULES.find((r) => r.name === name)!;
const relations = (docs: Record<string, string>) => links(docs).map((l) => l.relation);

const NEWSDAY =
  'Meanwhile, according to the Newsday, Teixeira still has an eight - year offer on the table from the Red Sox, worth roughly $22 million per season.';

// ECB+ 10_9ecbplus, whole.
const BLOG =
  'First Base : Boston in Good Spot for Teixeira.\nThe Angels have withdrawn their offer to free - agent 1B Mark Teixeira, reports FoxSports.com and Yahoo! Sports. In fact, Angels GM Tony Reagins later confirmed the report to the Los Angeles Times, adding that he is no longer pursuing Teixeira. Similarly, Buster Olney of ESPN.com believes the Nationals do not expect to sign Teixeira, despite making a eight - year offer. Meanwhile, according to the Newsday, Teixeira still has an eight - year offer on the table from the Red Sox, worth roughly $22 million per season. … ok, so, the Sox have the high offer, the Angels are out, the Nationals lack confidence, and the O ’ s have reportedly only offered seven years … which would suggest the Red Sox are in very, very good position to land teixeira … unless, of course, a new team can be wrangled in to the mix … In an earlier report, Newsday reported that Teixeira ’ s agent, Scott Boras, is working to get the Yankees involved again. Olney believes Brian Cashman made Teixeira an offer earlier in the off - season, but has since pulled it back. … in case you ’ re wondering, six articles and the Mets are not mentioned once as ever having interest in teixeira …';

describe('per-unit rates', () => {
  it('reads a sum per season or per game as a rate over it, right after the figure', () => {
    expect(quantities(NEWSDAY).find((q) => q.unit === 'usd')!.rate).toBe('season');
    expect(quantities('He scored 22 points per game and 8 rebounds a game.')[1]!.rate).toBe('average');
    // Not a rate: "a match" some words after the figure is when, not per what (EQUATE NewsNLI-13).
    expect(
      quantities('Team captain Butt said Pakistan gave 100 percent throughout a match .')[0]!.rate,
    ).toBeNull();
  });
});

describe('rule according-to-anywhere', () => {
  it('reads the name after "according to" as a source wherever it stands (10_13ecbplus / 10_9ecbplus)', () => {
    const claim = extractArticle(NEWSDAY).claims[0]!;
    expect(toMatchable(claim, 'b:0', 'b').terms).toContain('s:nwsd');
    // As a source, Newsday no longer sets the sentence apart from a report that never names it.
    const offer =
      'Dan Patrick reported on his show on AM 570 that the Boston Red Sox have made first baseman Mark Teixeira an eight - year, $200 million offer.';
    expect(
      relations({ a: offer, b: `Newsday is based on Long Island. Newsday was founded in 1940. ${NEWSDAY}` }),
    ).toContain('conflict');
  });
});

describe('rule rate-over-a-term', () => {
  it('compares a yearly sum over the term of the deal with a total (10_13ecbplus / 10_9ecbplus)', () => {
    const offer =
      'Dan Patrick reported on his show on AM 570 that the Boston Red Sox have made first baseman Mark Teixeira an eight - year, $200 million offer.';
    // The total is the offer's, as "an eight-year, $200MM deal" is.
    expect(view(NEWSDAY, 'b').sums.at(-1)).toMatchObject({
      low: 158_400_000,
      high: 193_600_000,
      rate: null,
      unitClass: 'money:usd:offer',
    });
    expect(relations({ a: offer, b: NEWSDAY })).toContain('conflict');
  });
  it('reads the total apart from the blog aside after it (10_21ecbplus / 10_9ecbplus, rule stop-before-ellipsis)', () => {
    // ECB+ 10_21ecbplus, whole.
    const rumor =
      "Red Sox - Teixeira Rumor.\n2 : 16pm : Take it with a grain of salt, but we have a report of a report that the Red Sox offered Mark Teixeira an eight - year, $200MM deal. Earl Bloom of the Orange County Register heard Dan Patrick say it on his radio show. It'd be best to treat the report with skepticism until it's confirmed by another source.";
    // The aside's Angels and Nationals are not what the offer's own sentence is about.
    expect(relations({ a: rumor, b: BLOG })).toContain('conflict');
  });
  it('takes no term from an age or a record', () => {
    const age = view('The 30-year-old will earn $20 million a season with the Angels.', 'a');
    expect(age.sums).toHaveLength(age.c.quantities.length);
  });
});

describe('rule sought-not-offered', () => {
  const r = rule('sought-not-offered');
  it('keeps what a party asks for apart from what is offered (10_4ecbplus / 10_18ecbplus)', () => {
    const asked = view(
      'It was then that agent Scott Boras countered by asking for an eight - year contract worth $200 million, sources said.',
      'a',
    );
    const deal = view('The deal is said to be for 8 year and could be up to $180 million.', 'b');
    expect(r.rejects(asked, deal, figure(asked, '$200 million'), figure(deal, '$180 million'))).toBe(true);
    const offered = view('The Red Sox offered Teixeira an eight-year deal worth $184 million.', 'c');
    expect(r.rejects(offered, deal, figure(offered, '$184 million'), figure(deal, '$180 million'))).toBe(
      false,
    );
  });
});

describe('rule asked-about (hypothetical-figure)', () => {
  const r = rule('hypothetical-figure');
  it('does not compare a figure asked about in a question with one reported (10_6ecbplus / 10_4ecbplus)', () => {
    const question = view('Should the Yankees go higher than $25 million a season for Teixeira?', 'a');
    const offered = view(
      'Lynch reported the Red Sox offered Teixeira, 28, an eight - year deal worth $184 million or $23 million per season.',
      'b',
    );
    expect(r.rejects(question, offered, figure(question, '$25'), figure(offered, '$23'))).toBe(true);
  });
  it("reads a question about the speakers' own plans as a proposal (SummEdits samsum)", () => {
    const proposal = view('Emily: Should we meet at the Javits Center at 6?', 'c');
    const planned = view('Emily and James planned to meet at the Javits Center at 7.', 'd');
    expect(r.rejects(proposal, planned, figure(proposal, '6'), figure(planned, '7'))).toBe(false);
  });
});
