import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import CustomerFactsBackfill from "./models/customer-facts-backfill"
import CustomerOrder from "./models/customer-order"
import CustomerProfile from "./models/customer-profile"
import CustomerPurchase from "./models/customer-purchase"
import CustomerSegment from "./models/customer-segment"
import CustomerSegmentMembership from "./models/customer-segment-membership"
import CustomerSegmentRefreshRun from "./models/customer-segment-refresh-run"
import { parseCustomerSuiteOptions } from "../customer_suite/options"
import {
  ATTRIBUTES,
  RuleSyntaxError,
  describeAttribute,
  parse,
  print,
  summarizeRule,
  validateRule,
  type AttributeDescription,
  type CustomerFacts,
  type ParseOptions,
  type RuleNode,
} from "./rules"
import { concurrently, exec, rows } from "./sql/execute"
import { customersReferencing, readFacts, replaceFacts, toFacts, writeFacts, type FactsSnapshot, type WriteFactsOptions } from "./sql/facts"
import { backfillBatch, estimateCustomers, nextCustomerIds, type BackfillBatchInput, type BackfillBatchResult } from "./sql/backfill"
import {
  activeBackfillRuns,
  cancelBackfillRun,
  claimBackfillRun,
  claimableBackfillRunIds,
  createBackfillRun,
  finishBackfillRun,
  recordBackfillBatch,
  renewBackfillLease,
  uncancelBackfillRun,
  type FactsBackfillRow,
} from "./sql/backfill-runs"
import { buildNextDeferredIndex, deferProjectionIndexes, giveUpDeferredIndex, runsWithDeferredIndexes, type DeferredIndex } from "./sql/backfill-indexes"
import { listMembers, listMembersAfter, previewMatches, type MatchRow, type MemberRow } from "./sql/members"
import { checkReads, readersOf, refreshOrder } from "./sql/segment-reads"
import { explainMembership, matchSegments, type MembershipExplanation, type SegmentToExplain, type Shopper } from "./sql/shoppers"
import {
  applyMembershipChanges,
  evaluateCustomers,
  staticMembershipsOfGone,
  refreshMembership,
  type AppliesTo,
  type MembershipChange,
  type RefreshResult,
  type SegmentRule,
} from "./sql/memberships"

export type { BackfillBatchInput, BackfillBatchResult, FactsBackfillRow }
export { BackfillLeaseLost } from "./sql/backfill-runs"
export { DeferredIndexFailed } from "./sql/backfill-indexes"
export type { AttributeDescription, FactsSnapshot, MembershipChange, MemberRow, RefreshResult, AppliesTo }
export type { OrderInput, ProfileInput, PurchaseInput } from "./sql/facts"

/** A rule as stored on a segment, with what it reads. */
export type PreparedRule = { rule: RuleNode; query: string; attributes: string[]; relative_dates: boolean }

/** A customer whose stored facts changed, with the facts that did ("*": all of them). */
export type FactsChange = { customer_id: string; changed: string[] }

export const MEMBERSHIP_EVENT_CHUNK = 1000

/**
 * Customer segments: the facts projection (customer_profile,
 * customer_purchase, customer_order), the rule engine, segments, memberships and refresh runs.
 * Bulk work is set-based SQL (sql/); single customers are evaluated in memory.
 */
export default class CustomerSegmentModuleService extends MedusaService({
  CustomerProfile,
  CustomerPurchase,
  CustomerOrder,
  CustomerSegment,
  CustomerSegmentMembership,
  CustomerSegmentRefreshRun,
  CustomerFactsBackfill,
}) {
  /** Minutes after which a cart with items counts as abandoned (plugin option segments.abandoned_after_minutes). */
  protected readonly abandonedAfterMinutes_: number

  constructor(container: Record<string, unknown>, options?: unknown) {
    super(...arguments)
    this.abandonedAfterMinutes_ = parseCustomerSuiteOptions(options ?? {}).segments.abandoned_after_minutes
  }

  /** The attribute registry, with the operators each attribute takes (for the admin builder). */
  async listAttributes(): Promise<AttributeDescription[]> {
    return ATTRIBUTES.map(describeAttribute)
  }

  /** Checks a rule given as JSON; throws INVALID_DATA naming each problem's path. */
  async validateRule(input: unknown, field = "rule"): Promise<RuleNode> {
    const result = validateRule(input)
    if (!result.success) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        result.issues.map((i) => `${[field, ...i.path].join(".")}: ${i.message}`).join("; ")
      )
    }
    return result.rule
  }

  /** Parses the text syntax; throws INVALID_DATA with the line and column of the problem. */
  async parseQuery(query: string, options: ParseOptions = {}): Promise<RuleNode> {
    try {
      return parse(query, options)
    } catch (error) {
      if (error instanceof RuleSyntaxError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `query: ${error.message}`)
      }
      throw error
    }
  }

  /** The text form of a rule (after validating it). */
  async printRule(input: unknown): Promise<string> {
    return print(await this.validateRule(input))
  }

  /** A rule given as JSON or as text, validated, with its text form and what it reads. */
  async prepareRule(input: { rule?: unknown; query?: string }, options: ParseOptions = {}): Promise<PreparedRule> {
    if (input.rule !== undefined && input.query !== undefined) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "rule, query: give either a rule or a query, not both")
    }
    const rule =
      input.query !== undefined ? await this.parseQuery(input.query, options) : await this.validateRule(input.rule)
    const summary = summarizeRule(rule)
    return {
      rule,
      query: input.query !== undefined ? input.query.trim() : print(rule),
      attributes: summary.attributes,
      relative_dates: summary.relative_dates,
    }
  }

  /**
   * Refuses a rule for segment `segmentId` (null: a new one) that reads a
   * segment that does not exist, or that would make segments read each other
   * in a cycle; the error names them.
   */
  @InjectManager()
  async checkSegmentReads(
    segmentId: string | null,
    rule: RuleNode,
    field = "rule",
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    await checkReads(context.manager as SqlEntityManager, segmentId, rule, field)
  }

  /** The segments whose rules read these segments (directly), with their names. */
  @InjectManager()
  async listSegmentReaders(
    segmentIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<{ id: string; name: string; reads: string[] }[]> {
    return readersOf(context.manager as SqlEntityManager, segmentIds)
  }

  /** These segments in the order to refresh them: each after the segments its rule reads. */
  @InjectManager()
  async orderForRefresh(segmentIds: string[], @MedusaContext() context: Context = {}): Promise<string[]> {
    return refreshOrder(context.manager as SqlEntityManager, segmentIds)
  }

  // ---- facts projection ----

  /** The stored facts of these customers. */
  @InjectManager()
  async readCustomerFacts(customerIds: string[], @MedusaContext() context: Context = {}): Promise<FactsSnapshot> {
    return readFacts(context.manager as SqlEntityManager, customerIds)
  }

  /**
   * Replaces the facts of these customers (a customer missing from `next`
   * loses its profile). Returns what was stored before and, per customer, the
   * facts that changed ("*": everything).
   */
  @InjectManager()
  async writeCustomerFacts(
    customerIds: string[],
    next: FactsSnapshot,
    options: WriteFactsOptions = {},
    @MedusaContext() context: Context = {}
  ): Promise<{ previous: FactsSnapshot; changes: FactsChange[] }> {
    return this.writeCustomerFacts_(customerIds, next, options, context)
  }

  @InjectTransactionManager()
  protected async writeCustomerFacts_(
    customerIds: string[],
    next: FactsSnapshot,
    options: WriteFactsOptions = {},
    @MedusaContext() context: Context = {}
  ): Promise<{ previous: FactsSnapshot; changes: FactsChange[] }> {
    return writeFacts(context.transactionManager as SqlEntityManager, customerIds, next, options)
  }

  /**
   * The presence tracker's batch: each customer's latest store request into
   * their profile (last_activity_date), never moving it back. Customers
   * without a profile get theirs from presence when it is built.
   */
  @InjectManager()
  async recordLastActivity(activity: { customer_id: string; at: Date }[], @MedusaContext() context: Context = {}): Promise<void> {
    if (!activity.length) {
      return
    }
    await exec(
      context.manager as SqlEntityManager,
      `UPDATE customer_profile p SET last_activity_at = x.at
       FROM jsonb_to_recordset($1::jsonb) AS x(customer_id text, at timestamptz)
       WHERE p.customer_id = x.customer_id AND p.deleted_at IS NULL AND (p.last_activity_at IS NULL OR p.last_activity_at < x.at)`,
      [JSON.stringify(activity.map((a) => ({ customer_id: a.customer_id, at: a.at.toISOString() })))]
    )
  }

  /** Puts back a snapshot returned by writeCustomerFacts (compensation). */
  @InjectManager()
  async restoreCustomerFacts(
    customerIds: string[],
    snapshot: FactsSnapshot,
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    return this.restoreCustomerFacts_(customerIds, snapshot, context)
  }

  @InjectTransactionManager()
  protected async restoreCustomerFacts_(
    customerIds: string[],
    snapshot: FactsSnapshot,
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    await replaceFacts(context.transactionManager as SqlEntityManager, customerIds, snapshot)
  }

  /**
   * Refreshes the planner's statistics of the projection: after a backfill or
   * another bulk write, so that rule statements are planned on what the
   * tables hold (a server without autovacuum, or before it runs, has none).
   */
  @InjectManager()
  async analyzeCustomerFacts(@MedusaContext() context: Context = {}): Promise<void> {
    await exec(context.manager as SqlEntityManager, "ANALYZE customer_profile, customer_purchase, customer_order")
  }

  /** Customers whose profile references one of these address or group-membership ids. */
  @InjectManager()
  async findCustomersBySourceIds(sourceIds: string[], @MedusaContext() context: Context = {}): Promise<string[]> {
    return customersReferencing(context.manager as SqlEntityManager, "sources", sourceIds)
  }

  /** Customers credited with these orders (e.g. the previous owner of a transferred order). */
  @InjectManager()
  async findCustomersByOrderIds(orderIds: string[], @MedusaContext() context: Context = {}): Promise<string[]> {
    return customersReferencing(context.manager as SqlEntityManager, "orders", orderIds)
  }

  /** Customers whose profile lists one of these groups. */
  @InjectManager()
  async findCustomersByGroupIds(groupIds: string[], @MedusaContext() context: Context = {}): Promise<string[]> {
    return customersReferencing(context.manager as SqlEntityManager, "groups", groupIds)
  }

  // ---- backfill runs (sql/backfill.ts, sql/backfill-runs.ts) ----

  /** Customers in the store (an estimate for a big table). */
  @InjectManager()
  async estimateStoreCustomers(@MedusaContext() context: Context = {}): Promise<number> {
    return estimateCustomers(context.manager as SqlEntityManager)
  }

  /** Queues a backfill run (409 when one is queued or running). */
  @InjectManager()
  async queueFactsBackfill(
    run: { trigger: "manual" | "install"; requested_by: string | null; batch_size: number },
    @MedusaContext() context: Context = {}
  ): Promise<FactsBackfillRow> {
    const em = context.manager as SqlEntityManager
    return createBackfillRun(em, { ...run, customers_estimate: await estimateCustomers(em) })
  }

  @InjectManager()
  async listActiveFactsBackfills(@MedusaContext() context: Context = {}): Promise<FactsBackfillRow[]> {
    return activeBackfillRuns(context.manager as SqlEntityManager)
  }

  @InjectManager()
  async claimFactsBackfill(id: string, leaseSeconds: number, @MedusaContext() context: Context = {}): Promise<FactsBackfillRow | null> {
    return claimBackfillRun(context.manager as SqlEntityManager, id, leaseSeconds)
  }

  @InjectManager()
  async listClaimableFactsBackfillIds(@MedusaContext() context: Context = {}): Promise<string[]> {
    return claimableBackfillRunIds(context.manager as SqlEntityManager)
  }

  /** The next customer ids of a backfill, after `after`. */
  @InjectManager()
  async nextBackfillCustomerIds(after: string | null, limit: number, @MedusaContext() context: Context = {}): Promise<string[]> {
    return nextCustomerIds(context.manager as SqlEntityManager, after, limit)
  }

  /**
   * Writes one batch of a run and records it, in one transaction, while this
   * instance holds the run's lease: the facts and the checkpoint move
   * together. Throws BackfillLeaseLost (nothing written) once it does not.
   * Answers the batch's counts and the renewed lease.
   */
  @InjectManager()
  async writeFactsBackfillBatch(
    run: { id: string; lease_until: Date; lease_seconds: number; /** Spent on the batch before this call (reading its ids and extras). */ prepared_ms?: number },
    batch: BackfillBatchInput,
    @MedusaContext() context: Context = {}
  ): Promise<BackfillBatchResult & { lease_until: Date }> {
    return this.writeFactsBackfillBatch_(run, batch, context)
  }

  @InjectTransactionManager()
  protected async writeFactsBackfillBatch_(
    run: { id: string; lease_until: Date; lease_seconds: number; prepared_ms?: number },
    batch: BackfillBatchInput,
    @MedusaContext() context: Context = {}
  ): Promise<BackfillBatchResult & { lease_until: Date }> {
    const em = context.transactionManager as SqlEntityManager
    const started = Date.now()
    const result = await backfillBatch(em, batch)
    const checkpoint = batch.customerIds.length ? batch.customerIds[batch.customerIds.length - 1] : null
    const leaseUntil = await recordBackfillBatch(
      em,
      run.id,
      run.lease_until,
      { checkpoint, customers: result.customers, orders: result.orders, elapsed_ms: Date.now() - started + (run.prepared_ms ?? 0) },
      run.lease_seconds
    )
    return { ...result, lease_until: leaseUntil }
  }

  @InjectManager()
  async finishFactsBackfill(
    id: string,
    leaseUntil: Date,
    end: { status: "succeeded" | "failed"; error?: string | null; refresh_run_ids?: string[]; elapsed_ms?: number },
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    return finishBackfillRun(context.manager as SqlEntityManager, id, leaseUntil, end)
  }

  /** Puts a canceled backfill back as it was before (compensation of a cancel). */
  @InjectManager()
  async uncancelFactsBackfill(
    id: string,
    before: { status: "queued" | "running"; lease_until: Date | null },
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    return uncancelBackfillRun(context.manager as SqlEntityManager, id, before)
  }

  /** Renews the lease of a run this instance holds; null when it no longer holds it. */
  @InjectManager()
  async renewFactsBackfillLease(id: string, leaseUntil: Date, leaseSeconds: number, @MedusaContext() context: Context = {}): Promise<Date | null> {
    return renewBackfillLease(context.manager as SqlEntityManager, id, leaseUntil, leaseSeconds)
  }

  /**
   * At the start of a run held under `leaseUntil`: when the projection holds
   * fewer than `maxProfiles` profiles, drops the secondary indexes the batches
   * do not need and records them on the run (one transaction). Answers what
   * was deferred (sql/backfill-indexes.ts, decision 0060).
   */
  @InjectManager()
  async deferFactsIndexes(
    id: string,
    leaseUntil: Date,
    maxProfiles: number,
    @MedusaContext() context: Context = {}
  ): Promise<DeferredIndex[]> {
    return this.deferFactsIndexes_(id, leaseUntil, maxProfiles, context)
  }

  @InjectTransactionManager()
  protected async deferFactsIndexes_(
    id: string,
    leaseUntil: Date,
    maxProfiles: number,
    @MedusaContext() context: Context = {}
  ): Promise<DeferredIndex[]> {
    return deferProjectionIndexes(context.transactionManager as SqlEntityManager, id, leaseUntil, maxProfiles)
  }

  /**
   * Builds the next index a run deferred (one transaction); null when none is
   * left, "busy" when another builder holds the lock and `wait` is false.
   * Throws DeferredIndexFailed when it cannot be built.
   */
  @InjectManager()
  async buildNextDeferredFactsIndex(
    id: string,
    options: { wait: boolean } = { wait: true },
    @MedusaContext() context: Context = {}
  ): Promise<DeferredIndex | "busy" | null> {
    return this.buildNextDeferredFactsIndex_(id, options, context)
  }

  @InjectTransactionManager()
  protected async buildNextDeferredFactsIndex_(
    id: string,
    options: { wait: boolean },
    @MedusaContext() context: Context = {}
  ): Promise<DeferredIndex | "busy" | null> {
    return buildNextDeferredIndex(context.transactionManager as SqlEntityManager, id, options)
  }

  /** Gives up a deferred index that cannot be built: struck from the run and recorded in its error. */
  @InjectManager()
  async giveUpDeferredFactsIndex(id: string, index: DeferredIndex, reason: string, @MedusaContext() context: Context = {}): Promise<void> {
    return this.giveUpDeferredFactsIndex_(id, index, reason, context)
  }

  @InjectTransactionManager()
  protected async giveUpDeferredFactsIndex_(id: string, index: DeferredIndex, reason: string, @MedusaContext() context: Context = {}): Promise<void> {
    return giveUpDeferredIndex(context.transactionManager as SqlEntityManager, id, index, reason)
  }

  /** Runs that still have deferred indexes to build. */
  @InjectManager()
  async listRunsWithDeferredFactsIndexes(@MedusaContext() context: Context = {}): Promise<{ id: string; status: string }[]> {
    return runsWithDeferredIndexes(context.manager as SqlEntityManager)
  }

  /** Cancels a queued or running backfill; null when it is not active. */
  @InjectManager()
  async cancelFactsBackfill(id: string, @MedusaContext() context: Context = {}): Promise<FactsBackfillRow | null> {
    return cancelBackfillRun(context.manager as SqlEntityManager, id)
  }

  // ---- memberships ----

  /**
   * Real time: re-evaluates, for each changed customer, only the active
   * dynamic segments reading a changed fact (and the segments reading those
   * whose membership changed), and writes the memberships that differ. A
   * customer without a profile (deleted) also leaves static segments.
   */
  @InjectManager()
  async evaluateCustomerSegments(
    changes: FactsChange[],
    now: Date = new Date(),
    @MedusaContext() context: Context = {}
  ): Promise<MembershipChange[]> {
    return this.evaluateCustomerSegments_(changes, now, context)
  }

  @InjectTransactionManager()
  protected async evaluateCustomerSegments_(
    changes: FactsChange[],
    now: Date = new Date(),
    @MedusaContext() context: Context = {}
  ): Promise<MembershipChange[]> {
    const em = context.transactionManager as SqlEntityManager
    const differences = await evaluateCustomers(
      em,
      changes.map((c) => ({ customer_id: c.customer_id, changed: new Set(c.changed) })),
      { now, abandoned_after_minutes: this.abandonedAfterMinutes_ }
    )
    // A customer without a profile (deleted) also leaves static segments.
    differences.push(...(await staticMembershipsOfGone(em, changes.filter((c) => c.changed.includes("*")).map((c) => c.customer_id))))
    return applyMembershipChanges(em, differences)
  }

  /** Writes membership changes, or undoes them (compensation). Returns what actually changed. */
  @InjectManager()
  async applyMembershipChanges(
    changes: MembershipChange[],
    options: { invert?: boolean; source?: "rule" | "manual" } = {},
    @MedusaContext() context: Context = {}
  ): Promise<MembershipChange[]> {
    return this.applyMembershipChanges_(changes, options, context)
  }

  @InjectTransactionManager()
  protected async applyMembershipChanges_(
    changes: MembershipChange[],
    options: { invert?: boolean; source?: "rule" | "manual" } = {},
    @MedusaContext() context: Context = {}
  ): Promise<MembershipChange[]> {
    return applyMembershipChanges(context.transactionManager as SqlEntityManager, changes, options)
  }

  /** A full refresh of one segment: the difference found in one statement, written in batches. */
  @InjectManager()
  async refreshSegmentMembers(
    segmentId: string,
    options: { now?: Date; batch_size?: number; onBatch?: (change: MembershipChange) => Promise<void> } = {},
    @MedusaContext() context: Context = {}
  ): Promise<RefreshResult> {
    const [segment] = await rows<SegmentRule>(
      context.manager as SqlEntityManager,
      `SELECT id, kind, applies_to, rule, attributes FROM customer_segment WHERE id = $1 AND deleted_at IS NULL`,
      [segmentId]
    )
    if (!segment) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer segment with id "${segmentId}" was not found`)
    }
    return refreshMembership(context.manager as SqlEntityManager, segment, {
      now: options.now ?? new Date(),
      batchSize: options.batch_size ?? 5_000,
      abandoned_after_minutes: this.abandonedAfterMinutes_,
      onBatch: options.onBatch,
    })
  }

  /** Removes every membership of these segments (after they are deleted). */
  @InjectManager()
  async purgeSegmentMembers(segmentIds: string[], @MedusaContext() context: Context = {}): Promise<void> {
    await exec(
      context.manager as SqlEntityManager,
      `DELETE FROM customer_segment_membership WHERE segment_id = ANY($1::text[]) AND deleted_at IS NULL`,
      [segmentIds]
    )
  }

  /** One page of a segment's members with their profile, newest first; `q` searches email and names. */
  @InjectManager()
  async listSegmentMembers(
    segmentId: string,
    page: { q?: string; offset: number; limit: number },
    @MedusaContext() context: Context = {}
  ): Promise<[MemberRow[], number]> {
    return listMembers(context.manager as SqlEntityManager, segmentId, page)
  }

  /** Members in customer id order after `after`, with their profile (for exports: every member, page by page). */
  @InjectManager()
  async listSegmentMembersAfter(
    segmentId: string,
    page: { after?: string; limit: number },
    @MedusaContext() context: Context = {}
  ): Promise<MemberRow[]> {
    return listMembersAfter(context.manager as SqlEntityManager, segmentId, page)
  }

  /** Preview without writing: how many customer profiles match a rule, and the first few (most recent orders first). */
  @InjectManager()
  async previewRule(
    rule: RuleNode,
    options: { applies_to: AppliesTo; limit: number; now?: Date },
    @MedusaContext() context: Context = {}
  ): Promise<{ count: number; customers: MatchRow[] }> {
    return previewMatches(context.manager as SqlEntityManager, rule, {
      ...options,
      now: options.now ?? new Date(),
      abandoned_after_minutes: this.abandonedAfterMinutes_,
    })
  }

  /** The segments a customer is a member of (ids). */
  @InjectManager()
  async listCustomerSegmentIds(customerId: string, @MedusaContext() context: Context = {}): Promise<string[]> {
    const found = await rows<{ segment_id: string }>(
      context.manager as SqlEntityManager,
      `SELECT segment_id FROM customer_segment_membership WHERE customer_id = $1 AND deleted_at IS NULL ORDER BY segment_id`,
      [customerId]
    )
    return found.map((r) => r.segment_id)
  }

  /** A customer's stored facts as the evaluators read them (null without a profile), memberships included. */
  @InjectManager()
  async loadCustomerFacts(customerId: string, @MedusaContext() context: Context = {}): Promise<CustomerFacts | null> {
    const em = context.manager as SqlEntityManager
    const [snapshot, segmentIds] = await concurrently<[FactsSnapshot, string[]]>(em, [
      () => readFacts(em, [customerId]),
      () => this.listCustomerSegmentIds(customerId, context),
    ])
    const profile = snapshot.profiles[0]
    return profile ? toFacts(profile, snapshot.purchases, snapshot.orders, segmentIds) : null
  }

  /** Which conditions of a segment's rule hold for a customer, with the facts used. */
  @InjectManager()
  async explainCustomer(
    segmentId: string,
    customerId: string,
    now: Date = new Date(),
    @MedusaContext() context: Context = {}
  ): Promise<MembershipExplanation> {
    const segment = await this.retrieveCustomerSegment(segmentId, {}, context)
    const facts = await this.loadCustomerFacts(customerId, context)
    return explainMembership(segment as SegmentToExplain, facts, { now, abandoned_after_minutes: this.abandonedAfterMinutes_ })
  }

  /** The active segments a shopper matches now (sql/shoppers.ts). */
  @InjectManager()
  async matchShopper(shopper: Shopper, now: Date = new Date(), @MedusaContext() context: Context = {}): Promise<string[]> {
    return matchSegments(context.manager as SqlEntityManager, shopper, { now, abandoned_after_minutes: this.abandonedAfterMinutes_ })
  }
}
