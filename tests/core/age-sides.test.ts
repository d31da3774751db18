// Whose age a figure gives when a report names a side or a family rather than one person
// (src/core/age-roles.ts, src/core/ages.ts). Sentences from ECB+ topics 16, 18 and 19.
import { describe, expect, it } from 'vitest';
import { extractArticle, toMatchable } from '../../src/core';
import { agesOfDifferentHolders } from '../../src/core/ages';
import { conflictFigures, quantities } from '../helpers/core';

const marks = (text: string) =>
  quantities(text)
    .filter((q) => q.unitClass === 'age')
    .map((q) => `${q.text}: ${q.modifiers.filter((m) => /role:|^kin$/.test(m)).join(',') || 'none'}`);

describe('opposed-roles on a side its report gives two ages for', () => {
  // ECB+ 19_1ecbplus (real sentence) against a retelling of 19_4ecbplus's headline: the officers who
  // fired against the teenager they shot.
  const officers =
    "The 30 - year - old sergeant and 26 - year - old fired 11 shots — the autopsy showed that seven bullets entered Gray's body, three of them from the rear.";
  const teen =
    'A Brooklyn woman says the 16 - year - old shot by cops, Kimani Gray, did not have a gun in his hand.';

  it('marks both doers, and keeps the side', () => {
    expect(marks(officers)).toEqual(['30 - year - old: shared-role:did', '26 - year - old: shared-role:did']);
    expect(marks(teen)).toEqual(['16 - year - old: role:suffered']);
  });

  it('does not set the sergeant’s 30 against the teenager’s 16', () => {
    expect(conflictFigures(officers, teen)).toEqual([]);
  });
});

describe('role-over-a-list', () => {
  // ECB+ 18_5ecbplus against 18_6ecbplus (real sentences): two victims listed after "identified the
  // other victims as", against the gunman.
  const victims =
    'Troy Police Lt. Gerry Scherlinck identified the other victims as a 47 - year - old man and a 48 - year - old man.';
  const gunman =
    'Assistant Oakland County Prosecutor Rob Novy said the 39 - year - old Troy man shot his former co - workers because he was furious over his firing four days earlier.';

  it('gives the second holder of a list the part the list was introduced with', () => {
    expect(marks(victims)).toEqual([
      '47 - year - old: shared-role:suffered',
      '48 - year - old: shared-role:suffered',
    ]);
    expect(marks('A 40-year-old man was killed and a 35-year-old woman survived.')).toEqual([
      '40-year-old: role:suffered',
      '35-year-old: none',
    ]);
  });

  it('does not set a victim’s age against the gunman’s', () => {
    expect(conflictFigures(victims, gunman)).toEqual([]);
  });
});

describe('kin-apart', () => {
  // ECB+ 16_4ecbplus against 16_9ecbplus: the deputy and his son share a surname.
  const deputy = [
    'A sheriff’s deputy was shot dead in Hawaiian Gardens on Friday.',
    'Ortiz, 35, was a 15-year member of the sheriff’s department.',
  ].join('\n');
  const son = [
    'A jury found Jose Luis Orozco guilty of murdering Deputy Ortiz in Hawaiian Gardens.',
    "\"I'm kind of relieved that it's over,\" said 17-year-old Jeremy Ortiz, one of the deputy's sons from a previous marriage.",
  ].join('\n');

  it('marks a holder told as someone’s kin', () => {
    expect(marks(son.split('\n')[1]!)).toEqual(['17-year-old: kin']);
    expect(marks("Gray's older sister, Mahnefah Gray, 19, said he was a good boy.")).toEqual(['19: kin']);
    expect(marks(deputy.split('\n')[1]!)).toEqual(['35: none']);
  });

  it('does not set the son’s 17 against his father’s 35', () => {
    expect(conflictFigures(deputy, son)).toEqual([]);
  });
});

describe('age-at-the-verdict', () => {
  // ECB+ 16_1ecbplus against 16_2ecbplus (real sentences): the accused the night of the shooting, and
  // at the verdict two years on.
  const shooting =
    'Orozco, 27, was found hiding in a house a few doors away from the shooting some hours after Deputy Ortiz was slain.';
  const verdict =
    "The District Attorney's office says in a release that the jury found Jose Luis Orozco, 29, guilty of 1st degree murder, attempted murder and posession of a firearm by a felon.";

  it('marks the ages a report tells at a verdict', () => {
    expect(quantities(verdict).map((q) => q.modifiers.includes('told-at:verdict'))).toEqual([true]);
    expect(quantities(shooting).map((q) => q.modifiers.includes('told-at:verdict'))).toEqual([false]);
  });

  it('does not set the age at the verdict against the age at the shooting', () => {
    expect(conflictFigures(shooting, verdict)).toEqual([]);
  });

  it('still sets two ages told at one time against each other, and an age at the verdict that is younger', () => {
    expect(conflictFigures(shooting, shooting.replace('27', '29'))).toHaveLength(1);
    expect(conflictFigures(shooting.replace('27', '31'), verdict)).toHaveLength(1);
  });

  // ECB+ 18_6ecbplus: a report of the verdict tells it in its headline; its ages are the verdict's.
  it('reads a report whose headline tells a verdict as told at the verdict', () => {
    const report = [
      'Jury finds suspect in Troy office shooting guilty.',
      'Assistant Oakland County Prosecutor Rob Novy said the 39 - year - old Troy man shot his former co - workers because he was furious over his firing four days earlier.',
    ].join('\n');
    expect(quantities(report).filter((q) => q.unitClass === 'age')[0]!.modifiers).toContain(
      'told-at:verdict',
    );
  });
});

describe('calling-acts-on-holder', () => {
  // ECB+ 21_8ecb / 21_12ecb against 21_9ecb (real sentences): the driver's age against the age of the
  // woman the driver killed.
  const driver =
    "Police say a man outside the Sam's Club told the 36-year-old driver to stop but he kept going.";
  const woman =
    "Police arrested a man they believe to be the hit and run driver who killed a 66-year-old woman outside the Sam's Club in Bloomington.";

  it("does not set the driver's 36 against the 66 of the woman the driver killed", () => {
    expect(conflictFigures(driver, woman)).toEqual([]);
  });

  it('an apposition is the holder itself: "the driver, a 64-year-old man" is still the driver', () => {
    const told = "Police said the driver, a 64-year-old man, was stopped outside the Sam's Club.";
    expect(conflictFigures(driver, told)).not.toEqual([]);
  });
});

describe('hometowns-apart', () => {
  // ECB+ 18_1ecbplus against 18_6ecbplus (real sentences, labelled different): the tipster's age against the gunman's.
  const tipster =
    "A 50 - year - old man from Dexter, Michigan, tipped off authorities to LaCalamita's location after hearing a description of the suspect's vehicle - - a 2007 silver Ford Fusion - - on the radio.";
  const gunman =
    'Assistant Oakland County Prosecutor Rob Novy said the 39 - year - old Troy man shot his former co - workers because he was furious over his firing four days earlier.';

  const claim = (text: string, id: string) => toMatchable(extractArticle(text).claims[0]!, `${id}:0`, id);
  const age = (c: ReturnType<typeof claim>) => c.quantities.find((q) => q.unitClass === 'age')!;

  it('reads the man from Dexter and the Troy man as two people', () => {
    const [a, b] = [claim(tipster, 'a'), claim(gunman, 'b')];
    expect(agesOfDifferentHolders(a, age(a), b, age(b))).toBe(true);
  });

  it('reads two men from one town as maybe one', () => {
    const troy = claim(
      'Assistant Oakland County Prosecutor Rob Novy said a 41 - year - old man from Troy shot his former co - workers because he was furious over his firing.',
      'c',
    );
    const b = claim(gunman, 'b');
    expect(agesOfDifferentHolders(troy, age(troy), b, age(b))).toBe(false);
  });
});
