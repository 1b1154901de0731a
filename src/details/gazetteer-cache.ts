// Details: the built gazetteer ⇄ a cache file in `.cache/gazetteer/` (git-ignored), so start-up skips decoding and
// folding 135,000 city names. Strings and name indexes go in JSON; the numeric columns as raw typed-array bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gazetteer, Place } from './gazetteer.js';

/** Bump when the Gazetteer shape or how it is built changes, so old cache files are ignored. */
const CACHE_VERSION = 1;
const CACHE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../.cache/gazetteer');

interface Strings {
  version: number;
  rows: number;
  cityName: string[];
  iso3: string[];
  cities: Array<[string, number | number[]]>;
  areas: Array<[string, Place[]]>;
  common: string[];
  never: string[];
}

/** Byte layout of the numeric columns, in file order. */
const COLUMNS = [
  ['cityLat', Float32Array], ['cityLon', Float32Array], ['cityPop', Uint32Array], ['cityId', Uint32Array],
  ['cityCountry', Uint16Array], ['cityCapital', Uint8Array],
] as const;

/** The cache key: the version and each input file's path, size and modification time. */
function cacheKey(inputs: readonly string[]): string {
  const hash = createHash('sha1').update(`v${CACHE_VERSION}`);
  for (const f of inputs) {
    const st = statSync(f);
    hash.update(`\0${resolve(f)}\0${st.size}\0${st.mtimeMs}`);
  }
  return hash.digest('hex').slice(0, 20);
}

function write(g: Gazetteer, base: string): void {
  const strings: Strings = {
    version: CACHE_VERSION, rows: g.cityName.length, cityName: g.cityName, iso3: g.iso3, cities: [...g.cities],
    areas: [...g.areas], common: [...g.common], never: [...g.never],
  };
  const bytes = Buffer.concat(COLUMNS.map(([name]) => {
    const column = g[name];
    return Buffer.from(column.buffer, column.byteOffset, column.byteLength);
  }));
  mkdirSync(dirname(base), { recursive: true });
  for (const [ext, data] of [['.bin', bytes], ['.json', JSON.stringify(strings)]] as const) {
    const tmp = `${base}${ext}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, `${base}${ext}`);
  }
}

function read(base: string): Gazetteer | null {
  if (!existsSync(`${base}.json`) || !existsSync(`${base}.bin`)) return null;
  const s = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Strings;
  const bytes = readFileSync(`${base}.bin`);
  if (s.version !== CACHE_VERSION) return null;
  const n = s.rows;
  const columns: Record<string, Float32Array | Uint32Array | Uint16Array | Uint8Array> = {};
  let offset = 0;
  for (const [name, Type] of COLUMNS) {
    const length = n * Type.BYTES_PER_ELEMENT;
    if (offset + length > bytes.length) return null;
    // copy into an aligned buffer of its own: the file buffer's offset need not suit the element size
    const column = new Type(n);
    new Uint8Array(column.buffer).set(bytes.subarray(offset, offset + length));
    columns[name] = column;
    offset += length;
  }
  if (offset !== bytes.length || s.cityName.length !== n) return null;
  return {
    cityName: s.cityName, iso3: s.iso3, cities: new Map(s.cities), areas: new Map(s.areas), common: new Set(s.common), never: new Set(s.never),
    cityLat: columns.cityLat as Float32Array, cityLon: columns.cityLon as Float32Array, cityPop: columns.cityPop as Uint32Array,
    cityId: columns.cityId as Uint32Array, cityCountry: columns.cityCountry as Uint16Array, cityCapital: columns.cityCapital as Uint8Array,
  };
}

/**
 * The gazetteer `build()` makes from `inputs`, read from the cache when none of the inputs changed since it was
 * written (about a third of the time of building it), else built and cached. A missing, stale or unreadable cache,
 * or a read-only install, only means building it. `dir` is where cache files go.
 */
export function cachedGazetteer(inputs: readonly string[], build: () => Gazetteer, dir: string = CACHE_DIR): Gazetteer {
  let base: string;
  try {
    base = join(dir, cacheKey(inputs));
  } catch {
    return build(); // an input that cannot be read: no key
  }
  try {
    const cached = read(base);
    if (cached !== null) return cached;
  } catch {
    // a corrupt cache file is written again below
  }
  const g = build();
  try {
    write(g, base);
  } catch {
    // a read-only install builds the gazetteer every time
  }
  return g;
}
