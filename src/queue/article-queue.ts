// Queue: a NATS JetStream stream of articles — published with their content hash as message id, read back in stream order (the only module importing @nats-io).

import { DeliverPolicy, jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DyadError, type Article } from '../types/index.js';

/** How long a re-published article (same content hash) is dropped by the server itself; later ones the store skips. */
const DUPLICATE_WINDOW_NS = 24 * 3600 * 1e9;

/** A queue URL taken apart: `nats://host:port/STREAM`. */
export interface QueueAddress {
  servers: string;
  stream: string;
}

/** Parses `nats://host:port/STREAM` (stream names: letters, digits, `_` and `-`); throws E620 naming the URL otherwise. */
export function parseQueueUrl(url: string): QueueAddress {
  const match = /^nats:\/\/([^/\s]+)\/([A-Za-z0-9_-]{1,64})$/.exec(url);
  if (match === null) throw new DyadError('E620', url, 'is not a queue URL (nats://host:port/STREAM)');
  return { servers: match[1] as string, stream: match[2] as string };
}

/** One article read from the stream, with its sequence. */
export interface QueuedArticle {
  seq: number;
  article: Article;
}

/** A stream of articles on a NATS JetStream server. Open with `ArticleQueue.open(url)`, close with `close()`. */
export class ArticleQueue {
  private constructor(
    readonly url: string,
    readonly stream: string,
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
  ) {}

  /** Connects and makes sure the stream exists (subject `STREAM.articles`). Throws E620 naming the URL when it cannot. */
  static async open(url: string): Promise<ArticleQueue> {
    const { servers, stream } = parseQueueUrl(url);
    let nc: NatsConnection | undefined;
    try {
      nc = await connect({ servers, timeout: 5000 });
      const jsm = await jetstreamManager(nc);
      try {
        await jsm.streams.info(stream);
      } catch {
        await jsm.streams.add({ name: stream, subjects: [`${stream}.articles`], duplicate_window: DUPLICATE_WINDOW_NS });
      }
      return new ArticleQueue(url, stream, nc, jetstream(nc), jsm);
    } catch (err) {
      await nc?.close().catch(() => {});
      throw new DyadError('E620', url, `cannot open the queue: ${(err as Error).message}`);
    }
  }

  /** Publishes an article under its content hash; `duplicate` when the server already holds that hash (within a day). */
  async publish(article: Article, hash: string): Promise<{ seq: number; duplicate: boolean }> {
    try {
      const ack = await this.js.publish(`${this.stream}.articles`, JSON.stringify(article), { msgID: hash });
      return { seq: ack.seq, duplicate: ack.duplicate };
    } catch (err) {
      throw new DyadError('E620', this.url, `cannot publish "${article.id}": ${(err as Error).message}`);
    }
  }

  /** The sequence of the last message published (0 for an empty stream). */
  async lastSeq(): Promise<number> {
    try {
      return (await this.jsm.streams.info(this.stream)).state.last_seq;
    } catch (err) {
      throw new DyadError('E620', this.url, `cannot read the stream: ${(err as Error).message}`);
    }
  }

  /**
   * Up to `max` articles from sequence `from` on, in stream order, waiting at most `waitMs` for the first; fewer (or
   * none) when the stream holds no more. No acknowledgement: the reader keeps its own position (see runWorker).
   */
  async fetch(from: number, max: number, waitMs: number): Promise<QueuedArticle[]> {
    const out: QueuedArticle[] = [];
    try {
      const consumer = await this.js.consumers.get(this.stream, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from });
      const messages = await consumer.fetch({ max_messages: max, expires: Math.max(1000, waitMs) });
      for await (const message of messages) {
        out.push({ seq: message.seq, article: message.json<Article>() });
        if (message.info.pending === 0) break;
      }
      return out;
    } catch (err) {
      throw new DyadError('E620', this.url, `cannot read the stream: ${(err as Error).message}`);
    }
  }

  /** Deletes the stream and everything in it (tests and benches). */
  async deleteStream(): Promise<void> {
    await this.jsm.streams.delete(this.stream);
  }

  async close(): Promise<void> {
    await this.nc.close();
  }
}
