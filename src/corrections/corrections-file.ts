// Corrections: a correction log ↔ a JSON Lines file (one correction a line), to share corrections across a team.

import { DyadError, type Correction } from '../types/index.js';
import { parseCorrection } from './correction-record.js';

/** The log as JSON Lines, in the order given, one correction a line, each ending in a newline. */
export function correctionsToJsonl(log: readonly Correction[]): string {
  return log.map((c) => `${JSON.stringify(c)}\n`).join('');
}

/**
 * The corrections of a JSON Lines file (blank lines skipped), every line checked: a line that is not JSON, not a
 * correction, or whose id does not match its fields throws E800 naming `input` and the line — nothing of the file is
 * taken then, so that an import is all or nothing.
 */
export function correctionsFromJsonl(text: string, input: string): Correction[] {
  const out: Correction[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new DyadError('E800', input, 'the line is not JSON', i + 1);
    }
    out.push(parseCorrection(value, input, i + 1));
  });
  return out;
}
