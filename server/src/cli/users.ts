/**
 * Accounts from the command line — the way to make the first administrator without putting a password in the
 * environment, and to get back in when every administrator has forgotten theirs.
 *
 *   pnpm user:create --role admin --username NAME [--display-name 名字] [--agency 机关名称] [--password-stdin]
 *   pnpm user:password --username NAME [--password-stdin]      (new password; unlocks; ends the user's sessions)
 *
 * The password is asked for twice on a terminal (nothing is echoed), or read from standard input with
 * --password-stdin (for scripts) — never from the command line, where it would land in shell history and `ps`.
 * Exit code 0 on success, 1 on a usage error or a refusal (the reason is printed).
 */
import 'reflect-metadata';
import { runShutdownHooks } from '@ogi/database';
import { DomainError, ROLES, isRole, type Role } from '@ogi/domain';
import type { SignedInUser } from '../common/access/signed-in-user.js';
import { ConfigError } from '../config/app-config.js';
import { UsersService } from '../modules/accounts/users.service.js';
import { startCliApp } from './cli-app.js';
import { UsersCliModule } from './users-cli.module.js';

const USAGE = `usage: pnpm user:create --role ROLE --username NAME [--display-name NAME] [--agency AGENCY] [--password-stdin]
       pnpm user:password --username NAME [--password-stdin]
ROLE is one of ${ROLES.join(', ')}; a department user needs --agency (its registered name or alias).
The password is asked for on the terminal, or read from standard input with --password-stdin.`;

class UsageError extends Error {}

/** `--name value` pairs and bare flags. */
function parseArgs(argv: string[]): { command: string | undefined; options: Map<string, string | true> } {
  const [command, ...rest] = argv.filter((a) => a !== '--');
  const options = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('--')) options.set(arg.slice(2), true);
    else {
      options.set(arg.slice(2), next);
      i++;
    }
  }
  return { command, options };
}

const text = (options: Map<string, string | true>, name: string): string | undefined => {
  const v = options.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Reads a line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) throw new UsageError('no terminal to ask for the password: pipe it in with --password-stdin');
  const first = await askHidden('密码 Password: ');
  const second = await askHidden('再次输入 Repeat: ');
  if (first !== second) throw new UsageError('the two passwords differ');
  return first;
}

/** The command line acts as a system administrator (for the log: "changed by cli"). */
const CLI_ACTOR: SignedInUser = { id: 0, username: 'cli', displayName: 'command line', role: 'admin', agencyId: null };

async function main(argv: string[]): Promise<number> {
  const { command, options } = parseArgs(argv);
  if (options.has('help') || (command !== 'create' && command !== 'password')) {
    process.stdout.write(`${USAGE}\n`);
    return options.has('help') ? 0 : 1;
  }
  const username = text(options, 'username');
  if (!username) throw new UsageError('--username is required');
  const roleArg = text(options, 'role');
  let role: Role | null = null;
  if (command === 'create') {
    if (!isRole(roleArg)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    role = roleArg;
  }
  const agencyName = text(options, 'agency');
  if (role === 'department' && !agencyName) throw new UsageError('a department user needs --agency');
  const password = await readPassword(options.get('password-stdin') === true);

  const { app, dataSource } = await startCliApp('users', (config, url) => UsersCliModule.forRoot(config, url));
  const users = app.get(UsersService);

  if (command === 'create') {
    let agencyId: number | null = null;
    if (role === 'department') {
      const rows = await dataSource.query<{ id: number }[]>(
        `SELECT id FROM agency WHERE name = $1 UNION SELECT agency_id FROM agency_alias WHERE alias = $1 LIMIT 1`,
        [agencyName],
      );
      if (!rows[0]) throw new UsageError(`no registered agency is named "${agencyName}"`);
      agencyId = rows[0].id;
    }
    const user = await users.create({ username, displayName: text(options, 'display-name') ?? username, role: role!, agencyId, password }, CLI_ACTOR);
    process.stdout.write(`Created ${user.role} "${user.username}" (id ${user.id}).\n`);
  } else {
    const [row] = await dataSource.query<{ id: number }[]>('SELECT id FROM app_user WHERE lower(username) = lower($1)', [username]);
    if (!row) throw new UsageError(`no user is named "${username}"`);
    await users.resetPassword(String(row.id), password, CLI_ACTOR);
    process.stdout.write(`New password set for "${username}"; the account is unlocked and its sessions ended.\n`);
  }
  await runShutdownHooks();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (err: unknown) => {
    const message =
      err instanceof ConfigError || err instanceof DomainError
        ? err.message
        : err instanceof UsageError
          ? `${err.message}\n${USAGE}`
          : `Error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`${message}\n`);
    await runShutdownHooks();
    process.exit(1);
  },
);
