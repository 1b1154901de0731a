// Export: EventRecords → a GeoJSON FeatureCollection (RFC 7946) of the events that have a point location.

import type { EventRecord } from '../types/index.js';
import { articleOf, type AnyIterable, type ExportContext } from './export-context.js';

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

/** The FeatureCollection, streamed one feature per line. */
export async function* geojsonCollection(events: AnyIterable<EventRecord>, context: ExportContext = {}): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for await (const event of events) {
    const feature = await eventFeature(event, context);
    if (feature === null) continue;
    yield `${first ? '' : ',\n'}${JSON.stringify(feature)}`;
    first = false;
  }
  yield '\n]}\n';
}
