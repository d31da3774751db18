// `npm run user -- <command>`: manage accounts from the shell. Passwords are read from stdin (or a hidden
// prompt on a terminal), never from arguments (they would land in shell history and `ps`).
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Db } from '../../db/client';
import { listApiTokens, listUsers } from '../../db/queries/users';
import { hashPassword } from '../auth/password';
import { DEFAULT_DATABASE_URL, databaseUrlFromEnv } from '../config';
import { openNodeDb } from '../node-db';
import {
  addAccount,
  checkNewPassword,
  mintToken,
  setDisabled,
  setPassword,
  setRole,
} from '../services/accounts';
import { InputError, NotFoundError } from '../services/errors';

const USAGE = `Usage: npm run user -- <command>
  add <login> --role viewer|reviewer|editor [--name NAME]   create an account; password from stdin or a prompt
  hash                                                      print a password hash for ACCOUNTS_FILE
  token <login> [--label LABEL]                             mint an API token (printed once)
  list                                                      accounts, roles and token counts
  role <login> <role>                                       change a role
  disable <login> | enable <login>                          switch an account off or on
  password <login>                                          set a new password (signs the account out)
Environment: DATABASE_URL (default ${DEFAULT_DATABASE_URL})`;

/** On a terminal: ask twice, without echo. Otherwise: the first line of stdin (`echo pw | npm run user ...`). */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      const out = rl as unknown as { _writeToOutput: (s: string) => void };
      let asked = false;
      // readline echoes what is typed through _writeToOutput; after the question, print nothing.
      out._writeToOutput = (s: string) => {
        if (!asked) process.stderr.write(s);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
      asked = true;
    });
  const first = await ask('Password: ');
  const again = await ask('Again: ');
  if (first !== again) throw new InputError('The two passwords differ.');
  return first;
}

async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const { db, close } = await openNodeDb(databaseUrlFromEnv(process.env));
  try {
    return await run(db);
  } finally {
    close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  const [command, login, extra] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const needLogin = () => {
    if (!login) throw new InputError(`"${command}" needs a login.`);
    return login;
  };

  switch (command) {
    case 'hash':
      console.log(await hashPassword(checkNewPassword(await readPassword())));
      return 0;
    case 'add': {
      const l = needLogin();
      if (!values.role) throw new InputError('Give --role viewer, reviewer or editor.');
      const password = checkNewPassword(await readPassword());
      const user = await withDb((db) =>
        addAccount(db, { login: l, displayName: values.name, role: values.role ?? '', password }),
      );
      console.log(`added ${user.login} (${user.role})`);
      return 0;
    }
    case 'token': {
      const l = needLogin();
      const token = await withDb((db) => mintToken(db, l, values.label ?? 'cli'));
      // The token alone on stdout, so `TOKEN=$(npm run -s user -- token ana)` works.
      console.error(`API token for ${l} (shown once; send it as "Authorization: Bearer <token>"):`);
      console.log(token);
      return 0;
    }
    case 'list': {
      const [users, tokens] = await withDb((db) => Promise.all([listUsers(db), listApiTokens(db)]));
      for (const u of users) {
        const n = tokens.filter((t) => t.userId === u.id).length;
        const flags = [u.disabled ? 'disabled' : '', u.hasPassword ? '' : 'no password'].filter(Boolean);
        console.log(
          `${u.login.padEnd(24)} ${u.role.padEnd(9)} ${String(n).padStart(2)} token(s)  ${u.displayName}${flags.length ? `  [${flags.join(', ')}]` : ''}`,
        );
      }
      if (users.length === 0) console.log('no accounts');
      return 0;
    }
    case 'role': {
      const l = needLogin();
      if (!extra) throw new InputError('Give the new role: npm run user -- role <login> <role>.');
      await withDb((db) => setRole(db, l, extra));
      console.log(`${l} is now ${extra}`);
      return 0;
    }
    case 'disable':
    case 'enable': {
      const l = needLogin();
      await withDb((db) => setDisabled(db, l, command === 'disable'));
      console.log(`${l} ${command}d`);
      return 0;
    }
    case 'password': {
      const l = needLogin();
      const password = checkNewPassword(await readPassword());
      await withDb((db) => setPassword(db, l, password));
      console.log(`new password set for ${l}; its sessions were ended`);
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      const known = err instanceof InputError || err instanceof NotFoundError;
      console.error(known ? `error: ${err.message}` : err);
      process.exit(known ? 1 : 2);
    },
  );
}
