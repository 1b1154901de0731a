// Parse (training data): CoNLL-U text → sentences of words with gold UPOS, heads and dependency labels.
import { DyadError } from '../types/problem.js';

/** One sentence of a treebank: parallel arrays over its syntactic words (multiword ranges and empty nodes dropped). */
export interface ConlluSentence {
  words: string[];
  upos: string[];
  /** 0-based index of each word's head, -1 for the root. */
  head: number[];
  /** Full dependency label, subtypes kept (`nsubj:pass`, `acl:relcl`). */
  deprel: string[];
}

/**
 * Reads CoNLL-U text: comments skipped, multiword-token ranges (`1-2`) and empty nodes (`1.1`) skipped, blank lines
 * end sentences. Throws a `DyadError` E201 (naming `input` and the line) on a word line with fewer than 8 columns or a
 * head that is not a number.
 */
export function readConllu(text: string, input = 'CoNLL-U text'): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let sent: ConlluSentence = { words: [], upos: [], head: [], deprel: [] };
  const flush = (): void => {
    if (sent.words.length > 0) sentences.push(sent);
    sent = { words: [], upos: [], head: [], deprel: [] };
  };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n += 1) {
    const line = lines[n]!.replace(/\r$/, '');
    if (line === '' || /^\s*$/.test(line)) {
      flush();
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    const id = cols[0]!;
    if (id.includes('-') || id.includes('.')) continue;
    if (cols.length < 8) throw new DyadError('E201', input, `expected 10 columns, got ${cols.length}`, n + 1);
    const head = Number(cols[6]);
    if (!Number.isInteger(head)) throw new DyadError('E201', input, `head ${cols[6]} is not a number`, n + 1);
    sent.words.push(cols[1]!);
    sent.upos.push(cols[3]!);
    sent.head.push(head - 1);
    sent.deprel.push(cols[7]!);
  }
  flush();
  return sentences;
}
