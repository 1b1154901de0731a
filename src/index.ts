// Dyad's library entry point: the coder, the lexicon loader, and the public types.
export { createCoder, createCoderSync, type Coder, type CoderOptions } from './coder/create-coder.js';
export { loadLexicon, builtinLexiconDir, type LexiconOptions } from './lexicon/load-lexicon.js';
export { analyze } from './nlp/analyze.js';
export * from './types/index.js';
