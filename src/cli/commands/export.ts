// CLI edge: `dyad export --as FORMAT` — filter options → the matching events in an analysts' format, to stdout or a file.

import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { DyadError, type EventRecord } from '../../types/index.js';
import type { EventFilter } from '../../store/store.js';
import type { ExportContext } from '../../export/export-context.js';
import { articleLookup, countryNames } from '../../export/store-lookups.js';
import { EXPORTERS, EXPORT_FORMATS, isExportFormat } from '../../export/exporters.js';
import { gexfGraph } from '../../export/gexf.js';
import { addFilterOptions, filterFromOptions, processIo, runAction, usageError, withIo, withStore, type CliIo, type FilterOptions } from './events.js';

interface ExportOptions extends FilterOptions { as?: string; out?: string; mentions?: string; level?: string }

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
  const filter: EventFilter = filterFromOptions(options);
  const exporter = EXPORTERS[format];
  await withStore(options.db, async (store) => {
    const names = await countryNames(store);
    const context: ExportContext = { article: articleLookup(store), countryName: (code) => names.get(code) };
    let count = 0;
    const events = async function* (): AsyncGenerator<EventRecord> {
      for await (const event of store.iterateEvents(filter)) {
        count++;
        yield event;
      }
    };
    const main = format === 'gexf'
      ? gexfGraph(events(), { ...context, level: options.level === 'country' ? 'country' : 'actor' })
      : exporter.write(events(), context);
    if (options.out === undefined) {
      for await (const chunk of main) await io.write(chunk);
    } else {
      await writeFile(options.out, main);
    }
    const written = [`${count} events → ${options.out ?? 'standard output'}`];
    const { companion } = exporter;
    if (companion !== undefined) {
      const second = options.mentions ?? (options.out === undefined ? undefined : companionPath(options.out, companion.name));
      if (second === undefined) {
        io.error(`dyad export: the ${companion.name} table was not written (give --out FILE or --${companion.name} FILE)`);
      } else {
        await writeFile(second, companion.write(store.iterateEvents(filter), context));
        written.push(`${companion.name} → ${second}`);
      }
    }
    if (options.out !== undefined || options.mentions !== undefined) io.error(`dyad export: ${written.join(', ')}`);
  });
}

/** `dyad export --as gdelt|icews|plover|sipri|gexf|geojson|csv [--out FILE]`. */
export function exportCommand(io: CliIo = processIo): Command {
  const formats = EXPORT_FORMATS.map((name) => `${name}: ${EXPORTERS[name].description}`).join('; ');
  const command = addFilterOptions(new Command('export').description('export the matching events for other tools'))
    .addOption(new Option('--as <format>', `format — ${formats}`).choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .option('--out <file>', 'write to this file (written whole or not at all) instead of standard output')
    .option('--mentions <file>', 'gdelt: where the mentions table goes (default: beside --out, as NAME.mentions.EXT)')
    .addOption(new Option('--level <level>', 'gexf: nodes are actors or countries').choices(['actor', 'country']).default('actor'))
    .action((options: ExportOptions) => runAction('export', io, () => runExport(options, io)));
  return withIo(command, io);
}
