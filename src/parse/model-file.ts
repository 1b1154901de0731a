// Parse (models): int16 weight tables + metadata ↔ a compact binary file (magic, JSON header, raw-deflated tables).
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DyadError } from '../types/problem.js';
import type { Int16Table } from './perceptron.js';

/** File layout: 8-byte magic, u32 LE header length, UTF-8 JSON header, then each table's deflated int16 LE weights. */
const MAGIC = 'DYADPM01';

interface TableHeader {
  name: string;
  bits: number;
  nClasses: number;
  scale: number;
  bytes: number;
}

/** A model file's contents: named int16 tables and free-form metadata (label lists, training figures). */
export interface ModelFile {
  tables: Record<string, Int16Table>;
  meta: Record<string, unknown>;
}

/** Writes `model` to `path`; the same tables and metadata always give the same bytes. */
export function writeModelFile(path: string, model: ModelFile): void {
  const bodies: Buffer[] = [];
  const headers: TableHeader[] = [];
  for (const [name, table] of Object.entries(model.tables)) {
    const body = deflateRawSync(Buffer.from(table.weights.buffer, table.weights.byteOffset, table.weights.byteLength), { level: 9 });
    bodies.push(body);
    headers.push({ name, bits: table.bits, nClasses: table.nClasses, scale: table.scale, bytes: body.length });
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
    if (raw.length !== expected * 2) throw new DyadError('E200', path, `table ${header.name} has ${raw.length / 2} weights, expected ${expected}`);
    const weights = new Int16Array(expected);
    new Uint8Array(weights.buffer).set(raw);
    tables[header.name] = { bits: header.bits, nClasses: header.nClasses, scale: header.scale, weights };
  }
  return { tables, meta: parsed.meta };
}
