// Eval, bench and tests: where the third-party gold data lives — `../shared/data` beside the project root, found from
// this file, never by an absolute path of one machine.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (this file sits in eval/). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A path under `../shared/data` from the project root. */
export function sharedData(...parts: string[]): string {
  return resolve(PROJECT_ROOT, '..', 'shared', 'data', ...parts);
}
