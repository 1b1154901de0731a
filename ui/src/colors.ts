// Web UI: the colours of quad classes and of the Goldstein scale (-10 conflict red … 0 grey … +10 cooperation blue).

export const QUAD_NAMES = ['Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'] as const;
export const QUAD_COLORS = ['#7fb3d5', '#1f5f99', '#f0a64b', '#c0392b'] as const;

function mix(a: [number, number, number], b: [number, number, number], t: number): string {
  const c = a.map((v, i) => Math.round(v + ((b[i] as number) - v) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

const RED: [number, number, number] = [192, 57, 43];
const GREY: [number, number, number] = [150, 150, 150];
const BLUE: [number, number, number] = [31, 95, 153];

/** The colour of a Goldstein score (clamped to -10…10). */
export function goldsteinColor(score: number): string {
  const t = Math.max(-10, Math.min(10, score)) / 10;
  return t < 0 ? mix(GREY, RED, -t) : mix(GREY, BLUE, t);
}

/** QuadClass of a CAMEO code by its root: 01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict. */
export function quadOfCode(code: string): 1 | 2 | 3 | 4 {
  const root = Number(code.slice(0, 2));
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}
