/**
 * A short-lived, in-process memo of what the tax hooks read on every cart
 * change: default classes, class types, group → class and product → class
 * links, and matrix rows per (customer class, country). Every tax-class
 * workflow of this process clears it; other instances see a change within
 * the TTL (CUSTOMER_SUITE_TAX_CACHE_TTL_MS, default 5000; 0 turns it off).
 * Bounded: past MAX_ENTRIES the oldest entries go.
 */
const MAX_ENTRIES = 20_000

type Entry = { value: unknown; expires: number }
const entries = new Map<string, Entry>()

export const taxCacheTtlMs = () => {
  const raw = Number(process.env.CUSTOMER_SUITE_TAX_CACHE_TTL_MS ?? 5000)
  return Number.isFinite(raw) && raw >= 0 ? raw : 5000
}

/** Cached values of `keys`, and the keys that are missing or expired. */
export function cached<T>(keys: string[]): { hits: Map<string, T>; misses: string[] } {
  const now = Date.now()
  const hits = new Map<string, T>()
  const misses: string[] = []
  for (const key of keys) {
    const entry = entries.get(key)
    if (entry && entry.expires > now) {
      hits.set(key, entry.value as T)
    } else {
      misses.push(key)
    }
  }
  return { hits, misses }
}

export function remember(values: Iterable<[string, unknown]>): void {
  const ttl = taxCacheTtlMs()
  if (!ttl) {
    return
  }
  const expires = Date.now() + ttl
  for (const [key, value] of values) {
    entries.delete(key) // re-insert: Map order is age order
    entries.set(key, { value, expires })
  }
  while (entries.size > MAX_ENTRIES) {
    entries.delete(entries.keys().next().value as string)
  }
}

/** Forgets everything (called by every tax-class write in this process). */
export function invalidateTaxClassCache(): void {
  entries.clear()
}
