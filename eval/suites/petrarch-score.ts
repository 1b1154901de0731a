// Eval (PETRARCH suite): gold and predicted (source, target, code) triples per record → triple/code/root P-R-F1, exact records, crashes.

/** One coded event as PETRARCH writes it: source code, target code (`---` for none), CAMEO event code. */
export type Triple = [source: string, target: string, code: string];

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

/** Scores of a set of records. */
export interface CategoryScores {
  triple: PRF;
  code: PRF;
  root: PRF;
  /** Records whose predicted triple set equals the gold set (both empty counts). */
  exact: number;
  records: number;
}

export interface Scores extends CategoryScores {
  /** Records where the coder threw; they count as predicting nothing. */
  crashes: number;
  /** The same measures per record category (see {@link foldCategory}). */
  byCategory: Record<string, CategoryScores>;
}

/** One scored record: its gold triples and what a coder predicted. */
export interface ScoredRecord {
  id: string;
  category: string;
  gold: Triple[];
  predicted: Triple[];
  crashed: boolean;
}

/** The suite's categories in the order the table prints them. */
export const CATEGORIES = ['SYNSET', 'COMPOUND', 'DEMO', 'PATTERN', 'AGENT', 'VERB', 'DATE', 'MODIFY', 'ACTOR', 'PARSING', 'ERROR'];

/** A record's category as scored: upper case, `COMPOUNDx` → COMPOUND, `AGENTS` → AGENT. */
export function foldCategory(category: string): string {
  const upper = category.trim().toUpperCase();
  if (upper === 'COMPOUNDX') return 'COMPOUND';
  if (upper === 'AGENTS') return 'AGENT';
  return upper;
}

/**
 * Precision, recall and F1 from counts. With nothing predicted, precision is 1 when nothing was expected either,
 * else 0; with nothing expected, recall is 1 when nothing was predicted, else 0 (so an all-empty set scores 1, 1, 1).
 */
export function prf(tp: number, predicted: number, gold: number): PRF {
  const p = predicted > 0 ? tp / predicted : gold === 0 ? 1 : 0;
  const r = gold > 0 ? tp / gold : predicted === 0 ? 1 : 0;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

interface Counts {
  tripleTp: number;
  codeTp: number;
  rootTp: number;
  predicted: number;
  gold: number;
  exact: number;
  records: number;
}

const key = (t: Triple): string => t.join('\u0000');

/** Triples with duplicates removed, first occurrence kept (PETRARCH2's writer de-duplicates per story the same way). */
export function uniqueTriples(triples: Triple[]): Triple[] {
  const seen = new Set<string>();
  return triples.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** How many items the two lists share, counting repeats (multiset intersection). */
function shared(a: string[], b: string[]): number {
  const left = new Map<string, number>();
  for (const x of a) left.set(x, (left.get(x) ?? 0) + 1);
  let n = 0;
  for (const y of b) {
    const c = left.get(y) ?? 0;
    if (c > 0) {
      n++;
      left.set(y, c - 1);
    }
  }
  return n;
}

function countRecord(record: ScoredRecord, into: Counts): void {
  const gold = uniqueTriples(record.gold);
  const predicted = record.crashed ? [] : uniqueTriples(record.predicted);
  const goldKeys = new Set(gold.map(key));
  const tripleTp = predicted.filter((t) => goldKeys.has(key(t))).length;
  into.tripleTp += tripleTp;
  into.codeTp += shared(gold.map((t) => t[2]), predicted.map((t) => t[2]));
  into.rootTp += shared(gold.map((t) => t[2].slice(0, 2)), predicted.map((t) => t[2].slice(0, 2)));
  into.predicted += predicted.length;
  into.gold += gold.length;
  into.records++;
  if (tripleTp === gold.length && tripleTp === predicted.length) into.exact++;
}

function toScores(c: Counts): CategoryScores {
  return {
    triple: prf(c.tripleTp, c.predicted, c.gold),
    code: prf(c.codeTp, c.predicted, c.gold),
    root: prf(c.rootTp, c.predicted, c.gold),
    exact: c.exact,
    records: c.records,
  };
}

const empty = (): Counts => ({ tripleTp: 0, codeTp: 0, rootTp: 0, predicted: 0, gold: 0, exact: 0, records: 0 });

/**
 * Scores records: per record, predicted triples are de-duplicated; a triple is right when source, target and code
 * all match a gold triple; codes and roots (first two digits) are matched as multisets within the record, so two
 * predicted `042`s match two gold `042`s. Counts are summed over records before P/R/F1 (micro-averaged).
 */
export function scoreRecords(records: ScoredRecord[]): Scores {
  const total = empty();
  const byCategory = new Map<string, Counts>(CATEGORIES.map((c) => [c, empty()]));
  let crashes = 0;
  for (const record of records) {
    const category = foldCategory(record.category);
    let counts = byCategory.get(category);
    if (counts === undefined) {
      counts = empty();
      byCategory.set(category, counts);
    }
    countRecord(record, total);
    countRecord(record, counts);
    if (record.crashed) crashes++;
  }
  const categories: Record<string, CategoryScores> = {};
  for (const [name, counts] of byCategory) if (counts.records > 0) categories[name] = toScores(counts);
  return { ...toScores(total), crashes, byCategory: categories };
}
