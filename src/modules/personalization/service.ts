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
}
