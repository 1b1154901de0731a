// Web UI: an evidence sentence + the spans an event names (source, trigger, target, items…) → text runs to mark up.
import type { EventRecord } from './api.js';

export type SpanKind = 'source' | 'trigger' | 'target' | 'item' | 'location' | 'attribution' | 'sentence';

export interface Span { start: number; end: number; kind: SpanKind }
export interface Run { text: string; kind: SpanKind | null }

/** Lowest first: a later kind wins where spans overlap (the trigger inside an attribution stays the trigger). */
const PRIORITY: SpanKind[] = ['sentence', 'attribution', 'location', 'item', 'target', 'source', 'trigger'];

/**
 * Cuts `text` (which starts at offset `base` of the article) into runs, each marked with the kind of the span
 * covering it, or null. Spans outside the text are clipped; overlaps go to the higher-priority kind.
 */
export function highlightRuns(text: string, base: number, spans: readonly Span[]): Run[] {
  const kinds: (SpanKind | null)[] = new Array<SpanKind | null>(text.length).fill(null);
  const ordered = [...spans].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind));
  for (const span of ordered) {
    const from = Math.max(0, span.start - base);
    const to = Math.min(text.length, span.end - base);
    for (let i = from; i < to; i++) kinds[i] = span.kind;
  }
  const runs: Run[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || kinds[i] !== kinds[start]) {
      if (i > start) runs.push({ text: text.slice(start, i), kind: kinds[start] ?? null });
      start = i;
    }
  }
  return runs;
}

/** The spans an event marks in its sentence. */
export function eventSpans(event: EventRecord): Span[] {
  const spans: Span[] = [
    { start: event.source.start, end: event.source.end, kind: 'source' },
    { start: event.trigger.start, end: event.trigger.end, kind: 'trigger' },
  ];
  if (event.target) spans.push({ start: event.target.start, end: event.target.end, kind: 'target' });
  for (const item of event.items) spans.push({ start: item.start, end: item.end, kind: 'item' });
  if (event.location) spans.push({ start: event.location.start, end: event.location.end, kind: 'location' });
  if (event.attribution) spans.push({ start: event.attribution.start, end: event.attribution.end, kind: 'attribution' });
  return spans;
}
