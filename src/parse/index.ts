// Parse: the public face of Dyad's own tagger and dependency parser — words → UPOS ids, heads and labels.
export { loadParser, MODELS_DIR } from './load-parser.js';
export { Parser, type ParsedSentence } from './parser.js';
export { DEPRELS, deprelId, ROOT_LABEL } from './deprels.js';
export { readConllu, type ConlluSentence } from './conllu.js';
export { scoreTreebank, type TreebankScores } from './score-treebank.js';
