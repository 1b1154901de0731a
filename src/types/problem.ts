// Types: problems — what went wrong with one input or record, as data (a batch records it and carries on).

/** Error codes: E1xx ingest, E2xx nlp, E3xx lexicon, E4xx coder, E5xx link, E6xx store, E7xx api/cli, E8xx corrections. */
export const ERROR_CODES = {
  E100: 'input could not be read',
  E101: 'input is empty',
  E102: 'input looks binary, not text',
  E103: 'input is not valid text in any supported encoding',
  E104: 'JSON Lines record is not valid JSON',
  E105: 'JSON Lines record has no usable text',
  E106: 'input is too large',
  E107: 'HTML has no article body',
  E108: 'feed XML is malformed',
  E109: 'gzip data is truncated or corrupt',
  E110: 'unsupported input type',
  E111: 'HTML is too big or too slow to clean',
  E200: 'tagger or parser model could not be loaded',
  E201: 'treebank (CoNLL-U) line is malformed',
  E202: 'article has more tokens than the budget for one article',
  E300: 'lexicon file could not be read',
  E301: 'lexicon entry is invalid',
  E302: 'PETRARCH dictionary line is malformed',
  E400: 'analysing or coding an article failed',
  E401: 'article ran past the time budget for one article',
  E500: 'the lexicon defines an item kind otherwise than the store was linked with',
  E600: 'store error',
  E601: 'the store is being written by another process',
  E602: 'bad argument to a store call',
  E620: 'queue error',
  E700: 'bad command-line usage',
  E800: 'correction is malformed',
  E801: 'correction names no stored event or report',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A problem with one input, record or lexicon line. Never thrown inside a batch; collected and reported. */
export interface Problem {
  code: ErrorCode;
  message: string;
  /** The input path or record id the problem belongs to. */
  input: string;
  /** JSONL record number or file line number (1-based), when known. */
  line?: number;
  stage: 'ingest' | 'nlp' | 'lexicon' | 'coder' | 'link' | 'store' | 'api' | 'cli' | 'corrections';
}

/** The error a library call throws: carries the catalog code and the input it names. */
export class DyadError extends Error {
  readonly code: ErrorCode;
  readonly input: string;
  readonly line: number | undefined;
  constructor(code: ErrorCode, input: string, message: string, line?: number) {
    super(`${code} ${input}${line !== undefined ? `:${line}` : ''}: ${message}`);
    this.name = 'DyadError';
    this.code = code;
    this.input = input;
    this.line = line;
  }
}
