// CLI edge: `dyad serve` — a store path, host, port and token → the HTTP API and web UI, until interrupted.
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { startServer, type RunningServer } from '../../api/start-server.js';
import { DB_HELP, openStore } from '../../store/open-store.js';
import { isPostgresUrl } from '../../store/postgres/postgres-store.js';
import { collectValues, lexiconOptions } from '../io.js';
import { workerCoder } from '../../pipeline/worker-coder.js';
import { checkKinds } from '../../pipeline/settle-kinds.js';
import { loadEquipment } from '../../lexicon/load-lexicon.js';
import { addedKinds } from '../../link/lexicon-kinds.js';
import { workerWriter } from '../../api/worker-writer.js';
import { UsageError } from './code.js';

export interface ServeOptions {
  db?: string;
  port?: string;
  host?: string;
  token?: string;
  /** Start an empty store when none exists at `db` (without it a missing store is refused: a mistyped path). */
  create?: boolean;
  lexicon?: string[];
  petrarchDictionaries?: string[];
}

/** Checks a port flag: a whole number from 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}"`);
  return Number(value);
}

/** The warning for a token given on the command line (anyone on the machine can read it with `ps`), else null. */
export function tokenWarning(options: ServeOptions): string | null {
  return options.token === undefined ? null
    : '--token shows in the process list (ps) to every user of this machine: set DYAD_TOKEN in the environment instead';
}

/**
 * Starts serving; resolves once listening, with the server. Writing (POST /api/articles) is on only with a token
 * (`--token` or DYAD_TOKEN); posted articles are coded in a worker thread, started on the first write. A store that does not exist is refused
 * (UsageError) unless `create` is set.
 */
export async function runServe(options: ServeOptions, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer & { dispose(): Promise<void> }> {
  const port = parsePort(options.port ?? '8080');
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? env['DYAD_TOKEN'] ?? null;
  if (token !== null && token.length < 8) throw new UsageError('the token must be at least 8 characters long');
  const path = options.db ?? './dyad.db';
  if (options.create !== true && path !== ':memory:' && !isPostgresUrl(path) && !existsSync(path)) {
    throw new UsageError(`no store at ${path}: check the path, or give --create to start an empty one`);
  }
  const store = await openStore(path);
  const coderOptions = await lexiconOptions(options);
  if (token !== null) {
    // a lexicon that places one of the store's item kinds otherwise would have every posted article refused (E500): say so now
    await checkKinds(store, addedKinds({ equipment: loadEquipment(coderOptions.lexiconDirs ?? []) })).catch(async (err: unknown) => {
      await store.close();
      throw err;
    });
  }
  // posted articles are read, coded, stored and linked in a worker thread with its own connection to the store (started
  // on the first write), so reads never wait for a write's work; an in-memory store has no second connection, so
  // there only the coding leaves this thread
  const shared = path !== ':memory:';
  const writer = token !== null && shared ? workerWriter(path, coderOptions) : undefined;
  const coder = token !== null && !shared ? workerCoder(coderOptions, { workers: 1 }) : undefined;
  try {
    const running = await startServer({ store, host, port, token, coder, writer });
    return { ...running, dispose: async () => { await running.close(); await writer?.close(); await coder?.close(); await store.close(); } };
  } catch (err) {
    await writer?.close();
    await coder?.close();
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is in use: choose another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on --host ${host}`);
    throw err;
  }
}

/** The `serve` command for the program. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API and the web UI over a store (localhost only unless --host says otherwise)')
    .option('--db <path|url>', DB_HELP, './dyad.db')
    .option('-p, --port <port>', 'port (0: any free port)', '8080')
    .option('--host <host>', 'interface to listen on (0.0.0.0: every interface)', '127.0.0.1')
    .option('--create', 'start an empty store when none exists at --db (otherwise a missing store is an error)')
    .option('--token <token>', 'allow POST /api/articles with "Authorization: Bearer TOKEN"; prefer DYAD_TOKEN, which ps does not show')
    .option('--lexicon <dir>', 'an extra lexicon folder for coding posted articles (repeat the option for more)', collectValues)
    .option('--petrarch-dictionaries <path...>', 'PETRARCH/TABARI dictionaries for coding posted articles')
    .action(async (options: ServeOptions) => {
      const warning = tokenWarning(options);
      if (warning !== null) process.stderr.write(`dyad: warning: ${warning}\n`);
      const running = await runServe(options);
      const shown = running.url.replace('://127.0.0.1:', '://localhost:');
      process.stdout.write(`Dyad is serving ${options.db ?? './dyad.db'} at ${shown}/ (API: ${shown}/api/openapi.json)\n`);
      process.stdout.write(running.url.includes('127.0.0.1') || running.url.includes('[::1]')
        ? 'Only this machine can reach it. Press Ctrl+C to stop.\n'
        : 'Reachable from other machines (plain HTTP). Press Ctrl+C to stop.\n');
      if (options.token === undefined && process.env['DYAD_TOKEN'] === undefined) process.stdout.write('Writing is off (no DYAD_TOKEN or --token).\n');
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void running.dispose().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
