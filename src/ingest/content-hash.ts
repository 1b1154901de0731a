// Ingest identity: article text → content hash (the same story text, however spaced or cased, gives the same hash).
import { createHash } from 'node:crypto';

/**
 * Hashes article text for idempotent ingest: SHA-256 over the lower-cased text with every run of whitespace made one
 * space and the ends trimmed; hex, first 32 characters (128 bits).
 */
export function contentHash(text: string): string {
  const normal = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normal, 'utf8').digest('hex').slice(0, 32);
}
