/**
 * Seeded randomness for the data generator (the same seed gives the same data set), weighted picks,
 * UUIDv7 ids stamped with a chosen instant, and the creation instants of a three-year history.
 */
import { FILLERS, FIRST_NAMES, LAST_NAMES } from './gen-words.ts';

/** mulberry32: small, fast, good enough for test data. */
export class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Log-normal factor around 1 (sigma in log space): durations with a long tail. */
  lognormal(sigma: number): number {
    const u = Math.max(this.next(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
    return Math.exp(sigma * z);
  }
}

/** Picks among weighted items in O(log n). */
export class Weighted<T> {
  readonly #items: T[];
  readonly #cumulative: number[];
  constructor(entries: [T, number][]) {
    this.#items = entries.map(([item]) => item);
    let sum = 0;
    this.#cumulative = entries.map(([, w]) => {
      sum += w;
      return sum;
    });
  }
  pick(rnd: Random): T {
    const total = this.#cumulative.at(-1) ?? 0;
    const x = rnd.next() * total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.#items[lo] as T;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A UUIDv7 for an instant in the past: generated rows keep ids in creation order, as live ones do. */
export function idAt(ms: number, rnd: Random): string {
  const b = new Array<number>(16);
  for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
  for (let i = 6; i < 16; i++) b[i] = Math.floor(rnd.next() * 256);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.map((x) => HEX[x]).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const DAY_MS = 86_400_000;

/** Relative volume of a day: working days, quiet weekends, August and Christmas dips, slow growth. */
function dayWeight(day: Date, progress: number): number {
  const wd = day.getUTCDay();
  let w = wd === 0 || wd === 6 ? 0.04 : 1;
  if (day.getUTCMonth() === 7) w *= 0.55;
  if (day.getUTCMonth() === 11 && day.getUTCDate() >= 24) w *= 0.3;
  return w * (0.7 + 0.6 * progress);
}

/** An instant of a working day (UTC, France ≈ UTC+1): morning and afternoon peaks, a few late ones. */
function timeOfDay(rnd: Random): number {
  const r = rnd.next();
  const hour = r < 0.45 ? 7 + rnd.next() * 4 : r < 0.9 ? 12 + rnd.next() * 5 : rnd.next() * 24;
  return Math.floor(hour * 3_600_000);
}

/** `count` creation instants in increasing order over `years` up to `end`, shaped by dayWeight/timeOfDay. */
export function* creationTimes(count: number, end: Date, years: number, rnd: Random): Generator<number> {
  const days = Math.round(years * 365.25);
  const first = Math.floor(end.getTime() / DAY_MS) - days + 1;
  const weights = Array.from({ length: days }, (_, d) => dayWeight(new Date((first + d) * DAY_MS), d / days));
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let emitted = 0;
  for (let d = 0; d < days; d++) {
    cumulative += weights[d] ?? 0;
    const upTo = d === days - 1 ? count : Math.round((cumulative / total) * count);
    const start = (first + d) * DAY_MS;
    const partial = end.getTime() - start < DAY_MS;
    const at = () => (partial ? start + Math.floor(rnd.next() * (end.getTime() - start)) : start + timeOfDay(rnd));
    const times = Array.from({ length: upTo - emitted }, at);
    times.sort((a, b) => a - b);
    yield* times;
    emitted = upTo;
  }
}

/** A French full name. */
export function personName(rnd: Random): string {
  return `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
}

/** Fills `{placeholder}`s of a template with plausible values. */
export function fill(template: string, rnd: Random): string {
  return template.replace(/\{(\w+?)(2)?\}/g, (_, key: string) => {
    if (key === 'personne') return personName(rnd);
    if (key === 'jour') return String(rnd.int(1, 28));
    if (key === 'num') return `F${rnd.int(2024, 2026)}-${rnd.int(10000, 99999)}`;
    if (key === 'montant') return String(rnd.int(2, 400) * 25);
    if (key === 'nb') return String(rnd.int(4, 40));
    return rnd.pick(FILLERS[key] ?? [key]);
  });
}
