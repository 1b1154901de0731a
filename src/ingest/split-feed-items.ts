// Ingest feeds: a feed's byte stream → its header and the XML of each <item>/<entry>, one at a time (a feed of any size streams).

/** A piece of a feed, in order: the header (before the first item), each item, and how the feed ended. */
export type FeedPiece =
  | { kind: 'header'; xml: Buffer }
  | { kind: 'item'; n: number; xml: Buffer }
  | { kind: 'too-large'; n: number }
  | { kind: 'end'; unclosed: number | null; closedRoot: boolean };

const OPEN_TAGS = [Buffer.from('<item'), Buffer.from('<entry')];
const CLOSE_TAGS = [Buffer.from('</item>'), Buffer.from('</entry>')];
const ROOT_END = /<\/(rss|feed|rdf:RDF)\s*>/;
/** Bytes of header kept for reading the channel title. */
const MAX_HEADER = 64 * 1024;

/**
 * Cuts a feed into items at the byte level, so only one item is ever held in memory (RSS `<item>`, Atom `<entry>`,
 * RDF `<item rdf:about>`). Items longer than `maxItemBytes` are reported and skipped. The final piece says whether the
 * last item was left open (n) and whether the root element was closed: a cut-off feed yields its whole items first.
 */
export async function* splitFeedItems(chunks: AsyncIterable<Buffer>, maxItemBytes: number): AsyncGenerator<FeedPiece> {
  let buffer: Buffer = Buffer.alloc(0);
  let inside = -1; // index into OPEN_TAGS/CLOSE_TAGS of the item being read, or -1 between items
  let n = 0;
  let skipping = false;
  let header: Buffer[] | null = [];
  let headerSize = 0;
  const keepHeader = (bytes: Buffer): void => {
    if (header === null || headerSize >= MAX_HEADER) return;
    const part = Buffer.from(bytes.subarray(0, MAX_HEADER - headerSize));
    header.push(part);
    headerSize += part.length;
  };
  let tail = '';
  for await (const chunk of chunks) {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    for (;;) {
      if (inside === -1) {
        const open = findOpen(buffer);
        if (open === null) {
          const keep = Math.max(0, buffer.length - 8);
          keepHeader(buffer.subarray(0, keep));
          tail = (tail + buffer.subarray(Math.max(0, keep - 256), keep).toString('latin1')).slice(-256);
          buffer = buffer.subarray(keep);
          break;
        }
        if (header !== null) {
          keepHeader(buffer.subarray(0, open.at));
          yield { kind: 'header', xml: Buffer.concat(header) };
          header = null;
        }
        tail = '';
        inside = open.tag;
        n++;
        buffer = buffer.subarray(open.at);
        skipping = false;
      }
      const close = CLOSE_TAGS[inside] as Buffer;
      const end = buffer.indexOf(close);
      if (end === -1) {
        if (buffer.length > maxItemBytes) {
          if (!skipping) yield { kind: 'too-large', n };
          skipping = true;
          buffer = buffer.subarray(buffer.length - close.length);
        }
        break;
      }
      const stop = end + close.length;
      if (skipping || stop > maxItemBytes) {
        if (!skipping) yield { kind: 'too-large', n };
      } else {
        yield { kind: 'item', n, xml: Buffer.from(buffer.subarray(0, stop)) };
      }
      skipping = false;
      buffer = buffer.subarray(stop);
      inside = -1;
    }
  }
  if (header !== null) {
    keepHeader(buffer);
    yield { kind: 'header', xml: Buffer.concat(header) };
  }
  const rest = inside === -1 ? buffer.toString('latin1') : '';
  yield { kind: 'end', unclosed: inside === -1 ? null : n, closedRoot: ROOT_END.test(tail + rest) };
}

/** The first item or entry start tag in a buffer (the tag name must end there: `<item>`, `<item rdf:about=…>`, not `<itemprop>`). */
function findOpen(buffer: Buffer): { at: number; tag: number } | null {
  let best: { at: number; tag: number } | null = null;
  for (let tag = 0; tag < OPEN_TAGS.length; tag++) {
    const open = OPEN_TAGS[tag] as Buffer;
    let from = 0;
    for (;;) {
      const at = buffer.indexOf(open, from);
      if (at === -1) break;
      const next = buffer[at + open.length];
      if (next === undefined) break;
      if (next === 0x3e || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f) {
        if (best === null || at < best.at) best = { at, tag };
        break;
      }
      from = at + 1;
    }
  }
  return best;
}
