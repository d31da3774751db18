// Rule agreed-elsewhere and its frame test (src/core/crossref/agreements.ts): an article answers a
// conflict only with a claim whose figure's own words match as closely as the conflicting figure's.
// Real text: SummEdits ectsum_CMC_q3_2021 (an earnings call and a summary that edits one figure) and
// ectsum_RS_q3_2020 (guidance for another quarter than the reported figure).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { compareDocuments } from '../../src/services/compare';
import { conflictFigures } from '../helpers/core';

const conflicts = (a: string, b: string) =>
  compareDocuments([
    { id: 'doc', text: a },
    { id: 'summary', text: b },
  ]).links.filter((l) => l.relation === 'conflict');

const call =
  'Earnings from continuing operations were $130.4 million or $1.07 per diluted share on net sales of $1.8 billion. ' +
  'Excluding the impact of a gain on the sale of a small rail reclamation business, adjusted earnings from continuing operations were $127.1 million or $1.04 per diluted share.';
const summary = (figure: string) =>
  `The company reported adjusted earnings of $127.1 million or $1.04 per diluted share, and earnings from continuing operations of ${figure} or $1.07 per diluted share on net sales of $1.8 billion, which were record earnings more than the prior-year levels.`;

describe('rule agreed-elsewhere: only as close a match answers a conflict', () => {
  it('a summary retelling the line with an edited figure conflicts, though other figures agree', () => {
    const found = conflicts(call, summary('$132.4 million'));
    expect(found.map((l) => l.explanation.b?.text)).toContain('$132.4 million');
  });

  it('the faithful summary gets no conflict', () => {
    expect(conflicts(call, summary('$130.4 million'))).toEqual([]);
  });

  it('a figure of another quarter is answered by the one of its own quarter', () => {
    const found = conflicts(
      'Based on these expectations, we currently anticipate non-GAAP earnings per diluted share in the range of $1.30 to $1.40 for the fourth quarter of 2020. On a GAAP basis, our earnings per diluted share were $1.51 in the third quarter 2020.',
      'Reliance anticipates non-GAAP earnings per diluted share from $1.30 to $1.40 for Q4 2020 and has seen a decrease in net sales for Q3 2020 because of decreased pricing and demand levels.',
    );
    expect(found).toEqual([]);
  });
});

// SummEdits ectsum_KOP_q2_2021 (an earnings call and summaries of it): the summary sentence pairs the
// call's "$437 million" of the prior year with its forecast "$1.7 billion to $1.8 billion" (answered:
// the call states the forecast) and also says "$442 million" where the call says "$441 million".
const kop =
  "Let's start on Slide 17, that shows consolidated sales were $441 million, an increase of sales from $437 million in the prior year. " +
  'On Slide 36, our sales forecast for 2021 remains in the range of $1.7 billion to $1.8 billion compared with $1.67 billion in the prior year. ' +
  "On Slide 38, the EBITDA estimate to adjusted earnings per share guidance of $4.35 to $4.60 per share is unchanged from prior year's quarter -- from prior quarter's guidance and compares favorably to the prior year adjusted earnings per share of $4.12.";
const kopSummary = (sales: string) =>
  `The company's consolidated sales increased to ${sales}, with a projected sales forecast for 2021 remaining within the range of $1.7 billion to $1.8 billion compared with $1.67 billion in the prior year. The EBITDA estimate for adjusted earnings per share is unchanged from the prior year's guidance.`;

describe('rule other-conflict-stands: an answered conflict does not hide a closer one', () => {
  it('the line told with another figure still conflicts when a looser pairing is answered', () => {
    const found = conflicts(kop, kopSummary('$442 million'));
    expect(found.map((l) => [l.explanation.a?.text, l.explanation.b?.text])).toContainEqual([
      '$441 million',
      '$442 million',
    ]);
  });

  it('the faithful summary gets no conflict', () => {
    expect(conflicts(kop, kopSummary('$441 million'))).toEqual([]);
  });
});

// ECB+ 20_11ecbplus and 20_8ecbplus, whole: two reports of the Qeshm quake, each citing the USGS.
const QESHM_A =
  "Earthquake Levels Villages on Iranian Island of Qeshm.\nTen people are killed and about 50 hurt. U.S. Geological Survey puts the magnitude at 6.1. Ten people were killed and at least 50 injured when an earthquake razed mud - brick villages on the Persian Gulf island of Qeshm off Iran's southern coast Sunday, officials and state media said. Tehran's seismologic center put the quake's magnitude at 5.9, but the U.S. Geological Survey in Golden, Colo., said it was 6.1. A magnitude 6 quake can cause severe damage. The temblor was felt across the gulf in Oman and the United Arab Emirates. State - run TV reported that the island's airport sustained minor damage, and part of a hospital collapsed. No further details on structural damage were provided. State media said three strong aftershocks were felt. \"The earthquake was really strong, and people poured into the streets in panic. My husband immediately rushed off to one of the stricken villages, \"said Sara Sadeqi, 22, a homemaker in Qeshm City. State television quoted the disaster center in the province of Hormozgan as saying 10 people were killed. Qeshm Gov. Heidar Alishvandi said 50 were injured. Mohsen Kazemi from Iran's Red Crescent relief agency said the four hardest - hit villages were Tonban, Gavarzin, Khaledin and Gourian. Qeshm is the biggest island in the gulf and is a free - trade zone with a population of more than 100, 000. It is famed for its palm forests, and its beaches are much loved by tourists and nesting sea turtles.";
const QESHM_B =
  "Powerful Quake in Iran Kills 10 ; 80 Hurt and 7 Villages Damaged.\nA powerful earthquake hit southern Iran on Sunday, causing major destruction in seven villages and killing 10 people and injuring 80. The tremor shook Oman and the United Arab Emirates as well, forcing many office workers to evacuate their buildings. The official IRNA news agency and the United States Geological Survey said it had a magnitude of 5.9. Iran's seismologic center said the epicenter of the earthquake was in the waters of the Persian Gulf, 35 miles southwest of the port of Bandar Abbas. Iran is on seismic fault lines. A major earthquake killed more than 31, 000 in city of Bam in central Iran in 2003, and 600 were killed in the city of Zarand in February in an earthquake with a magnitude of 6.4. The tourist Island of Qeshm on the Persian Gulf and seven of its villages were most strongly affected by the quake. It hit at 1 : 53 p. m. local time and was followed by at least four strong aftershocks, IRNA reported. The news agency also reported that one of the major hospitals on the island, in the village of Jeyhian, was destroyed and the village's power lines were cut. The island's airport was also damaged. Abdolreza Sheikholeslami, the governor of Hormozgan Province, the center of the damaged area, said 40 percent to 70 percent of the buildings in seven villages were destroyed, IRNA reported. Two helicopters began moving the injured to the hospital in Bandar Abbas, and aid workers began distributing food, blankets and tents in the region, the governor said. Qeshm is Iran's largest island in the Persian Gulf, with a population of 120, 000. The quake jolted several cities in the United Arab Emirates, across the Persian Gulf from Iran. Office workers in Dubai, United Arab Emirates, evacuated several buildings in the city, pouring onto the streets and snarling traffic. There were no reported injuries in Dubai. Mehdi Zareh, director of the seismological center in Tehran, dismissed concerns that the earthquake would cause tsunamis, IRNA reported. ''The Persian Gulf is not deep enough so that we can expect tsunamis, '' he was quoted as saying. Map of Iran highlighting epicenter of earthquake : A tremor shook southern Iran yesterday, causing major damage.";

describe('rule same-source-told-apart: an answer must cite the source both claims cite', () => {
  it('"the United States Geological Survey said … 5.9" conflicts with "U.S. Geological Survey puts the magnitude at 6.1"', () => {
    // 20_11ecbplus also says "Tehran's seismologic center put the quake's magnitude at 5.9": another
    // source's figure, which no longer answers what the USGS said.
    expect(conflictFigures(QESHM_A, QESHM_B)).toContainEqual(['6.1', '5.9']);
  });

  it('reads a body that "puts the magnitude at" a figure as its source (rule puts-it-at)', () => {
    const claim = extractArticle('U.S. Geological Survey puts the magnitude at 6.1.').claims[0]!;
    expect(claim.terms).toContain('s:usgs');
  });
});
