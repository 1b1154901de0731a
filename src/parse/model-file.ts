// Parse (models): packed weight tables + metadata ↔ a compact binary file (magic, JSON header, raw-deflated byte codes).
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DyadError } from '../types/problem.js';
import type { PackedTable } from './perceptron.js';

/** File layout: 8-byte magic, u32 LE header length, UTF-8 JSON header, then each table's deflated byte codes. */
const MAGIC = 'DYADPM02';

interface TableHeader {
  name: string;
  bits: number;
  nClasses: number;
  /** The weight of each byte code. */
  lut: number[];
  bytes: number;
}

/** A model file's contents: named packed tables and free-form metadata (label lists, training figures). */
export interface ModelFile {
  tables: Record<string, PackedTable>;
  meta: Record<string, unknown>;
}

/** Writes `model` to `path`; the same tables and metadata always give the same bytes. */
export function writeModelFile(path: string, model: ModelFile): void {
  const bodies: Buffer[] = [];
  const headers: TableHeader[] = [];
  for (const [name, table] of Object.entries(model.tables)) {
    const body = deflateRawSync(table.codes, { level: 9 });
    bodies.push(body);
    headers.push({ name, bits: table.bits, nClasses: table.nClasses, lut: [...table.lut], bytes: body.length });
  }
  const header = Buffer.from(JSON.stringify({ tables: headers, meta: model.meta }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length, 0);
  writeFileSync(path, Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, header, ...bodies]));
}

/** Reads a file written by `writeModelFile`. Throws a `DyadError` E200 when it is missing, or its magic or sizes do not match. */
export function readModelFile(path: string): ModelFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DyadError('E200', path, error instanceof Error ? error.message : String(error));
  }
  if (bytes.toString('latin1', 0, 8) !== MAGIC) throw new DyadError('E200', path, 'not a Dyad model file (bad magic)');
  const headerLength = bytes.readUInt32LE(8);
  const parsed = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as { tables: TableHeader[]; meta: Record<string, unknown> };
  let offset = 12 + headerLength;
  const tables: ModelFile['tables'] = {};
  for (const header of parsed.tables) {
    const raw = inflateRawSync(bytes.subarray(offset, offset + header.bytes));
    offset += header.bytes;
    const expected = (1 << header.bits) * header.nClasses;
    if (raw.length !== expected || header.lut.length !== 256) throw new DyadError('E200', path, `table ${header.name} has ${raw.length} weights, expected ${expected}`);
    tables[header.name] = { bits: header.bits, nClasses: header.nClasses, codes: new Uint8Array(raw.buffer, raw.byteOffset, raw.length), lut: Float64Array.from(header.lut) };
  }
  return { tables, meta: parsed.meta };
}
