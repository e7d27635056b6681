import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { MedusaError } from "@medusajs/framework/utils"
import { dependencyOrder, findCycle, segmentsRead, type RuleNode } from "../rules"
import { rows } from "./execute"

/** Segments whose rules read other segments: existence, cycles, readers and refresh order. */

type StoredSegment = { id: string; name: string; rule: RuleNode | null }

const liveSegments = (em: SqlEntityManager, where = "true", params: unknown[] = []) =>
  rows<StoredSegment>(em, `SELECT id, name, rule FROM customer_segment WHERE deleted_at IS NULL AND ${where}`, params)

const readsOf = (segment: { rule: RuleNode | null }) => (segment.rule ? segmentsRead(segment.rule) : [])

/**
 * Refuses a rule for segment `segmentId` (null: a new one) that reads a
 * segment that does not exist, or that would make segments read each other
 * in a cycle; the error names them.
 */
export async function checkReads(em: SqlEntityManager, segmentId: string | null, rule: RuleNode, field: string): Promise<void> {
  const reads = segmentsRead(rule)
  if (reads.length === 0) {
    return
  }
  const segments = await liveSegments(em)
  const names = new Map(segments.map((s) => [s.id, s.name]))
  const missing = reads.filter((id) => !names.has(id))
  if (missing.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field}: segments ${missing.map((id) => `"${id}"`).join(", ")} ${missing.length === 1 ? "does" : "do"} not exist`
    )
  }
  const self = segmentId ?? "(this segment)"
  const cycle = findCycle([
    ...segments.filter((s) => s.id !== segmentId).map((s) => ({ id: s.id, reads: readsOf(s) })),
    { id: self, reads },
  ])
  if (cycle) {
    const label = (id: string) =>
      id === self ? `"${names.get(id) ?? "this segment"}" (this segment)` : `"${names.get(id) ?? id}" (${id})`
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field}: segments may not read each other in a cycle: ${cycle.map(label).join(" → ")}`
    )
  }
}

/** The segments (other than these) whose rules read any of these segments, directly. */
export async function readersOf(em: SqlEntityManager, segmentIds: string[]): Promise<{ id: string; name: string; reads: string[] }[]> {
  const segments = await liveSegments(em, "rule IS NOT NULL")
  return segments
    .map((s) => ({ id: s.id, name: s.name, reads: readsOf(s) }))
    .filter((s) => s.reads.some((id) => segmentIds.includes(id)) && !segmentIds.includes(s.id))
}

/** These segments in the order to refresh them: each after the segments its rule reads. */
export async function refreshOrder(em: SqlEntityManager, segmentIds: string[]): Promise<string[]> {
  const segments = await liveSegments(em, "id = ANY($1::text[])", [segmentIds])
  return dependencyOrder(segments.map((s) => ({ id: s.id, reads: readsOf(s) }))).map((s) => s.id)
}
