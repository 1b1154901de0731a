// Ingest: the public face of the stage — paths in, clean Articles and Problems out; hashes for idempotent, de-duplicated storage.
export { readInputs } from './read-inputs.js';
export type { InputResult, ReadOptions } from './input-result.js';
export { DEFAULT_MAX_ARTICLE_BYTES, DEFAULT_MAX_FILE_BYTES } from './input-result.js';
export { cleanHtml, cleanHtmlFragment, type CleanedHtml } from './clean-html.js';
export { cleanLines } from './clean-lines.js';
export { textArticle } from './text-article.js';
export { jsonlRecord } from './read-jsonl.js';
export { contentHash } from './content-hash.js';
export {
  signature, similarity, isNearDuplicate, lshKeys, encodeSignature, decodeSignature, SIGNATURE_SIZE, NEAR_DUPLICATE_THRESHOLD,
} from './near-duplicate.js';
export { findDateline, type Dateline } from './find-dateline.js';
export { normaliseDate } from './normalise-date.js';
