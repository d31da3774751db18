// Rule different-tenures (src/core/crossref/tenures.ts): a length told with the post, body or place it
// was spent in. Real sentences from ECB+ topics 5 and 16.
import { describe, expect, it } from 'vitest';
import { extractArticle, toMatchable } from '../../src/core';
import { FIGURE_RULES } from '../../src/core/crossref';
import { ClaimView } from '../../src/core/crossref/view';
import { conflictFigures } from '../helpers/core';

const view = (text: string, id: string) =>
  new ClaimView(toMatchable(extractArticle(text).claims[0]!, `${id}:0`, id));
const figure = (v: ClaimView, text: string) => v.c.quantities.find((q) => q.text.includes(text))!;
const tenuresApart = (a: string, fa: string, b: string, fb: string) => {
  const [va, vb] = [view(a, 'a'), view(b, 'b')];
  return FIGURE_RULES.find((r) => r.name === 'different-tenures')!.rejects(
    va,
    vb,
    figure(va, fa),
    figure(vb, fb),
  );
};

describe('different-tenures', () => {
  it('does not set seasons as a player against seasons as an assistant coach', () => {
    // ECB+ 5_10ecbplus against 5_1ecbplus: a false conflict before the rule.
    const player =
      "Cheeks, who played for the Sixers for 11 seasons and served as an assistant coach for seven, was named coach after Jim O'Brien was relieved of his coaching duties.";
    const coach =
      'Cheeks, who is expected to speak at a press conference today, is excited to be coming back to Philadelphia because of all the success he enjoyed here as a player, followed by seven seasons as an assistant coach.';
    expect(conflictFigures(player, coach)).toEqual([]);
    // One tenure told twice still conflicts.
    expect(conflictFigures(coach, coach.replace('seven', 'eight'))).toHaveLength(1);
  });

  it('reads the place, the body or the post, after the length or before "for"', () => {
    // ECB+ 5_10ecb against 5_13ecb and 5_3ecb.
    const germany =
      'DiLeo played and coached for 10 seasons in West Germany and was named coach of the year in 1987 in the top West German league.';
    expect(
      tenuresApart(
        germany,
        '10 seasons',
        'DiLeo has spent 19 seasons with the 76ers and was promoted to senior vice president and assistant general manager in 2003.',
        '19 seasons',
      ),
    ).toBe(true);
    expect(
      tenuresApart(
        germany,
        '10 seasons',
        'Prior to that, DiLeo spent four seasons as the Sixers Director of Player Personnel (1999-2003) and has served as an Assistant Coach under Larry Brown.',
        'four seasons',
      ),
    ).toBe(true);
    // ECB+ 16_3ecbplus against 16_4ecbplus: the department against the gang team.
    expect(
      tenuresApart(
        "Deputy Ortiz had served with the Los Angeles County Sheriff's Department for 15 years and was assigned to the Anti - Gang Unit.",
        '15 years',
        'He had been working with the gang enforcement team for the last five years.',
        'five years',
      ),
    ).toBe(true);
  });

  it('takes "with the team" for the body named elsewhere, not a scope of its own', () => {
    // ECB+ 5_1ecbplus: the same 11 seasons as 5_10ecbplus's "played for the Sixers for 11 seasons".
    expect(
      tenuresApart(
        "Cheeks, who played for the Sixers for 11 seasons and served as an assistant coach for seven, was named coach after Jim O'Brien was relieved of his coaching duties.",
        '11 seasons',
        'Cheeks was a second - round draft choice of the 76ers in 1978 and played for 11 seasons with the team.',
        '11 seasons',
      ),
    ).toBe(false);
  });
});
