// Web UI: the offline world map (world-atlas shapes via topojson-client) → SVG path data in an equirectangular projection.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Geometry, Position } from 'geojson';
import countries from 'world-atlas/countries-110m.json';

export interface CountryShape { id: string | null; name: string; d: string }

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 480;
/** The part of the map worth showing: from 84° N to 60° S (no empty polar bands). */
export const MAP_VIEWBOX = `0 ${(6 / 180) * MAP_HEIGHT} ${MAP_WIDTH} ${(144 / 180) * MAP_HEIGHT}`;

/** Longitude/latitude → map x/y (equirectangular, latitudes -90…90 over the full height). */
export function project(lon: number, lat: number): [number, number] {
  return [((lon + 180) / 360) * MAP_WIDTH, ((90 - lat) / 180) * MAP_HEIGHT];
}

/** True when a ring jumps across the antimeridian (Russia's far east, Fiji). */
function crossesAntimeridian(ring: Position[]): boolean {
  return ring.some((p, i) => i > 0 && Math.abs((p[0] as number) - ((ring[i - 1] as Position)[0] as number)) > 180);
}

function ringPath(ring: Position[]): string {
  // A ring across the antimeridian is drawn whole east of 180° (its far part falls off the map's edge) rather than
  // as a band stretched across the whole map.
  const shift = crossesAntimeridian(ring);
  return ring.map((p, i) => {
    const lon = p[0] as number;
    const [x, y] = project(shift && lon < 0 ? lon + 360 : lon, p[1] as number);
    return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join('') + 'Z';
}

function geometryPath(geometry: Geometry | null): string {
  if (geometry === null) return '';
  if (geometry.type === 'Polygon') return geometry.coordinates.map(ringPath).join('');
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.map((poly) => poly.map(ringPath).join('')).join('');
  return '';
}

let cache: CountryShape[] | null = null;

/** Every country shape, with its numeric id (null for a few disputed areas) and name. */
export function countryShapes(): CountryShape[] {
  if (cache !== null) return cache;
  const topology = countries as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  cache = collection.features.map((f) => ({
    id: f.id === undefined ? null : String(f.id),
    name: f.properties?.name ?? '',
    d: geometryPath(f.geometry),
  }));
  return cache;
}
