// A fresh migrated libSQL `file:` database per test file (a file, not :memory:, so writes behave as in production).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NodeDb, openNodeDb } from '../../src/node-db';

export interface TestDb extends NodeDb {
  cleanup(): void;
}

export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-test-'));
  const opened = await openNodeDb(`file:${join(dir, 'test.db')}`);
  return {
    ...opened,
    cleanup() {
      opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
