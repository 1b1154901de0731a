// Ingest: bytes → string. UTF-8 (BOM stripped) first, Windows-1252 when the bytes are not UTF-8; binary and empty inputs refused.
import { TextDecoder } from 'node:util';
import { DyadError } from '../types/problem.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/**
 * Windows-1252 characters for bytes 0x80–0x9F (0 where the code page leaves the byte undefined). Node's own
 * 'windows-1252' TextDecoder decodes these as C1 control characters (ISO-8859-1), so we map them ourselves.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

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

/**
 * UTF-16 without a byte-order mark, told by its zero bytes: in mostly-Latin text every other byte is 0 (odd ones in
 * little-endian, even ones in big-endian) and the others are not. Needs 8 bytes or more; null when it is not UTF-16
 * (or not Latin enough to tell, like Cyrillic or CJK text, which must then carry a BOM).
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(bytes.length, SNIFF_BYTES) / 2);
  if (pairs < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) zeroEven++;
    if (bytes[2 * i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd >= pairs * 0.6 && zeroEven <= pairs * 0.02) return 'utf-16le';
  if (zeroEven >= pairs * 0.6 && zeroOdd <= pairs * 0.02) return 'utf-16be';
  return null;
}

/** Labels of the Latin-1 family, which Windows-1252 decodes (Node's own decoder for them is plain ISO-8859-1). */
const LATIN1_LABELS = /^(windows-1252|cp1252|iso-8859-1|iso8859-1|latin-?1|l1|us-ascii|ascii|x-cp1252|iso_8859-1)$/i;
const declaredDecoders = new Map<string, TextDecoder | null>();

/**
 * Decodes one piece of text: UTF-8 when valid (a BOM is dropped); otherwise the charset the document declared
 * (an HTML `<meta charset>` or XML `encoding=`), when Node knows it; otherwise Windows-1252 (a superset of Latin-1).
 */
export function decodeLine(bytes: Uint8Array, declared?: string | null): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const decoder = declared ? declaredDecoder(declared) : null;
    return decoder ? decoder.decode(bytes) : decodeCp1252(bytes);
  }
}

/** The charset an HTML or XML document declares in its first bytes ("windows-1251"), or null. */
export function declaredCharset(head: Uint8Array): string | null {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, SNIFF_BYTES)).toString('latin1');
  const match = /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(text) ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(text);
  return match ? (match[1] as string).toLowerCase() : null;
}

function declaredDecoder(label: string): TextDecoder | null {
  if (LATIN1_LABELS.test(label) || /^utf-?8$/i.test(label)) return null;
  let decoder = declaredDecoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = null;
    }
    declaredDecoders.set(label, decoder);
  }
  return decoder;
}

/** Decodes Windows-1252 (a superset of Latin-1 for printable text). */
export function decodeCp1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80] as number;
    return mapped === 0 ? c : String.fromCharCode(mapped);
  });
}

/**
 * Decodes a whole single-article input (already transcoded from UTF-16 when it had a UTF-16 BOM); `declared` is
 * the charset an HTML page declares, used when the bytes are not UTF-8.
 * Throws DyadError E101 (empty or whitespace only), E102 (binary) or E103 (undecodable: mostly control characters).
 */
export function decodeText(bytes: Uint8Array, input: string, declared?: string | null): string {
  if (looksBinary(bytes)) throw new DyadError('E102', input, 'looks binary, not text (NUL bytes or control characters in the first 8 KiB)');
  const text = decodeLine(bytes, declared);
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
