// The configuration module (src/config.ts): defaults applied once, malformed values refused at start
// with the variable named, the same settings for Node and the Worker.
import { describe, expect, it } from 'vitest';
import {
  accessFromEnv,
  DEFAULT_DATABASE_URL,
  databaseUrlFromEnv,
  devWorkerPortFromEnv,
  libsqlFromEnv,
  nodeConfigFromEnv,
  settingsFromEnv,
  workerClientHeadersFromEnv,
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
      sendWebhooks: true,
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
      WEBHOOKS: 'off',
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
      sendWebhooks: false,
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

  it('reads Cloudflare Access: the gate only with both values, a safe default role, editors lower-cased', () => {
    expect(accessFromEnv({})).toEqual({ gate: null, policy: { defaultRole: 'viewer', editors: new Set() } });
    expect(accessFromEnv({ ACCESS_TEAM_DOMAIN: 'team.cloudflareaccess.com' }).gate).toBeNull();
    const access = accessFromEnv({
      ACCESS_TEAM_DOMAIN: 'https://team.cloudflareaccess.com/',
      ACCESS_AUD: 'aud-tag',
      ACCESS_DEFAULT_ROLE: ' Reviewer ',
      ACCESS_EDITORS: ' Boss@Example.org , ,other@example.org',
    });
    expect(access).toEqual({
      gate: { domain: 'team.cloudflareaccess.com', aud: 'aud-tag' },
      policy: { defaultRole: 'reviewer', editors: new Set(['boss@example.org', 'other@example.org']) },
    });
    // A typo never hands out more than viewer.
    expect(accessFromEnv({ ACCESS_DEFAULT_ROLE: 'admin' }).policy.defaultRole).toBe('viewer');
  });

  it('reads what the Worker commands need: the dev port and the headers for a deployed Worker', () => {
    expect(devWorkerPortFromEnv({})).toBe(8788);
    expect(devWorkerPortFromEnv({ WORKER_PORT: '9100' })).toBe(9100);
    expect(() => devWorkerPortFromEnv({ WORKER_PORT: 'x' })).toThrow(/WORKER_PORT/);
    expect(workerClientHeadersFromEnv({})).toEqual({});
    expect(
      workerClientHeadersFromEnv({
        CROSSCHECK_TOKEN: 't',
        CF_ACCESS_CLIENT_ID: 'id',
        CF_ACCESS_CLIENT_SECRET: 's',
      }),
    ).toEqual({ Authorization: 'Bearer t', 'CF-Access-Client-Id': 'id', 'CF-Access-Client-Secret': 's' });
  });
});
