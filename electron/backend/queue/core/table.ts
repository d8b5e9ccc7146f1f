// A small persistent map: keys spread over fixed buckets, so an update copies one bucket and the
// bucket index instead of the whole map. A busy day holds tens of thousands of tickets and the hub
// applies thousands of events a second; copying a flat record per event would be O(n) each time.
// Plain JSON-friendly objects, so states deep-equal and serialise like any other value.

const BUCKETS = 64;

/** Immutable key → value table (structurally shared between versions). */
export interface Table<V> {
  readonly size: number;
  readonly buckets: Readonly<Record<string, Readonly<Record<string, V>>>>;
}

/** FNV-1a of the key, folded onto the bucket count. */
function bucketOf(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return String((h >>> 0) % BUCKETS);
}

/** An empty table. */
export function emptyTable<V>(): Table<V> {
  return { size: 0, buckets: {} };
}

/** The value under `key`, or undefined (own keys only: ids like "constructor" are safe). */
export function tableGet<V>(t: Table<V>, key: string): V | undefined {
  const b = t.buckets[bucketOf(key)];
  return b !== undefined && Object.hasOwn(b, key) ? b[key] : undefined;
}

/** A new table with `key` set to `value`. */
export function tableSet<V>(t: Table<V>, key: string, value: V): Table<V> {
  const name = bucketOf(key);
  const old = t.buckets[name] ?? {};
  const size = Object.hasOwn(old, key) ? t.size : t.size + 1;
  return { size, buckets: { ...t.buckets, [name]: { ...old, [key]: value } } };
}

/** All values, in no particular order. */
export function tableValues<V>(t: Table<V>): V[] {
  const out: V[] = [];
  for (const b of Object.values(t.buckets)) out.push(...Object.values(b));
  return out;
}

/** A new table with only the values that pass `keep` (one full rebuild; used once a day). */
export function tableFilter<V>(t: Table<V>, keep: (v: V) => boolean): Table<V> {
  let size = 0;
  const buckets: Record<string, Record<string, V>> = {};
  for (const [name, b] of Object.entries(t.buckets)) {
    const kept = Object.entries(b).filter(([, v]) => keep(v));
    if (kept.length === 0) continue;
    buckets[name] = Object.fromEntries(kept);
    size += kept.length;
  }
  return { size, buckets };
}
