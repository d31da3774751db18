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

describe('a run headed by a word for a kind of land or road is a place (rule geographic-head)', () => {
  it('reads "Sierra Nevada" as a mountain range, not a person Nevada (ECB+ 9_3ecb)', () => {
    expect(typeOf(sinceReceived, 'Sierra')).toBe('place');
  });

  it('reads roads, resorts and capes named by their kind as places (ECB+ 10_1ecbplus, 1_12ecbplus, 13_5ecbplus)', () => {
    const offer =
      'Though the Red Sox continue to operate in intriguing secrecy when it comes to their pursuit of free - agent slugger Mark Teixeira, it appears an offer has been transmitted from the offices of 4 Yawkey Way in Boston to the corporation of power agent Scott Boras.';
    expect(typeOf(offer, 'Yawkey')).toBe('place');
    expect(typeOf(offer, 'Teixeira')).toBe('person');
    const rehab =
      'The star fooled an L.A Superior Court judge, a Santa Monica prosecutor and apparently her own lawyer, by pretending to check into a rehabilitation facility.';
    expect(typeOf(rehab, 'Monica')).toBe('place');
    const dairy =
      'That changed at the start of the 1980s when the state tried to supercharge farming across Cook Inlet from Anchorage by creating the Point MacKenzie dairy project.';
    expect(typeOf(dairy, 'MacKenzie')).toBe('place');
  });
});

describe('a cry names nobody (rule interjection)', () => {
  // ECB+ 22_2ecbplus, a worker quoted on the Kraft plant shooting.
  const cry =
    "\"I heard the gunfire, and I ran, '' he told The Associated Press, his apron still on. \"As I was running down the steps they were yelling, 'Oh, my God, there's three people shot! ''' \"This is a sad day for the Kraft Foods family, '' the company said in a statement.";
  const names = (text: string) => extractArticle(text).entities.map((e) => e.name);

  it('reads no name in "Oh, my God" (ECB+ 22_2ecbplus)', () => {
    expect(names(cry)).not.toContain('Oh');
    expect(names(cry)).not.toContain('God');
    expect(names(cry)).toContain('Associated Press');
  });

  it('still reads a name after a cry, and God outside an oath', () => {
    expect(names('Hey, Jamal Crawford scored 20 points.')).toContain('Jamal Crawford');
    expect(names('The pastor said the church belongs to God and the town.')).toContain('God');
  });
});

// ECB+ 22_10ecbplus and 22_11ecbplus: two reports of the Kraft shooting in Philadelphia, 9 September 2010.
const lounge = [
  'Police say that the shootings happened minutes after Hiller was suspended from her job at the Kraft Plant following an altercation with the three victims.',
  'They say she forced her way through security at gunpoint, walked into the employee lounge where the three victims were and shot them.',
].join(' ');
const factory = [
  'In a sad and surprising reversal of gender roles, a disgruntled woman opened fire at a Kraft factory in Philadelphia last night, killing two workers and wounding two others.',
  "The shooting happened moments after the employee, Yvonne Hiller, was suspended from her job at Kraft, where she'd worked for 15 years, the Daily News reports.",
].join(' ');

describe('a run headed by a kind of works or facility names that place (ORG_WORDS)', () => {
  it('reads "the Kraft Plant" and "Cook County Jail" as an organisation, no person', () => {
    expect(typeOf(lounge, 'Plant')).toBe('organization');
    expect(typeOf('He was held at Cook County Jail overnight.', 'Jail')).toBe('organization');
  });

  it('so three victims shot in the lounge meet two killed and two wounded (ECB+ 22_10ecbplus / 22_11ecbplus)', () => {
    expect(conflictFigures(lounge, factory)).toContainEqual([
      'three victims',
      'two workers and wounding two others',
    ]);
  });
});

// ECB+ 22_1ecb and 22_9ecb: two reports of the 1967 Staunton killings, the day of the arrest (2008).
describe('a spelled-out age before a name is no part of it (rule age-before-name)', () => {
  const sixty =
    'Sixty-year-old Sharron Diane Crawford Smith is now accused of murdering two women at a Staunton ice cream store in 1967.';
  const sixtyOne =
    'This morning, 41 years later, Staunton police have arrested and charged Sharron Diane Crawford Smith, age 61, with two counts of first-degree murder.';

  it('reads the name after "Sixty-year-old", so her two ages are compared (ECB+ 22_1ecb / 22_9ecb)', () => {
    expect(typeOf(sixty, 'Smith')).toBe('person');
    expect(conflictFigures(sixty, sixtyOne)).toEqual([['Sixty-year-old', '61']]);
  });

  it('keeps a place before a lower-case descriptor ("Los Angeles-area")', () => {
    expect(
      typeOf('Firefighters fought the Los Angeles-area fire for 12 hours.', 'Los Angeles'),
    ).toBeDefined();
    expect(typeOf('Twenty-two-year-old John Brown was shot twice.', 'John Brown')).toBe('person');
  });
});
