// An age's holder plays a part in the event (src/core/age-roles.ts): the one who did it or the one it
// was done to. Sentences from ECB+ topic 18 (the Vancouver office-party shooting, 18_2ecb / 18_3ecb /
// 18_4ecb), as two short reports.
import { describe, expect, it } from 'vitest';
import { links, quantities } from '../helpers/core';

const conflicts = (docs: Record<string, string>) =>
  links(docs)
    .filter((l) => l.relation === 'conflict')
    .map((l) => `${l.explanation.a?.text} / ${l.explanation.b?.text}`);
const agreements = (docs: Record<string, string>) =>
  links(docs).filter((l) => l.relation !== 'conflict' && /\d/.test(l.explanation.a?.text ?? ''));

const roles = (text: string) =>
  quantities(text)
    .filter((q) => q.unitClass === 'age')
    .map((q) => `${q.text}: ${q.modifiers.find((m) => m.startsWith('role:')) ?? 'none'}`);

describe('the role of an age’s holder', () => {
  it('reads who did it and who it was done to from the words around the holder', () => {
    expect(
      roles(
        'Police allege Eric Allen Kirkpatrick, 61, opened fire at the TallGrass Distribution Ltd Christmas party.',
      ),
    ).toEqual(['61: role:did']);
    expect(
      roles('"The suspect, a 61-year-old man, entered the business," police said in a statement.'),
    ).toEqual(['61-year-old: role:did']);
    expect(roles('The victim, Benjamin David Banky, 40, of Vancouver was gunned down Friday.')).toEqual([
      '40: role:suffered',
    ]);
    // ECB+ 16_1ecbplus and 19_4ecbplus: the age of the one it was done to, before and after it.
    expect(
      roles('Cooley said Jose Luis Orozco was charged with murdering the 35-year-old deputy on June 24.'),
    ).toEqual(['35-year-old: role:suffered']);
    expect(roles('Brooklyn riot over teen’s death: 16-year-old shot by cops did not have a gun.')).toEqual([
      '16-year-old: role:suffered',
    ]);
  });

  it('reads "a 60-year-old woman charged with killing" as the one who did it (rule charged-with-role, ECB+ 22_2ecb)', () => {
    expect(
      roles(
        'A 60-year-old woman charged with killing two young women in a Staunton ice cream shop 41 years ago was released without bail, authorities said Friday.',
      ),
    ).toEqual(['60-year-old: role:did']);
    expect(roles('The 35-year-old deputy charged the gunman.')).toEqual(['35-year-old: none']);
  });

  it('drops the role where one report gives two ages for it', () => {
    expect(
      roles('The victims, John Smith, 40, and Paul Jones, 52, were shot. A 23-year-old man was arrested.'),
    ).toEqual(['40: none', '52: none', '23-year-old: role:did']);
  });
});

describe('same-role-age and opposed-roles', () => {
  const charged = (age: number) =>
    [
      'Vancouver police said a man was charged with murder after a shooting at an office Christmas party.',
      `A ${age}-year-old Vancouver man was charged yesterday in connection with the fatal shooting of his former boss at an office Christmas party.`,
    ].join('\n');
  const named = [
    'Vancouver police said a man was charged with murder after a shooting at an office Christmas party.',
    'Police allege Eric Allen Kirkpatrick, 61, opened fire at the office Christmas party, killing his former boss.',
  ].join('\n');

  it("compares the suspect's age that one report names and the other does not", () => {
    expect(conflicts({ a: charged(64), b: named })).toHaveLength(1);
    expect(conflicts({ a: charged(61), b: named })).toEqual([]);
    expect(agreements({ a: charged(61), b: named })).not.toEqual([]);
  });

  it("never compares the suspect's age with the victim's", () => {
    const victim = [
      'Vancouver police said a man was charged with murder after a shooting at an office Christmas party.',
      'The victim, a 40-year-old man, was gunned down at the office Christmas party.',
    ].join('\n');
    const suspect = [
      'Vancouver police said a man was charged with murder after a shooting at an office Christmas party.',
      'The suspect, a 61-year-old man, entered the office Christmas party.',
    ].join('\n');
    expect(conflicts({ a: victim, b: suspect })).toEqual([]);
    expect(conflicts({ a: victim, b: named })).toEqual([]);
  });
});

describe('an age told of the protagonist by description (`described-protagonist`)', () => {
  // ECB+ 16_7ecbplus against 16_8ecbplus: one outlet names the deputy with his age, the other
  // describes him ("A 35-year-old sheriff's deputy"), both in reports about Deputy Ortiz.
  const named = [
    'Deputy Jerry Ortiz had gone to the home to speak to a witness in an assault case.',
    'Ortiz, 35, was on his own about 3 p.m.',
    'Ortiz was hit in the head and died at the scene.',
  ].join('\n');
  const described = (age: number) =>
    [
      `A ${age}-year-old sheriff's deputy working with an anti-gang unit was killed Friday when he knocked on the door of a home and someone shot him in the head, authorities said.`,
      'Deputy Jerry Ortiz had gone to the home to speak to a woman there.',
      'Ortiz was taken to a hospital, where he died.',
    ].join('\n');

  it("compares the described age with the protagonist's named age", () => {
    expect(conflicts({ a: named, b: described(36) })).toHaveLength(1);
    expect(conflicts({ a: named, b: described(35) })).toEqual([]);
  });

  it("leaves a namesake who is not the report's protagonist alone", () => {
    const son = [
      'Prosecutors said Orozco fired the shot.',
      '"I am relieved that it is over," said 17-year-old Jeremy Ortiz, one of the deputy\'s sons.',
      'Orozco was sentenced to death.',
      'Orozco showed no emotion.',
    ].join('\n');
    expect(conflicts({ a: son, b: described(35) })).toEqual([]);
  });
});
