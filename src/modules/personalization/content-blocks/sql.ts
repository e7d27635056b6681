import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { generateEntityId } from "@medusajs/framework/utils"
import { exec, rows } from "../../customer_segment/sql/execute"
import type { BlockTargeting } from "./match"

/** A block as the resolver reads it: what the store shows plus its targeting. */
export type LiveBlockRow = BlockTargeting & {
  name: string
  placement: string
  format: "html" | "markdown" | "json"
  content: string
  image_url: string | null
  link_url: string | null
  priority: number
  targeted: boolean
}

export const LIVE_COLUMNS = [
  "id", "name", "placement", "format", "content", "image_url", "link_url", "priority", "locale", "status", "starts_at",
  "ends_at", "shopper_kind", "target_segment_ids", "target_group_ids", "target_audience_ids", "exclude_segment_ids", "targeted",
]

/**
 * The one resolving query: a placement's active, running blocks for the
 * locales given (and those for every locale), best first, read through the
 * (placement, status, priority) index. Targeting is then decided on these
 * few rows with the shopper's memberships (match.ts).
 */
export async function listLiveBlocks(
  em: SqlEntityManager,
  input: { placement: string; locales: string[]; now: Date; take: number }
): Promise<LiveBlockRow[]> {
  return rows<LiveBlockRow>(
    em,
    `SELECT ${LIVE_COLUMNS.join(", ")} FROM content_block
      WHERE deleted_at IS NULL AND placement = $1 AND status = 'active'
        AND (starts_at IS NULL OR starts_at <= $2) AND (ends_at IS NULL OR ends_at > $2)
        AND (locale IS NULL OR locale = ANY($3::text[]))
      ORDER BY priority DESC, id ASC
      LIMIT $4`,
    [input.placement, input.now, input.locales, input.take]
  )
}

/** Blocks that target or exclude a segment. */
export async function blockIdsForSegment(em: SqlEntityManager, segmentId: string): Promise<string[]> {
  const found = await rows<{ id: string }>(
    em,
    `SELECT id FROM content_block WHERE deleted_at IS NULL AND ($1 = ANY(target_segment_ids) OR $1 = ANY(exclude_segment_ids)) ORDER BY id`,
    [segmentId]
  )
  return found.map((r) => r.id)
}

export type PlacementRow = { placement: string; count: number; active: number }

export async function placements(em: SqlEntityManager): Promise<PlacementRow[]> {
  const found = await rows<{ placement: string; count: string; active: string }>(
    em,
    `SELECT placement, count(*) AS count, count(*) FILTER (WHERE status = 'active') AS active
       FROM content_block WHERE deleted_at IS NULL GROUP BY placement ORDER BY placement COLLATE "C"`
  )
  return found.map((r) => ({ placement: r.placement, count: Number(r.count), active: Number(r.active) }))
}

export type EventToRecord = { block_id: string; type: "impression" | "click"; segment_ids: string[] }
export type RecordedEvents = { event_ids: string[]; stats: { block_id: string; type: string; segment_id: string; day: string }[] }

/** The UTC hour and day of an instant. */
export const hourOf = (now: Date) => new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000)
export const dayOf = (now: Date) => now.toISOString().slice(0, 10)

/**
 * Counts events not yet seen this hour for this shopper: the ones the
 * hourly table takes (ON CONFLICT DO NOTHING skips the others) add one to
 * their block's daily counters, overall (segment "") and per segment given.
 */
export async function recordEvents(
  em: SqlEntityManager,
  input: { shopper_key: string; events: EventToRecord[]; now: Date | string }
): Promise<RecordedEvents> {
  // A workflow's input arrives serialised: the instant may be its ISO text.
  const now = new Date(input.now)
  if (input.events.length === 0) {
    return { event_ids: [], stats: [] }
  }
  const inserted = await rows<{ id: string; block_id: string; type: string }>(
    em,
    `INSERT INTO content_block_event (id, shopper_key, block_id, type, hour)
     SELECT e.id, $1, e.block_id, e.type, $2::timestamptz FROM unnest($3::text[], $4::text[], $5::text[]) AS e(id, block_id, type)
     ON CONFLICT (shopper_key, block_id, type, hour) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id, block_id, type`,
    [
      input.shopper_key,
      hourOf(now),
      input.events.map(() => generateEntityId("", "cbevt")),
      input.events.map((e) => e.block_id),
      input.events.map((e) => e.type),
    ]
  )
  const segmentsOf = new Map(input.events.map((e) => [`${e.block_id} ${e.type}`, e.segment_ids]))
  const day = dayOf(now)
  const stats = inserted.flatMap((r) =>
    ["", ...(segmentsOf.get(`${r.block_id} ${r.type}`) ?? [])].map((segment_id) => ({ block_id: r.block_id, type: r.type, segment_id, day }))
  )
  await addToStats(em, stats, 1)
  return { event_ids: inserted.map((r) => r.id), stats }
}

async function addToStats(em: SqlEntityManager, stats: RecordedEvents["stats"], delta: 1 | -1): Promise<void> {
  if (stats.length === 0) {
    return
  }
  await exec(
    em,
    `INSERT INTO content_block_stat (id, block_id, day, type, segment_id, count)
     SELECT s.id, s.block_id, s.day, s.type, s.segment_id, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS s(id, block_id, day, type, segment_id)
     ON CONFLICT (block_id, day, type, segment_id) WHERE deleted_at IS NULL
     DO UPDATE SET count = content_block_stat.count + EXCLUDED.count, updated_at = now()`,
    [
      stats.map(() => generateEntityId("", "cbstat")),
      stats.map((s) => s.block_id),
      stats.map((s) => s.day),
      stats.map((s) => s.type),
      stats.map((s) => s.segment_id),
      delta,
    ]
  )
}

/** Undoes recordEvents (compensation). */
export async function revertEvents(em: SqlEntityManager, recorded: RecordedEvents): Promise<void> {
  if (recorded.event_ids.length) {
    await exec(em, `DELETE FROM content_block_event WHERE id = ANY($1::text[])`, [recorded.event_ids])
  }
  await addToStats(em, recorded.stats, -1)
}

export type StatRow = { day: string; type: "impression" | "click"; segment_id: string; count: number }

/** A block's counters between two UTC days (inclusive). */
export async function readStats(em: SqlEntityManager, input: { block_id: string; from: string; to: string }): Promise<StatRow[]> {
  const found = await rows<{ day: string; type: "impression" | "click"; segment_id: string; count: string }>(
    em,
    `SELECT day, type, segment_id, sum(count) AS count FROM content_block_stat
      WHERE deleted_at IS NULL AND block_id = $1 AND day >= $2 AND day <= $3
      GROUP BY day, type, segment_id`,
    [input.block_id, input.from, input.to]
  )
  return found.map((r) => ({ ...r, count: Number(r.count) }))
}

/** Deletes hourly dedup rows older than `before`; answers how many. */
export async function pruneEvents(em: SqlEntityManager, before: Date | string): Promise<number> {
  const found = await rows<{ n: string }>(
    em,
    `WITH gone AS (DELETE FROM content_block_event WHERE deleted_at IS NULL AND hour < $1 RETURNING 1) SELECT count(*) AS n FROM gone`,
    [new Date(before)]
  )
  return Number(found[0]?.n ?? 0)
}
