// Types: the nouns of Dyad, re-exported in one place.
export * from './article.js';
export * from './event.js';
export * from './problem.js';
export * from './lexicon.js';
export * from './correction.js';
export * from './link.js';
export * from './query.js';
