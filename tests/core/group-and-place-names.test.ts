// Capitalised runs that read like a first name and a surname but name a group or a place (rules
// `group-plural` in src/core/entities/resolve.ts, `geographic-head` in src/core/entities/vocabulary.ts).
// Examples from the eval data (ECB+ topic 9: two reports of the endangered-species rule, December 2008).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { conflictFigures } from '../helpers/core';

const typeOf = (text: string, name: string) =>
  extractArticle(text).entities.find((e) => e.name.includes(name))?.type;

// ECB+ 9_2ecb, three sentences around its count of comments.
const received = [
  'White House spokesman Tony Fratto said the reason was that the administration had "publicly and clearly stated our intention" to enact the endangered species measure well before a self-imposed deadline on eleventh-hour rule changes.',
  'The agency received nearly 235,000 comments on the endangered species proposal, at least 208,000 of which were form letters decrying the rule.',
  'Congressional Democrats and environmentalists sharply criticized the administration for the Interior Department action.',
].join(' ');
// ECB+ 9_3ecb, the sentences around its count of the same comments.
const sinceReceived = [
  'The law protects 1,400 species.',
  "In the last eight years, there has been a slowdown in adding new plants and animals, building a backlog of hundreds of species waiting for scientific review and approval, including California's furry Pacific fisher and Sierra Nevada yellow-legged frog.",
  'The Interior Department proposed the new regulations in May and since has received nearly 300,000 comments, the vast majority opposing the changes.',
].join(' ');

describe('a run ending in the plural of a party, creed or nation is a group (rule group-plural)', () => {
  it('reads "Congressional Democrats" as a group, not a person Democrats (ECB+ 9_2ecb)', () => {
    expect(typeOf(received, 'Democrats')).toBe('other');
    expect(typeOf('Senate Republicans and American Muslims met young Australians.', 'Muslims')).toBe('other');
    expect(typeOf('Senate Republicans and American Muslims met young Australians.', 'Australians')).toBe(
      'other',
    );
  });

  it('leaves surnames ending in s as people', () => {
    expect(typeOf('The striker Chris Evans scored twice.', 'Evans')).toBe('person');
    expect(typeOf('The commissioner Frans Timmermans spoke on Monday.', 'Timmermans')).toBe('person');
    expect(typeOf('The reporter Mary Roberts wrote the story.', 'Roberts')).toBe('person');
  });

  it("so the two outlets' counts of comments on the rule are compared (ECB+ 9_2ecb / 9_3ecb)", () => {
    expect(conflictFigures(received, sinceReceived)).toContainEqual([
      'nearly 235,000 comments',
      'nearly 300,000 comments',
    ]);
  });
});
