// Rule one-code-in-one-story (src/core/crossref/sole-code.ts): a summary that states one code under the
// name its document gives its only code speaks of that code, whatever words surround the two. Real pair
// from the eval data: a SummEdits podcast transcript whose summary changes the verse number it read.
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../src/services/compare';

/** SummEdits spotify_podcast_31 (Laban et al. 2023, Apache-2.0): the transcript. */
const TRANSCRIPT =
  "No words just lightning breaking darkness and crashing into the Earth with brilliant presence. It seemed like the dream went on all night long. Okay, maybe it was 20 minutes. I wake up and the bedroom was filled with the tangible manifested presence of Destiny and written out in front of me and great big Amber letters. I read Jo. Toby 3632. Wow, and I'm going what job description is this and so I sat in the Manifest presence again for about 15 minutes just sitting up in bed. Just soaking this in turned on the light. My Bible is right there and I go to job 3632 where it says you're going to love this. He covers his hands with the";
/** Its summary _1: "Toby 3632" retold as "Toby 6362". */
const EDITED =
  'The writer has a weird dream in which the word "Destiny" appears written in big letters followed by the name "Jo. Toby 6362" which the writer then looks up in the Bible.';
/** Its consistent summary (_og). */
const CONSISTENT =
  'The writer has a vivid dream in which the word "Destiny" appears written in big letters followed by the name "Jo. Toby 3632" which the writer then looks up in the Bible.';

const conflicts = (doc: string, summary: string) =>
  compareDocuments([
    { id: 'doc', text: doc },
    { id: 'summary', text: summary },
  ])
    .links.filter((l) => l.relation === 'conflict')
    .map((l) => [l.explanation.a?.text, l.explanation.b?.text].sort().join(' / '));

describe('rule one-code-in-one-story', () => {
  it("finds the summary's other number for the transcript's only code, and nothing in the right one", () => {
    // "I read Jo. Toby 3632." splits at "Jo.": the code's sentence has no word of its own to compare.
    expect(conflicts(TRANSCRIPT, EDITED)).toContain('Toby 3632 / Toby 6362');
    expect(conflicts(TRANSCRIPT, CONSISTENT)).toEqual([]);
  });

  it('compares no two codes when the document states several: the numbers may name different things', () => {
    const two = `${TRANSCRIPT} Later that week the letters read Jo. Toby 4120.`;
    expect(conflicts(two, EDITED)).toEqual([]);
  });
});
