// Export: EventRecords → a GeoJSON FeatureCollection (RFC 7946) of the events that have a point location. At the
// events level a feature is one happening (placed where its lead report, else its first report with a point, puts
// it), with its report counts as properties.

import type { EventRecord } from '../types/index.js';
import { articleOf, type AnyIterable, type ExportContext } from './export-context.js';
import { happeningRecord, type Happening } from './happening.js';

/** One GeoJSON feature as Dyad writes it. */
export interface EventFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    doc: string; date: string | null; datePrecision: string;
    source: string; sourceName: string; sourceCountry: string | null;
    target: string | null; targetName: string | null; targetCountry: string | null;
    cameo: string; cameoName: string; quad: number; goldstein: number; plover: string; status: string | null;
    place: string; placeText: string; placeCountry: string | null; geonamesId: number | null;
    sentence: string; url: string | null; outlet: string | null;
    /** Events level only: reports, distinct articles, independent sources, confidence, first and last report date. */
    mentions?: number; articles?: number; sources?: number; confidence?: number; firstReport?: string | null; lastReport?: string | null;
  };
}

/** The feature of an event, or null when it has no latitude and longitude. Coordinates are [longitude, latitude]. */
export async function eventFeature(event: EventRecord, context: ExportContext = {}): Promise<EventFeature | null> {
  const { location } = event;
  if (location === null || location.lat === null || location.lon === null) return null;
  const article = await articleOf(context, event);
  return {
    type: 'Feature',
    id: event.id,
    geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
    properties: {
      doc: event.doc, date: event.date, datePrecision: event.datePrecision,
      source: event.source.code, sourceName: event.source.name, sourceCountry: event.source.country,
      target: event.target?.code ?? null, targetName: event.target?.name ?? null, targetCountry: event.target?.country ?? null,
      cameo: event.cameo, cameoName: event.cameoName, quad: event.quad, goldstein: event.goldstein, plover: event.plover.type,
      status: event.status, place: location.name, placeText: location.text, placeCountry: location.country,
      geonamesId: location.geonamesId ?? null, sentence: event.sentence.text, url: article?.url ?? null, outlet: article?.source ?? null,
    },
  };
}

/** The feature of a happening, or null when none of its reports places it at a point. */
export async function happeningFeature(happening: Happening, context: ExportContext = {}): Promise<EventFeature | null> {
  const record = happeningRecord(happening);
  const hasPoint = (location: EventRecord['location']): boolean => location !== null && location.lat !== null && location.lon !== null;
  const location = hasPoint(record.location) ? record.location : (happening.mentions.find((m) => hasPoint(m.location))?.location ?? null);
  const feature = await eventFeature({ ...record, location }, context);
  if (feature === null) return null;
  const { cluster: c } = happening;
  Object.assign(feature.properties, {
    mentions: c.mentionCount, articles: c.articleCount, sources: c.independentSources, confidence: c.confidence,
    firstReport: c.firstReport, lastReport: c.lastReport,
  });
  return feature;
}

/** The FeatureCollection, streamed one feature per line. */
async function* collection<T>(items: AnyIterable<T>, feature: (item: T) => Promise<EventFeature | null>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for await (const item of items) {
    const f = await feature(item);
    if (f === null) continue;
    yield `${first ? '' : ',\n'}${JSON.stringify(f)}`;
    first = false;
  }
  yield '\n]}\n';
}

/** The events with a point as a FeatureCollection, streamed one feature per line. */
export function geojsonCollection(events: AnyIterable<EventRecord>, context: ExportContext = {}): AsyncGenerator<string> {
  return collection(events, (event) => eventFeature(event, context));
}

/** The happenings with a point as a FeatureCollection, streamed one feature per line. */
export function geojsonHappenings(happenings: AnyIterable<Happening>, context: ExportContext = {}): AsyncGenerator<string> {
  return collection(happenings, (happening) => happeningFeature(happening, context));
}
