import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import AudienceMember from "./models/audience-member"
import ContentBlock from "./models/content-block"
import ContentBlockEvent from "./models/content-block-event"
import ContentBlockStat from "./models/content-block-stat"
import {
  blockIdsForSegment,
  listLiveBlocks,
  placements,
  pruneEvents,
  readStats,
  recordEvents,
  revertEvents,
  type EventToRecord,
  type LiveBlockRow,
  type PlacementRow,
  type RecordedEvents,
  type StatRow,
} from "./content-blocks/sql"
import { exec, rows } from "../customer_segment/sql/execute"
import Audience from "./models/audience"
import AudienceBatch from "./models/audience-batch"
import AudienceSource from "./models/audience-source"

import type { AudienceBatchResult, AudienceMemberRef } from "./audience-types"

export type { AudienceBatchResult, AudienceMemberRef } from "./audience-types"

export type ApplyAudienceBatchInput = {
  source_id: string
  batch_id: string
  sent_at: Date
  audience: { external_id: string; name: string }
  /** Known customers to add and remove (resolved from the batch's ids and emails, without repeats). */
  add_customer_ids: string[]
  remove_customer_ids: string[]
  unknown: { count: number; samples: AudienceMemberRef[] }
}

/** What applying a batch changed, to undo it (compensation) and to tell the rest of the plugin. */
export type AppliedAudienceBatch = {
  result: AudienceBatchResult
  /** Customers whose membership changed (empty for a replay). */
  added_customer_ids: string[]
  removed_customer_ids: string[]
  undo: {
    batch_row_id: string
    audience_id: string
    created_audience: boolean
    previous_audience: { name: string; member_count: number; last_batch_at: Date | null }
    previous_source_last_batch_at: Date | null
  } | null
}

export type RevertAudienceBatchInput = Pick<AppliedAudienceBatch, "added_customer_ids" | "removed_customer_ids" | "undo"> & {
  source_id: string
}

const newId = (prefix: string) => `'${prefix}_' || upper(replace(gen_random_uuid()::text, '-', ''))`

/**
 * Personalization: content blocks per placement (targeted at segments,
 * groups and audiences, with their impressions and clicks) and audiences
 * pushed by an external CDP through a signed webhook.
 */
export default class PersonalizationModuleService extends MedusaService({
  AudienceMember,
  ContentBlock,
  ContentBlockStat,
  ContentBlockEvent,
  AudienceSource,
  Audience,
  AudienceBatch,
}) {
  /** The plugin's ids of the audiences a customer is in (sorted). */
  async listCustomerAudienceIds(customerId: string): Promise<string[]> {
    const rows = await this.listAudienceMembers({ customer_id: customerId }, { select: ["audience_id"], take: null })
    return [...new Set(rows.map((r) => r.audience_id))].sort()
  }

  /** A placement's active, running blocks for some locales, best first (content-blocks/sql.ts). */
  @InjectManager()
  async listLiveContentBlocks(
    input: { placement: string; locales: string[]; now: Date; take: number },
    @MedusaContext() context: Context = {}
  ): Promise<LiveBlockRow[]> {
    return listLiveBlocks(context.manager as SqlEntityManager, input)
  }

  /** Ids of the blocks that target or exclude a segment. */
  @InjectManager()
  async listContentBlockIdsForSegment(segmentId: string, @MedusaContext() context: Context = {}): Promise<string[]> {
    return blockIdsForSegment(context.manager as SqlEntityManager, segmentId)
  }

  /** The placement keys in use, with how many blocks (and active ones) each has. */
  @InjectManager()
  async listContentBlockPlacements(@MedusaContext() context: Context = {}): Promise<PlacementRow[]> {
    return placements(context.manager as SqlEntityManager)
  }

  /** Counts impressions and clicks not yet counted this hour for this shopper. */
  @InjectManager()
  async recordContentBlockEvents(
    input: { shopper_key: string; events: EventToRecord[]; now: Date | string },
    @MedusaContext() context: Context = {}
  ): Promise<RecordedEvents> {
    return this.recordContentBlockEvents_(input, context)
  }

  @InjectTransactionManager()
  protected async recordContentBlockEvents_(
    input: { shopper_key: string; events: EventToRecord[]; now: Date | string },
    @MedusaContext() context: Context = {}
  ): Promise<RecordedEvents> {
    return recordEvents(context.transactionManager as SqlEntityManager, input)
  }

  /** Undoes recordContentBlockEvents (compensation). */
  @InjectManager()
  async revertContentBlockEvents(recorded: RecordedEvents, @MedusaContext() context: Context = {}): Promise<void> {
    return this.revertContentBlockEvents_(recorded, context)
  }

  @InjectTransactionManager()
  protected async revertContentBlockEvents_(recorded: RecordedEvents, @MedusaContext() context: Context = {}): Promise<void> {
    await revertEvents(context.transactionManager as SqlEntityManager, recorded)
  }

  /** A block's daily counters between two UTC days (YYYY-MM-DD, inclusive). */
  @InjectManager()
  async readContentBlockStats(
    input: { block_id: string; from: string; to: string },
    @MedusaContext() context: Context = {}
  ): Promise<StatRow[]> {
    return readStats(context.manager as SqlEntityManager, input)
  }

  /** Drops the hourly deduplication rows older than `before`. */
  @InjectManager()
  async pruneContentBlockEvents(before: Date | string, @MedusaContext() context: Context = {}): Promise<number> {
    return pruneEvents(context.manager as SqlEntityManager, before)
  }

  /** Per customer, the ids of the audiences they are in (sorted); customers in none are absent. */
  @InjectManager()
  async mapCustomersAudienceIds(customerIds: string[], @MedusaContext() context: Context = {}): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>()
    if (customerIds.length === 0) {
      return out
    }
    const found = await rows<{ customer_id: string; audience_id: string }>(
      context.manager as SqlEntityManager,
      `SELECT customer_id, audience_id FROM audience_member WHERE deleted_at IS NULL AND customer_id = ANY($1::text[]) ORDER BY audience_id`,
      [customerIds]
    )
    for (const row of found) {
      out.set(row.customer_id, [...(out.get(row.customer_id) ?? []), row.audience_id])
    }
    return out
  }

  /** The customer ids of an audience's members (sorted). */
  @InjectManager()
  async listAudienceCustomerIds(audienceId: string, @MedusaContext() context: Context = {}): Promise<string[]> {
    const found = await rows<{ customer_id: string }>(
      context.manager as SqlEntityManager,
      `SELECT customer_id FROM audience_member WHERE deleted_at IS NULL AND audience_id = $1 ORDER BY customer_id`,
      [audienceId]
    )
    return found.map((r) => r.customer_id)
  }

  /**
   * Applies one batch in one transaction: the audience is created on first
   * sight or renamed, members added and removed, counts and the batch log
   * written. A batch id the source already sent answers its first result
   * (`replayed: true`) and changes nothing.
   */
  @InjectManager()
  async applyAudienceBatch(input: ApplyAudienceBatchInput, @MedusaContext() context: Context = {}): Promise<AppliedAudienceBatch> {
    return await this.applyAudienceBatch_(input, context)
  }

  @InjectTransactionManager()
  protected async applyAudienceBatch_(input: ApplyAudienceBatchInput, @MedusaContext() context: Context = {}): Promise<AppliedAudienceBatch> {
    const em = context.transactionManager as SqlEntityManager
    // One batch id at a time per source; one batch at a time per audience.
    await exec(em, `SELECT pg_advisory_xact_lock(hashtext('audience-batch:' || $1 || ':' || $2))`, [input.source_id, input.batch_id])
    await exec(em, `SELECT pg_advisory_xact_lock(hashtext('audience:' || $1 || ':' || $2))`, [input.source_id, input.audience.external_id])

    const [seen] = await rows<{ result: AudienceBatchResult }>(
      em,
      `SELECT result FROM audience_batch WHERE deleted_at IS NULL AND source_id = $1 AND batch_id = $2`,
      [input.source_id, input.batch_id]
    )
    if (seen) {
      return { result: { ...seen.result, replayed: true }, added_customer_ids: [], removed_customer_ids: [], undo: null }
    }

    let [audience] = await rows<{ id: string; name: string; member_count: number; last_batch_at: Date | null }>(
      em,
      `SELECT id, name, member_count, last_batch_at FROM audience WHERE deleted_at IS NULL AND source_id = $1 AND external_id = $2`,
      [input.source_id, input.audience.external_id]
    )
    const created = !audience
    if (!audience) {
      ;[audience] = await rows(
        em,
        `INSERT INTO audience (id, source_id, external_id, name, member_count, sync_customer_group, created_at, updated_at)
         VALUES (${newId("aud")}, $1, $2, $3, 0, false, now(), now()) RETURNING id, name, member_count, last_batch_at`,
        [input.source_id, input.audience.external_id, input.audience.name]
      )
    }
    const previousAudience = { name: audience.name, member_count: audience.member_count, last_batch_at: audience.last_batch_at }

    const added = input.add_customer_ids.length
      ? await rows<{ customer_id: string }>(
          em,
          `INSERT INTO audience_member (id, audience_id, customer_id, created_at, updated_at)
           SELECT ${newId("audmem")}, $1, c, now(), now() FROM unnest($2::text[]) AS c
           ON CONFLICT (audience_id, customer_id) WHERE deleted_at IS NULL DO NOTHING RETURNING customer_id`,
          [audience.id, input.add_customer_ids]
        )
      : []
    const removed = input.remove_customer_ids.length
      ? await rows<{ customer_id: string }>(
          em,
          `DELETE FROM audience_member WHERE deleted_at IS NULL AND audience_id = $1 AND customer_id = ANY($2::text[]) RETURNING customer_id`,
          [audience.id, input.remove_customer_ids]
        )
      : []
    const [{ count }] = await rows<{ count: number }>(
      em,
      `SELECT count(*)::int AS count FROM audience_member WHERE deleted_at IS NULL AND audience_id = $1`,
      [audience.id]
    )
    const [{ now }] = await rows<{ now: Date }>(em, `SELECT now() AS now`)
    await exec(em, `UPDATE audience SET name = $2, member_count = $3, last_batch_at = $4, updated_at = now() WHERE id = $1`, [
      audience.id,
      input.audience.name,
      count,
      now,
    ])
    const [source] = await rows<{ last_batch_at: Date | null }>(
      em,
      `SELECT last_batch_at FROM audience_source WHERE id = $1 FOR UPDATE`,
      [input.source_id]
    )
    await exec(em, `UPDATE audience_source SET last_batch_at = $2, updated_at = now() WHERE id = $1`, [input.source_id, now])

    const [{ id: batchRowId }] = await rows<{ id: string }>(em, `SELECT ${newId("audbat")} AS id`)
    const result: AudienceBatchResult = {
      id: batchRowId,
      batch_id: input.batch_id,
      audience: { id: audience.id, external_id: input.audience.external_id, name: input.audience.name, member_count: count },
      added: added.length,
      removed: removed.length,
      unchanged: input.add_customer_ids.length - added.length + input.remove_customer_ids.length - removed.length,
      unknown: input.unknown,
      applied_at: new Date(now).toISOString(),
      replayed: false,
    }
    await exec(
      em,
      `INSERT INTO audience_batch (id, source_id, batch_id, audience_id, external_audience_id, sent_at, added, removed, unchanged,
         unknown, unknown_samples, result, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $13)`,
      [
        batchRowId,
        input.source_id,
        input.batch_id,
        audience.id,
        input.audience.external_id,
        input.sent_at,
        result.added,
        result.removed,
        result.unchanged,
        input.unknown.count,
        JSON.stringify(input.unknown.samples),
        JSON.stringify(result),
        now,
      ]
    )
    return {
      result,
      added_customer_ids: added.map((r) => r.customer_id).sort(),
      removed_customer_ids: removed.map((r) => r.customer_id).sort(),
      undo: {
        batch_row_id: batchRowId,
        audience_id: audience.id,
        created_audience: created,
        previous_audience: previousAudience,
        previous_source_last_batch_at: source?.last_batch_at ?? null,
      },
    }
  }

  /**
   * Takes customers out of every audience (deleted customers), recounting
   * those audiences. Returns the memberships removed.
   */
  @InjectManager()
  async removeCustomersFromAudiences(
    customerIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<{ audience_id: string; customer_id: string }[]> {
    return await this.setAudienceMemberships_(customerIds, [], context)
  }

  /** Puts memberships back (compensation of removeCustomersFromAudiences), recounting their audiences. */
  @InjectManager()
  async restoreAudienceMemberships(
    memberships: { audience_id: string; customer_id: string }[],
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    await this.setAudienceMemberships_([], memberships, context)
  }

  @InjectTransactionManager()
  protected async setAudienceMemberships_(
    removeCustomerIds: string[],
    add: { audience_id: string; customer_id: string }[],
    @MedusaContext() context: Context = {}
  ): Promise<{ audience_id: string; customer_id: string }[]> {
    const em = context.transactionManager as SqlEntityManager
    const removed = removeCustomerIds.length
      ? await rows<{ audience_id: string; customer_id: string }>(
          em,
          `DELETE FROM audience_member WHERE deleted_at IS NULL AND customer_id = ANY($1::text[]) RETURNING audience_id, customer_id`,
          [removeCustomerIds]
        )
      : []
    if (add.length) {
      await exec(
        em,
        `INSERT INTO audience_member (id, audience_id, customer_id, created_at, updated_at)
         SELECT ${newId("audmem")}, x.audience_id, x.customer_id, now(), now() FROM jsonb_to_recordset($1::jsonb) AS x(audience_id text, customer_id text)
         ON CONFLICT (audience_id, customer_id) WHERE deleted_at IS NULL DO NOTHING`,
        [JSON.stringify(add)]
      )
    }
    const audienceIds = [...new Set([...removed, ...add].map((m) => m.audience_id))]
    if (audienceIds.length) {
      await exec(
        em,
        `UPDATE audience a SET member_count = (SELECT count(*) FROM audience_member m WHERE m.deleted_at IS NULL AND m.audience_id = a.id),
           updated_at = now() WHERE a.id = ANY($1::text[])`,
        [audienceIds]
      )
    }
    return removed.sort((a, b) => (a.audience_id + a.customer_id < b.audience_id + b.customer_id ? -1 : 1))
  }

  /** Undoes applyAudienceBatch (a later step of the workflow failed). */
  @InjectManager()
  async revertAudienceBatch(applied: RevertAudienceBatchInput, @MedusaContext() context: Context = {}): Promise<void> {
    return await this.revertAudienceBatch_(applied, context)
  }

  @InjectTransactionManager()
  protected async revertAudienceBatch_(applied: RevertAudienceBatchInput, @MedusaContext() context: Context = {}): Promise<void> {
    const { undo } = applied
    if (!undo) {
      return
    }
    const em = context.transactionManager as SqlEntityManager
    await exec(em, `DELETE FROM audience_batch WHERE id = $1`, [undo.batch_row_id])
    await exec(em, `DELETE FROM audience_member WHERE deleted_at IS NULL AND audience_id = $1 AND customer_id = ANY($2::text[])`, [
      undo.audience_id,
      applied.added_customer_ids,
    ])
    if (applied.removed_customer_ids.length) {
      await exec(
        em,
        `INSERT INTO audience_member (id, audience_id, customer_id, created_at, updated_at)
         SELECT ${newId("audmem")}, $1, c, now(), now() FROM unnest($2::text[]) AS c
         ON CONFLICT (audience_id, customer_id) WHERE deleted_at IS NULL DO NOTHING`,
        [undo.audience_id, applied.removed_customer_ids]
      )
    }
    if (undo.created_audience) {
      await exec(em, `DELETE FROM audience WHERE id = $1`, [undo.audience_id])
    } else {
      const p = undo.previous_audience
      await exec(em, `UPDATE audience SET name = $2, member_count = $3, last_batch_at = $4 WHERE id = $1`, [
        undo.audience_id,
        p.name,
        p.member_count,
        p.last_batch_at,
      ])
    }
    await exec(em, `UPDATE audience_source SET last_batch_at = $2 WHERE id = $1`, [applied.source_id, undo.previous_source_last_batch_at])
  }
}
