// A small persistent map: keys spread over 64 × 64 buckets in two levels, so an update copies one
// bucket, one group of 64 bucket references and the 64-entry group index instead of the whole map.
// A busy day holds tens of thousands of tickets and the hub applies thousands of events a second;
// copying a flat record per event would be O(n) each time, and one level of 64 buckets still copied
// ~400-key objects per event at 25,000 tickets (80% of replay time). Plain JSON-friendly objects,
// so states deep-equal and serialise like any other value.

const FANOUT = 64;

/** Immutable key → value table (structurally shared between versions). */
export interface Table<V> {
  readonly size: number;
  /** group → bucket → key → value. */
  readonly buckets: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, V>>>>>>;
}

/** FNV-1a of the key, split into a group and a bucket name. */
function slotOf(key: string): [group: string, bucket: string] {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const n = (h >>> 0) % (FANOUT * FANOUT);
  return [String(n % FANOUT), String(Math.floor(n / FANOUT))];
}

/** An empty table. */
export function emptyTable<V>(): Table<V> {
  return { size: 0, buckets: {} };
}

/** The value under `key`, or undefined (own keys only: ids like "constructor" are safe). */
export function tableGet<V>(t: Table<V>, key: string): V | undefined {
  const [g, b] = slotOf(key);
  const bucket = t.buckets[g]?.[b];
  return bucket !== undefined && Object.hasOwn(bucket, key) ? bucket[key] : undefined;
}

/** A new table with `key` set to `value`. */
export function tableSet<V>(t: Table<V>, key: string, value: V): Table<V> {
  const [g, b] = slotOf(key);
  const group = t.buckets[g] ?? {};
  const old = group[b] ?? {};
  const size = Object.hasOwn(old, key) ? t.size : t.size + 1;
  return { size, buckets: { ...t.buckets, [g]: { ...group, [b]: { ...old, [key]: value } } } };
}

/** All values, in no particular order. */
export function tableValues<V>(t: Table<V>): V[] {
  const out: V[] = [];
  for (const group of Object.values(t.buckets)) for (const b of Object.values(group)) out.push(...Object.values(b));
  return out;
}

/** A new table with only the values that pass `keep` (one full rebuild; used once a day). */
export function tableFilter<V>(t: Table<V>, keep: (v: V) => boolean): Table<V> {
  let size = 0;
  const buckets: Record<string, Record<string, Record<string, V>>> = {};
  for (const [g, group] of Object.entries(t.buckets)) {
    for (const [name, b] of Object.entries(group)) {
      const kept = Object.entries(b).filter(([, v]) => keep(v));
      if (kept.length === 0) continue;
      buckets[g] = { ...buckets[g], [name]: Object.fromEntries(kept) };
      size += kept.length;
    }
  }
  return { size, buckets };
}
