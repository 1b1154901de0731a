// Pipeline stage: input paths → articles read and cleaned, published to a queue stream under their content hash (`dyad ingest --queue`); workers code and store them.
import { contentHash } from '../ingest/content-hash.js';
import { readInputs } from '../ingest/read-inputs.js';
import type { Article, Problem } from '../types/index.js';

/** Where articles are published: a queue stream (ArticleQueue), or anything that takes them like one. */
export interface ArticleSink {
  publish(article: Article, hash: string): Promise<{ seq: number; duplicate: boolean }>;
}

export interface PublishSummary {
  read: number;
  published: number;
  /** Already in the stream (same content hash, within the server's duplicate window): dropped by the server. */
  duplicates: number;
  failed: number;
  problems: Problem[];
}

/**
 * Reads the inputs as `ingestArticles` reads them and publishes each article in input order, its content hash as
 * the message id, so that publishing the same input again adds nothing. Returns once the server has stored them.
 */
export async function publishArticles(inputs: string[], sink: ArticleSink, options: { date?: string | null; stdin?: NodeJS.ReadableStream } = {}): Promise<PublishSummary> {
  const summary: PublishSummary = { read: 0, published: 0, duplicates: 0, failed: 0, problems: [] };
  for await (const result of readInputs(inputs, { date: options.date ?? null, ...(options.stdin ? { stdin: options.stdin } : {}) })) {
    if (result.kind === 'problem') {
      summary.problems.push(result.problem);
      summary.failed++;
      continue;
    }
    summary.read++;
    if ((await sink.publish(result.article, contentHash(result.article.text))).duplicate) summary.duplicates++;
    else summary.published++;
  }
  return summary;
}
