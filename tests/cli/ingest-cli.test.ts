// `npm run ingest` as a user runs it: a manifest with a bad entry and a missing file, plus a URL the
// address rules refuse; every item is tried, the failures are printed with their reasons, the exit
// code says something failed, and the import with each item's outcome is in the database.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { importItemsOf, recentImportJobs } from '../../db/queries/imports';
import { openNodeDb } from '../../src/node-db';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run ingest', () => {
  it('imports every item it can, shows progress and the failures with reasons, and stores the import', async () => {
    writeFileSync(
      join(dir, 'one.txt'),
      'The harbour authority said 41 ships waited outside Port Aldmoor on Tuesday after the storm closed it.',
    );
    writeFileSync(join(dir, 'empty.html'), '<html><body><nav> </nav></body></html>');
    writeFileSync(
      join(dir, 'two.txt'),
      'The regional council passed a budget of 480 million euros on Monday, with 31 votes in favour.',
    );
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify([
        { file: 'one.txt', outlet: 'Harbour Watch', title: 'Ships wait' },
        { file: 'empty.html', outlet: 'Nowhere' },
        { file: 'missing.txt', outlet: 'Nowhere' },
        { file: 'two.txt', outlet: 'Valley Courier' },
      ]),
    );
    const databaseUrl = `file:${join(dir, 'cli.db')}`;
    const failed = await run(
      'npx',
      [
        'tsx',
        'src/cli/articles.ts',
        'ingest',
        join(dir, 'manifest.json'),
        '--url',
        'http://127.0.0.1:9/news',
      ],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 },
    ).then(
      () => null,
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    const { stdout, stderr } = failed!;
    // Not a terminal: one progress line per item done, in order; failures on stderr with their reasons.
    expect(stdout).toMatch(/^import 1: 5 items/m);
    expect(stdout).toMatch(/^import 1 2\/5 one\.txt$/m);
    expect(stdout).toMatch(/^import 1 5\/5 two\.txt$/m);
    expect(stderr).toMatch(/failed: http:\/\/127\.0\.0\.1:9\/news: .*loopback address/);
    expect(stderr).toMatch(/failed: empty\.html: .*no text/);
    expect(stderr).toMatch(/failed: missing\.txt: the file could not be read \(ENOENT\)/);
    expect(stdout).toMatch(/import 1: 2 stored, 0 already stored, 3 failed/);

    const { db, close } = await openNodeDb(databaseUrl);
    try {
      const [job] = await recentImportJobs(db, 5);
      expect(job).toMatchObject({ total: 5, createdBy: 'npm run ingest' });
      expect(job!.finishedAt).not.toBeNull();
      const items = await importItemsOf(db, job!.id);
      expect(items.map((i) => i.status)).toEqual(['failed', 'stored', 'failed', 'failed', 'stored']);
    } finally {
      close();
    }
  }, 90_000);

  it('stores another outlet’s reprint of a text as its wire copy, and the same outlet’s as already stored', async () => {
    const wire =
      'The ferry operator said 412 passengers were evacuated from the burning ship on Tuesday night, and 23 of them were taken to hospital. The fire started in the engine room, the coast guard said.';
    writeFileSync(join(dir, 'wire.txt'), wire);
    writeFileSync(
      join(dir, 'reprints.json'),
      JSON.stringify([
        { file: 'wire.txt', outlet: 'AP', title: 'Ferry fire' },
        { file: 'wire.txt', outlet: 'Bay Herald', title: 'Ferry fire (AP)' },
        { file: 'wire.txt', outlet: 'AP', title: 'Ferry fire, again' },
      ]),
    );
    const databaseUrl = `file:${join(dir, 'reprints.db')}`;
    const { stdout } = await run(
      'npx',
      ['tsx', 'src/cli/articles.ts', 'ingest', join(dir, 'reprints.json')],
      {
        env: { ...process.env, DATABASE_URL: databaseUrl },
        timeout: 60_000,
      },
    );
    expect(stdout).toMatch(/import 1: 2 stored, 1 already stored, 0 failed/);
    const { client, close } = await openNodeDb(databaseUrl);
    try {
      const rows = await client.execute(
        'select a.id, s.name, a.copy_of from articles a join sources s on s.id = a.source_id order by a.id',
      );
      expect(rows.rows.map((r) => [r.id, r.name, r.copy_of])).toEqual([
        [1, 'AP', null],
        [2, 'Bay Herald', 1],
      ]);
    } finally {
      close();
    }
  }, 90_000);
});
