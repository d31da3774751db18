// The configuration module (src/config.ts): defaults applied once, malformed values refused at start
// with the variable named, the same settings for Node and the Worker.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DATABASE_URL,
  databaseUrlFromEnv,
  libsqlFromEnv,
  nodeConfigFromEnv,
  settingsFromEnv,
} from '../../src/config';

describe('configuration from the environment', () => {
  it('gives the Node server its defaults when nothing is set', () => {
    expect(nodeConfigFromEnv({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      databaseUrl: DEFAULT_DATABASE_URL,
      writesPerMinute: undefined,
      accountsFile: undefined,
      pollFeeds: true,
      settings: settingsFromEnv({}),
    });
  });

  it('reads every variable, trimmed, with the same settings the Worker gets', () => {
    const env = {
      PORT: ' 9000 ',
      HOST: '0.0.0.0',
      DATABASE_URL: 'libsql://db.example',
      WRITES_PER_MINUTE: '0',
      ACCOUNTS_FILE: 'accounts.json',
      FEED_POLLING: 'off',
      EXTRACTION_THREADS: '0',
      SECOND_REVIEWER: 'yes',
      ORG_NAME: ' Newsroom ',
      SESSION_IDLE_MINUTES: '30',
    };
    const config = nodeConfigFromEnv(env);
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      databaseUrl: 'libsql://db.example',
      writesPerMinute: 0,
      accountsFile: 'accounts.json',
      pollFeeds: false,
      extractionThreads: 0,
    });
    expect(config.settings).toEqual(settingsFromEnv(env));
    expect(config.settings).toMatchObject({
      secondReviewer: true,
      orgName: 'Newsroom',
      sessionIdleMinutes: 30,
    });
  });

  it('applies the database default to an empty DATABASE_URL too (every CLI reads it here)', () => {
    expect(databaseUrlFromEnv({ DATABASE_URL: '  ' })).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrlFromEnv({ DATABASE_URL: 'file:/tmp/x.db' })).toBe('file:/tmp/x.db');
  });

  it('takes a write limit as high as an operator wants (the soak sets 1,000,000,000)', () => {
    expect(nodeConfigFromEnv({ WRITES_PER_MINUTE: '1000000000' }).writesPerMinute).toBe(1_000_000_000);
  });

  it('refuses a malformed value, naming the variable', () => {
    expect(() => nodeConfigFromEnv({ PORT: 'eighty' })).toThrow(/^PORT must be a port number.*"eighty"/);
    expect(() => nodeConfigFromEnv({ WRITES_PER_MINUTE: '-1' })).toThrow(/^WRITES_PER_MINUTE must be/);
    expect(() => nodeConfigFromEnv({ EXTRACTION_THREADS: 'two' })).toThrow(/^EXTRACTION_THREADS must be/);
    expect(() => nodeConfigFromEnv({ PUBLIC_ORIGIN: 'https://a.example/path' })).toThrow(
      /^PUBLIC_ORIGIN must/,
    );
    expect(() => settingsFromEnv({ SESSION_IDLE_MINUTES: '1.5' })).toThrow(/^SESSION_IDLE_MINUTES must/);
  });

  it('reads a remote libSQL server for the Worker and the deploy commands', () => {
    expect(libsqlFromEnv({})).toEqual({ url: undefined, authToken: undefined });
    expect(libsqlFromEnv({ LIBSQL_URL: 'libsql://a.turso.io', LIBSQL_AUTH_TOKEN: '' })).toEqual({
      url: 'libsql://a.turso.io',
      authToken: undefined,
    });
  });
});
