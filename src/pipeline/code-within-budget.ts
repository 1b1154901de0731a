// Pipeline stage: Article + Coder → its events within the article's budget (tokens, time, events), or a Problem.
import type { Coder } from '../coder/create-coder.js';
import { analyze } from '../nlp/analyze.js';
import { DyadError, type Article, type EventRecord, type Problem } from '../types/index.js';

/** What one article may cost. Every field has a default (ARTICLE_BUDGET); `Infinity` lifts a limit. */
export interface ArticleBudget {
  /** Most tokens an article may have (default 250,000, about 1.5 MB of prose): past it, E202. */
  maxTokens: number;
  /** Wall time for analysing and coding one article, in ms (default 8,000): past it, E401. */
  maxMs: number;
  /** Most events kept from one sentence (default 16); the rest are dropped with a warning. */
  maxEventsPerSentence: number;
  /** Most events kept from one article (default 2,000); the rest are dropped with a warning. */
  maxEventsPerArticle: number;
  /** Longest sentence text an event carries (default 2,000 characters); longer is cut, its offsets kept. */
  maxSentenceText: number;
}

/** The default budget: generous for any real news article, small enough that a hostile one cannot stall a run. */
export const ARTICLE_BUDGET: Readonly<ArticleBudget> = Object.freeze({
  maxTokens: 250_000,
  maxMs: 8_000,
  maxEventsPerSentence: 16,
  maxEventsPerArticle: 2_000,
  maxSentenceText: 2_000,
});

/** The outcome of coding one article: its events (possibly capped, with warnings saying so), or a problem. */
export type BudgetedResult =
  | { kind: 'events'; events: EventRecord[]; warnings: string[] }
  | { kind: 'problem'; problem: Problem };

/**
 * Codes one article within its budget. The analyser stops at the token budget (E202) or the deadline (E401, checked
 * between blocks of text), and the coder at the deadline (E401, checked between sentences, each bounded by the
 * sentence-length cap), and an article
 * that finishes past the deadline is still refused (E401), so the outcome never depends on how far it got. Events
 * past the per-sentence and per-article caps are dropped, and a warning says how many. Any other error from the
 * analyser or coder becomes E400 with its message. Never throws a DyadError: the caller records the problem and carries on.
 */
export function codeWithinBudget(coder: Coder, article: Article, budget: Partial<ArticleBudget> = {}): BudgetedResult {
  const limits: ArticleBudget = { ...ARTICLE_BUDGET, ...budget };
  const deadline = performance.now() + limits.maxMs;
  let events: EventRecord[];
  try {
    const doc = analyze(article, { maxTokens: limits.maxTokens, deadline });
    events = coder.codeDoc(doc, { deadline });
    if (performance.now() > deadline) {
      throw new DyadError('E401', article.id, `coding took longer than ${formatMs(limits.maxMs)} (the time budget for one article)`);
    }
  } catch (err) {
    if (err instanceof DyadError) return { kind: 'problem', problem: problemOf(err, article.id) };
    // a bug or an exhausted resource ("Invalid string length") sinks this article, not the run; the message says which
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { kind: 'problem', problem: { code: 'E400', input: article.id, message: `coding failed: ${reason}`, stage: 'coder' } };
  }
  const warnings: string[] = [];
  const kept = capEvents(events, limits, warnings, article.id);
  for (const event of kept) {
    if (event.sentence.text.length > limits.maxSentenceText) {
      event.sentence = { ...event.sentence, text: `${event.sentence.text.slice(0, limits.maxSentenceText - 1)}…` };
    }
  }
  return { kind: 'events', events: kept, warnings };
}

/** Keeps at most maxEventsPerSentence events of each sentence and maxEventsPerArticle in all, in the coder's order. */
function capEvents(events: EventRecord[], limits: ArticleBudget, warnings: string[], id: string): EventRecord[] {
  if (events.length <= limits.maxEventsPerSentence && events.length <= limits.maxEventsPerArticle) return events;
  const perSentence = new Map<number, number>();
  const kept: EventRecord[] = [];
  let droppedInSentences = 0;
  for (const event of events) {
    const n = (perSentence.get(event.sentence.index) ?? 0) + 1;
    perSentence.set(event.sentence.index, n);
    if (n > limits.maxEventsPerSentence) droppedInSentences++;
    else kept.push(event);
  }
  if (droppedInSentences > 0) {
    warnings.push(`${id}: ${droppedInSentences} event${droppedInSentences === 1 ? '' : 's'} dropped from sentences with more than ${limits.maxEventsPerSentence} (the budget for one sentence)`);
  }
  if (kept.length > limits.maxEventsPerArticle) {
    warnings.push(`${id}: ${kept.length - limits.maxEventsPerArticle} events dropped past the first ${limits.maxEventsPerArticle} (the budget for one article)`);
    kept.length = limits.maxEventsPerArticle;
  }
  return kept;
}

function problemOf(err: DyadError, id: string): Problem {
  const stage = err.code.startsWith('E2') ? 'nlp' : 'coder';
  const reason = err.message.slice(err.message.indexOf(': ') + 2);
  return { code: err.code, input: id, message: reason, stage };
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
