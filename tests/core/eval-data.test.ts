// The measuring instruments of issue 15: the hand-labelled ECB+ set points at real sentences of real
// articles of one incident, and the scorers count what the compare path flags.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core';
import { readJsonl } from '../tools/eval/common';
import { articleText, type EcbArticle, readLabelled, scoreLabelled } from '../tools/eval/ecb-labelled';
import { quickSubset, type SummEditsRecord, scoreSummEdits } from '../tools/eval/summedits';
import { evalDir } from '../tools/fingerprint/fingerprint-corpus';

const dir = evalDir();
const pairs = readLabelled();

describe('hand-labelled ECB+ set', () => {
  it('every record is labelled with a reason, and the counts stay what the README says', () => {
    const labels = new Map<string, number>();
    for (const p of pairs) {
      expect(['conflict', 'compatible', 'different']).toContain(p.label);
      expect(p.reason.trim().length).toBeGreaterThan(10);
      expect(p.docA).not.toBe(p.docB);
      labels.set(p.label, (labels.get(p.label) ?? 0) + 1);
    }
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
    expect(Object.fromEntries(labels)).toEqual({ conflict: 79, compatible: 194, different: 1336 });
  });

  it.skipIf(!dir)('each pair is two reports of one incident, its sentences at the stored offsets', () => {
    const docs = new Map(
      readJsonl<EcbArticle & { topic: number; subtopic: string }>(dir!, 'ecbplus/ecbplus_dev.jsonl').map(
        (d) => [d.doc_id, d],
      ),
    );
    const texts = new Map<string, string>();
    const text = (id: string) => {
      let t = texts.get(id);
      if (t === undefined) {
        t = extractArticle(articleText(docs.get(id)!)).text;
        texts.set(id, t);
      }
      return t;
    };
    for (const p of pairs) {
      const a = docs.get(p.docA)!;
      const b = docs.get(p.docB)!;
      expect([a.topic, a.subtopic]).toEqual([p.topic, p.subtopic]);
      expect([b.topic, b.subtopic]).toEqual([p.topic, p.subtopic]);
      expect(text(p.docA).slice(p.startA, p.startA + p.sentenceA.length)).toBe(p.sentenceA);
      expect(text(p.docB).slice(p.startB, p.startB + p.sentenceB.length)).toBe(p.sentenceB);
    }
  });

  it('a pair counts only when the conflict joins its two labelled sentences', () => {
    const docs: EcbArticle[] = [
      {
        doc_id: 'x1',
        title: 'Quake hits island',
        text: 'The quake injured five people on Sunday. Officials said 40 homes were damaged.',
      },
      {
        doc_id: 'x2',
        title: 'Quake hits island',
        text: 'The quake injured nine people on Sunday. Officials said 40 homes were damaged.',
      },
    ];
    const at = (id: string, s: string) =>
      extractArticle(articleText(docs.find((d) => d.doc_id === id)!)).text.indexOf(s);
    const base = {
      topic: 0,
      subtopic: 't',
      docA: 'x1',
      docB: 'x2',
      valueA: 0,
      valueB: 0,
      stratum: 's',
      reason: 'test pair',
    };
    const injured = [
      'The quake injured five people on Sunday.',
      'The quake injured nine people on Sunday.',
    ] as const;
    const homes = ['Officials said 40 homes were damaged.', 'Officials said 40 homes were damaged.'] as const;
    const score = scoreLabelled(
      [
        {
          ...base,
          id: 'i',
          label: 'conflict',
          sentenceA: injured[0],
          sentenceB: injured[1],
          startA: at('x1', injured[0]),
          startB: at('x2', injured[1]),
          figureA: 'five people',
          figureB: 'nine people',
        },
        {
          ...base,
          id: 'h',
          label: 'compatible',
          sentenceA: homes[0],
          sentenceB: homes[1],
          startA: at('x1', homes[0]),
          startB: at('x2', homes[1]),
          figureA: '40 homes',
          figureB: '40 homes',
        },
      ],
      docs,
    );
    expect(score.unmatched).toEqual([]);
    expect(score.byLabel.conflict).toMatchObject({ pairs: 1, flagged: 1 });
    expect(score.byLabel.compatible).toMatchObject({ pairs: 1, flagged: 0 });
    expect(score.articlePairs).toBe(1);
  });
});

describe('SummEdits scorer', () => {
  const record = (id: string, kind: SummEditsRecord['kind'], summary: string): SummEditsRecord => ({
    domain: id.startsWith('m') ? 'meeting' : 'email',
    id,
    kind,
    doc: 'Acme reported quarterly revenue of $5 million, and Acme expects 40 new stores next year.',
    original_summary: 'Acme reported quarterly revenue of $5 million.',
    summary,
    edit_types: [],
  });

  it('counts recall on edited figures, false alarms on consistent summaries, per domain', () => {
    const s = scoreSummEdits([
      record('m1', 'figure_edited', 'Acme reported quarterly revenue of $9 million.'),
      record('m2', 'consistent', 'Acme reported quarterly revenue of $5 million.'),
      record('e1', 'figure_edited', 'Acme reported quarterly revenue of $5 million.'),
    ]);
    expect(s).toMatchObject({ figureEdited: 2, found: 1, consistent: 1, falseAlarms: 0, recall: 0.5 });
    expect(s.balancedAccuracy).toBeCloseTo(0.75);
    expect(s.byDomain.meeting).toMatchObject({ found: 1, figureEdited: 1, balancedAccuracy: 1 });
    expect(s.missedCases.map((m) => m.id)).toEqual(['e1']);
  });

  it('--quick keeps every fourth record of each domain and kind', () => {
    const many = Array.from({ length: 9 }, (_, i) =>
      record(`m${i}`, i % 2 ? 'consistent' : 'figure_edited', 'x'),
    );
    expect(quickSubset(many).map((r) => r.id)).toEqual(['m0', 'm1', 'm8']);
  });
});
