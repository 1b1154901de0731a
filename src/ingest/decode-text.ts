// Ingest: bytes → string. UTF-8 (BOM stripped) first, Windows-1252 when the bytes are not UTF-8; binary and empty inputs refused.
import { DyadError } from '../types/problem.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const cp1252 = new TextDecoder('windows-1252');

/** How many bytes at the start of an input the binary check looks at. */
export const SNIFF_BYTES = 8192;

/**
 * True when bytes look binary rather than text: a NUL byte, or more than 10% control characters
 * (other than tab, newline, carriage return, form feed, vertical tab and escape) in the first 8 KiB.
 * Callers turn UTF-16 into UTF-8 before asking (UTF-16 text is full of NUL bytes).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) || b === 0x7f) control++;
  }
  return end > 0 && control / end > 0.1;
}

/** Decodes one piece of text: UTF-8 when valid (a BOM is dropped), else Windows-1252 (a superset of Latin-1). */
export function decodeLine(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return cp1252.decode(bytes);
  }
}

/**
 * Decodes a whole single-article input (already transcoded from UTF-16 when it had a UTF-16 BOM).
 * Throws DyadError E101 (empty or whitespace only), E102 (binary) or E103 (undecodable: mostly control characters).
 */
export function decodeText(bytes: Uint8Array, input: string): string {
  if (looksBinary(bytes)) throw new DyadError('E102', input, 'looks binary, not text (NUL bytes or control characters in the first 8 KiB)');
  const text = decodeLine(bytes);
  if (text.trim() === '') throw new DyadError('E101', input, bytes.length === 0 ? 'file is empty' : 'file holds only whitespace');
  if (controlShare(text) > 0.05) throw new DyadError('E103', input, 'not valid text in UTF-8, UTF-16 or Windows-1252');
  return text;
}

/** Share of C0/C1 control characters (other than whitespace) in a string's first 8 K characters. */
function controlShare(text: string): number {
  const end = Math.min(text.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || (c >= 0x7f && c < 0xa0)) control++;
  }
  return end === 0 ? 0 : control / end;
}
