import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cachedGazetteer } from './gazetteer-cache.js';
import type { Gazetteer } from './gazetteer.js';

function small(): Gazetteer {
  return {
    cityName: ['Baghdad', 'Basra', 'Mosul'], cityLat: Float32Array.of(33.34, 30.51, 36.34), cityLon: Float32Array.of(44.4, 47.78, 43.13),
    cityPop: Uint32Array.of(5672513, 2600000, 1739800), cityId: Uint32Array.of(98182, 99532, 99072), cityCountry: Uint16Array.of(0, 0, 0),
    cityCapital: Uint8Array.of(1, 0, 0), iso3: ['IRQ', ''], cities: new Map<string, number | number[]>([['baghdad', 0], ['basra', 1], ['basrah', [1, 2]]]),
    areas: new Map([['iraq', [{ name: 'Iraq', country: 'IRQ', lat: 33, lon: 44, geonamesId: null, population: 0, type: 'country' as const }]]]),
    common: new Set(['reading']), never: new Set(['may']),
  };
}

test('cachedGazetteer builds once, then reads back the same gazetteer until an input changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-gaz-'));
  try {
    const input = join(dir, 'places.yaml');
    writeFileSync(input, 'countries: []\n');
    let builds = 0;
    const build = (): Gazetteer => { builds++; return small(); };
    const cacheDir = join(dir, 'cache');
    const first = cachedGazetteer([input], build, cacheDir);
    const second = cachedGazetteer([input], build, cacheDir);
    assert.equal(builds, 1);
    assert.deepEqual(second, first);
    assert.deepEqual(second.cities.get('basrah'), [1, 2]);
    assert.ok(second.cityLat instanceof Float32Array);
    writeFileSync(input, 'countries: []\nregions: []\n');
    cachedGazetteer([input], build, cacheDir);
    assert.equal(builds, 2, 'a changed input is built again');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cachedGazetteer builds when the cache is corrupt or cannot be written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-gaz-'));
  try {
    const input = join(dir, 'places.yaml');
    writeFileSync(input, 'x');
    const cacheDir = join(dir, 'cache');
    cachedGazetteer([input], small, cacheDir);
    for (const f of readdirSync(cacheDir)) writeFileSync(join(cacheDir, f), f.endsWith('.json') ? '{"version":1,' : 'xx');
    let builds = 0;
    const build = (): Gazetteer => { builds++; return small(); };
    assert.deepEqual(cachedGazetteer([input], build, cacheDir), small());
    assert.deepEqual(cachedGazetteer([input], build, cacheDir), small());
    assert.equal(builds, 1, 'the corrupt cache was written again');
    // a file where the cache folder should be: nothing can be written, the gazetteer is still built
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, '');
    assert.deepEqual(cachedGazetteer([input], small, blocked), small());
    // an input that does not exist: no key, built anyway
    assert.deepEqual(cachedGazetteer([join(dir, 'missing.yaml')], small, cacheDir), small());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
