/**
 * Deterministic variation for the sample data. Every generator takes its own named stream so
 * that editing one data file does not reshuffle the values drawn for another.
 */

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** `n` distinct elements, in the list's own order (so output reads naturally). */
  sample<T>(items: readonly T[], n: number): T[];
};

/** mulberry32: tiny, fast and good enough for sample data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to turn a stream name into a seed. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function rngFor(stream: string): Rng {
  const next = mulberry32(hashString(`fengtai-portal-seed:${stream}`));
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (p) => next() < p,
    sample: (items, n) => {
      const idx = items.map((_, i) => i);
      for (let i = idx.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [idx[i], idx[j]] = [idx[j]!, idx[i]!];
      }
      return idx
        .slice(0, Math.min(n, idx.length))
        .sort((a, b) => a - b)
        .map((i) => items[i]!);
    },
  };
  return rng;
}

/**
 * A point within `maxMetres` of a centre, uniform over the disc, rounded to 6 decimals
 * (about 0.1 m: more would only pretend to a precision the sample data does not have).
 */
export function jitter(rng: Rng, centre: { lat: number; lng: number }, maxMetres: number): { lat: number; lng: number } {
  const r = maxMetres * Math.sqrt(rng.next());
  const theta = 2 * Math.PI * rng.next();
  const dLat = (r * Math.sin(theta)) / 111_320;
  const dLng = (r * Math.cos(theta)) / (111_320 * Math.cos((centre.lat * Math.PI) / 180));
  return { lat: round6(centre.lat + dLat), lng: round6(centre.lng + dLng) };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The instant of a Beijing wall-clock time (China has no daylight saving: always +08:00). */
export function beijingInstant(date: string, time = '09:00'): Date {
  return new Date(`${date}T${time}:00+08:00`);
}
