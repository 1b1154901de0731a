// CLI edge: `dyad export --as FORMAT` — filter options → the matching events in an analysts' format, to stdout or a file.

import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { DyadError } from '../../types/index.js';
import type { EventFilter } from '../../store/store.js';
import { storeContext } from '../../export/store-lookups.js';
import { DEFAULT_EXPORT_LEVEL, EXPORTERS, EXPORT_FORMATS, isExportFormat } from '../../export/exporters.js';
import { exportFromStore } from '../../export/export-store.js';
import { EXPORT_LEVELS, type ExportLevel } from '../../export/happening.js';
import { addFilterOptions, filterFromOptions, processIo, runAction, usageError, withIo, withStore, type CliIo, type FilterOptions } from './events.js';

interface ExportOptions extends FilterOptions { as?: string; out?: string; mentions?: string; level?: string; nodes?: string }

/** `out/events.tsv` → `out/events.mentions.tsv`: where a format's second file goes by default. */
export function companionPath(out: string, name: string): string {
  const ext = extname(out);
  return join(dirname(out), `${basename(out, ext)}.${name}${ext}`);
}

/** Writes chunks to a file through a temporary sibling renamed at the end: no half-written file is ever left. */
async function writeFile(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await pipeline(Readable.from(chunks), createWriteStream(temp));
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    // A system error (ENOENT, EACCES, ENOSPC…) is about the path given; a DyadError comes from the store.
    if (!(err instanceof DyadError) && typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw usageError(path, `cannot write the file: ${(err as Error).message}`);
    }
    throw err;
  }
}

/** The action of `dyad export`. */
export async function runExport(options: ExportOptions, io: CliIo): Promise<void> {
  const format = options.as;
  if (format === undefined || !isExportFormat(format)) {
    throw usageError('--as', `${format === undefined ? 'is required' : `"${format}" is not a format`}: one of ${EXPORT_FORMATS.join(', ')}`);
  }
  // src/export/ calls the reports level by its old name, mentions (still taken here)
  const asked = options.level ?? DEFAULT_EXPORT_LEVEL;
  const level = (asked === 'reports' ? 'mentions' : asked) as ExportLevel;
  if (!EXPORT_LEVELS.includes(level)) throw usageError('--level', `"${options.level}" is not one of events, reports`);
  const filter: EventFilter = filterFromOptions(options);
  const exporter = EXPORTERS[format];
  await withStore(options.db, async (store) => {
    const context = { ...(await storeContext(store)), nodes: options.nodes === 'country' ? 'country' as const : 'actor' as const };
    let count = 0;
    const main = exportFromStore(store, { format, filter, level, onRow: () => count++ }, context);
    if (options.out === undefined) {
      for await (const chunk of main) await io.write(chunk);
    } else {
      await writeFile(options.out, main);
    }
    const written = [`${count} ${level === 'events' ? 'events' : 'reports'} → ${options.out ?? 'standard output'}`];
    const { companion } = exporter;
    if (companion !== undefined) {
      const second = options.mentions ?? (options.out === undefined ? undefined : companionPath(options.out, companion.name));
      if (second === undefined) {
        io.error(`dyad export: the ${companion.name} table was not written (give --out FILE or --${companion.name} FILE)`);
      } else {
        await writeFile(second, exportFromStore(store, { format, filter, level, companion: true }, context));
        written.push(`${companion.name} → ${second}`);
      }
    }
    if (options.out !== undefined || options.mentions !== undefined) io.error(`dyad export: ${written.join(', ')}`);
  });
}

/** `dyad export --as gdelt|icews|plover|sipri|gexf|geojson|csv [--level events|reports] [--out FILE]`. */
export function exportCommand(io: CliIo = processIo): Command {
  const formats = EXPORT_FORMATS.map((name) => `${name}: ${EXPORTERS[name].description}`).join('; ');
  const command = addFilterOptions(new Command('export').description('export the matching events for other tools'))
    .addOption(new Option('--as <format>', `format — ${formats}`).choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .addOption(new Option('--level <level>', 'events (default): one row per event, its reports merged and counted (reports, '
      + 'articles, independent sources), a filter selecting the events as `dyad events` does; '
      + 'reports: one row per report as coded (gdelt: every report an event of its own); mentions is the old name of reports').choices(['events', 'reports', 'mentions']).default(DEFAULT_EXPORT_LEVEL))
    .option('--out <file>', 'write to this file (written whole or not at all) instead of standard output')
    .option('--mentions <file>', 'gdelt: where the mentions table goes (default: beside --out, as NAME.mentions.EXT)')
    .addOption(new Option('--nodes <nodes>', 'gexf: nodes are actors or countries').choices(['actor', 'country']).default('actor'))
    .action((options: ExportOptions) => runAction('export', io, () => runExport(options, io)));
  return withIo(command, io);
}
