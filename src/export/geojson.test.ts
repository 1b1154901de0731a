import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleEvents } from '../store/store-fixtures.js';
import { collectText } from './export-context.js';
import { deliveryHappening, sampleContext } from './export-fixtures.js';
import { geojsonCollection, geojsonHappenings, type EventFeature } from './geojson.js';

test('GeoJSON holds one point per located event, longitude first, and reads back', async () => {
  const events = sampleEvents();
  const collection = JSON.parse(await collectText(geojsonCollection(events, sampleContext()))) as { type: string; features: EventFeature[] };
  assert.equal(collection.type, 'FeatureCollection');
  const located = events.filter((e) => e.location?.lat != null && e.location.lon != null);
  assert.deepEqual(collection.features.map((f) => f.id), located.map((e) => e.id));
  for (const [i, feature] of collection.features.entries()) {
    const event = located[i]!;
    assert.deepEqual(feature.geometry, { type: 'Point', coordinates: [event.location!.lon, event.location!.lat] });
    assert.deepEqual([feature.properties.source, feature.properties.target, feature.properties.cameo, feature.properties.goldstein, feature.properties.place, feature.properties.sentence],
      [event.source.code, event.target?.code ?? null, event.cameo, event.goldstein, event.location!.name, event.sentence.text]);
  }
  assert.equal(collection.features[0]!.properties.geonamesId, 1816670);
});

test('GeoJSON of no located events is still a valid, empty collection', async () => {
  assert.deepEqual(JSON.parse(await collectText(geojsonCollection([]))), { type: 'FeatureCollection', features: [] });
  assert.deepEqual(JSON.parse(await collectText(geojsonCollection(sampleEvents().slice(0, 2)))).features, []);
});

test('at the events level a GeoJSON feature is one happening, placed by whichever report places it, with its report counts', async () => {
  const { happening, context } = deliveryHappening();
  const collection = JSON.parse(await collectText(geojsonHappenings([happening], context))) as { features: EventFeature[] };
  assert.equal(collection.features.length, 1);
  const feature = collection.features[0]!;
  assert.deepEqual([feature.id, feature.geometry.coordinates, feature.properties.place], [happening.cluster.id, [-8, 12.65], 'Bamako']);
  assert.deepEqual([feature.properties.mentions, feature.properties.articles, feature.properties.sources, feature.properties.firstReport], [4, 4, 3, '2022-05-05']);
  const unplaced = { ...happening, mentions: happening.mentions.map((m) => ({ ...m, location: null })) };
  assert.deepEqual(JSON.parse(await collectText(geojsonHappenings([unplaced], context))).features, []);
});
