import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleEvents } from '../store/store-fixtures.js';
import { collectText } from './export-context.js';
import { sampleContext } from './export-fixtures.js';
import { geojsonCollection, type EventFeature } from './geojson.js';

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
