/**
 * Segments that read other segments (`segments CONTAINS 'cseg_…'`): the
 * order to evaluate them in, the cycles to refuse, and who reads whom.
 */
export type SegmentReads = { id: string; reads: readonly string[] }

/** A cycle through the reads as a path that ends where it starts (e.g. [a, b, a]), or null. */
export function findCycle(segments: readonly SegmentReads[]): string[] | null {
  const reads = new Map(segments.map((s) => [s.id, s.reads]))
  const state = new Map<string, "open" | "done">()
  const path: string[] = []
  const visit = (id: string): string[] | null => {
    if (state.get(id) === "done") {
      return null
    }
    if (state.get(id) === "open") {
      return [...path.slice(path.indexOf(id)), id]
    }
    state.set(id, "open")
    path.push(id)
    for (const next of [...(reads.get(id) ?? [])].sort()) {
      const cycle = visit(next)
      if (cycle) {
        return cycle
      }
    }
    path.pop()
    state.set(id, "done")
    return null
  }
  for (const { id } of [...segments].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const cycle = visit(id)
    if (cycle) {
      return cycle
    }
  }
  return null
}

/**
 * The segments in an order where each comes after the segments it reads
 * (ties by id, so every instance agrees). Reads of unknown segments are
 * ignored; a cycle (refused on save) is broken at an arbitrary edge.
 */
export function dependencyOrder<T extends SegmentReads>(segments: readonly T[]): T[] {
  const byId = new Map(segments.map((s) => [s.id, s]))
  const placed = new Set<string>()
  const visiting = new Set<string>()
  const order: T[] = []
  const place = (segment: T) => {
    if (placed.has(segment.id) || visiting.has(segment.id)) {
      return
    }
    visiting.add(segment.id)
    for (const id of [...segment.reads].sort()) {
      const read = byId.get(id)
      if (read) {
        place(read)
      }
    }
    visiting.delete(segment.id)
    placed.add(segment.id)
    order.push(segment)
  }
  ;[...segments].sort((a, b) => (a.id < b.id ? -1 : 1)).forEach(place)
  return order
}

/** The segments that read `id`, directly. */
export const readersOf = <T extends SegmentReads>(segments: readonly T[], id: string): T[] =>
  segments.filter((s) => s.reads.includes(id))
