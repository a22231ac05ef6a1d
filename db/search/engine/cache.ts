/**
 * The engine's result caches: small least-recently-used maps whose keys carry the content seq,
 * so a change makes old entries unreachable (they age out). The benchmark's "cold" empties them
 * (never the index: that is the structure kept current).
 */
const registry = new Set<ResultCache<unknown>>();

export type ResultCache<V> = { get(key: string): V | undefined; set(key: string, value: V): void; clear(): void; readonly size: number };

export function resultCache<V>(capacity: number): ResultCache<V> {
  const map = new Map<string, V>();
  const cache: ResultCache<V> = {
    get(key) {
      const hit = map.get(key);
      if (hit !== undefined) {
        map.delete(key);
        map.set(key, hit);
      }
      return hit;
    },
    set(key, value) {
      if (!map.has(key) && map.size >= capacity) map.delete(map.keys().next().value!);
      map.set(key, value);
    },
    clear() {
      map.clear();
    },
    get size() {
      return map.size;
    },
  };
  registry.add(cache as ResultCache<unknown>);
  return cache;
}

/** Empties every engine result cache (the indexes stay). */
export function clearResultCaches(): void {
  for (const c of registry) c.clear();
}
