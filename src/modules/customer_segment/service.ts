import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import CustomerOrder from "./models/customer-order"
import CustomerProfile from "./models/customer-profile"
import CustomerPurchase from "./models/customer-purchase"
import CustomerSegment from "./models/customer-segment"
import CustomerSegmentMembership from "./models/customer-segment-membership"
import CustomerSegmentRefreshRun from "./models/customer-segment-refresh-run"
import {
  ATTRIBUTES,
  OPERATORS_BY_TYPE,
  RuleSyntaxError,
  compileSql,
  evaluate,
  explain,
  parse,
  print,
  summarizeRule,
  validateRule,
  type AttributeDefinition,
  type CartFacts,
  type CustomerFacts,
  type Explanation,
  type Operator,
  type ParseOptions,
  type RuleNode,
} from "./rules"
import {
  changedAttributes,
  exec,
  readFacts,
  replaceFacts,
  rows,
  toFacts,
  type FactsSnapshot,
  type WriteFactsOptions,
} from "./sql/facts"
import {
  applyMembershipChanges,
  evaluateCustomers,
  refreshMembership,
  type AppliesTo,
  type MembershipChange,
  type RefreshResult,
  type SegmentRule,
} from "./sql/memberships"

export type AttributeDescription = AttributeDefinition & { operators: readonly Operator[] }
export type { FactsSnapshot, MembershipChange, RefreshResult, AppliesTo }
export type { OrderInput, ProfileInput, PurchaseInput } from "./sql/facts"

/** A rule as stored on a segment, with what it reads. */
export type PreparedRule = { rule: RuleNode; query: string; attributes: string[]; relative_dates: boolean }

export type FactsChange = { customer_id: string; changed: string[] }

export type MemberRow = {
  customer_id: string
  source: "rule" | "manual"
  matched_at: Date
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean | null
}

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
}) {
  /** The attribute registry, with the operators each attribute takes (for the admin builder). */
  async listAttributes(): Promise<AttributeDescription[]> {
    return ATTRIBUTES.map((a) => ({ ...a, operators: OPERATORS_BY_TYPE[a.type] }))
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

  // ---- facts projection ----

  /** The stored facts of these customers. */
  @InjectManager()
  async readCustomerFacts(customerIds: string[], @MedusaContext() context: Context = {}): Promise<FactsSnapshot> {
    return readFacts(context.manager as SqlEntityManager, customerIds)
  }

  /**
   * Replaces the facts of these customers (a customer missing from `next`
   * loses its profile). Returns what was stored before and, per customer, the
   * attributes that changed ("*": everything).
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
    const previous = await replaceFacts(context.transactionManager as SqlEntityManager, customerIds, next, options)
    const group = (snapshot: FactsSnapshot, id: string) => ({
      profile: snapshot.profiles.find((p) => p.customer_id === id),
      purchases: snapshot.purchases.filter((p) => p.customer_id === id),
      orders: snapshot.orders.filter((o) => o.customer_id === id),
    })
    const changes = customerIds
      .map((id) => ({ customer_id: id, changed: [...changedAttributes(group(previous, id), group(next, id))] }))
      .filter((c) => c.changed.length > 0)
    return { previous, changes }
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

  /** Customers whose profile references one of these address or group-membership ids. */
  @InjectManager()
  async findCustomersBySourceIds(sourceIds: string[], @MedusaContext() context: Context = {}): Promise<string[]> {
    const found = await rows<{ customer_id: string }>(
      context.manager as SqlEntityManager,
      `SELECT customer_id FROM customer_profile WHERE source_ids && ?::text[] AND deleted_at IS NULL`,
      [sourceIds]
    )
    return found.map((r) => r.customer_id)
  }

  /** Customers credited with these orders (e.g. the previous owner of a transferred order). */
  @InjectManager()
  async findCustomersByOrderIds(orderIds: string[], @MedusaContext() context: Context = {}): Promise<string[]> {
    // customer_order holds every counted order; customer_purchase also those stored before it existed.
    const found = await rows<{ customer_id: string }>(
      context.manager as SqlEntityManager,
      `SELECT customer_id FROM customer_order WHERE order_id = ANY(?::text[]) AND deleted_at IS NULL
       UNION
       SELECT customer_id FROM customer_purchase WHERE order_id = ANY(?::text[]) AND deleted_at IS NULL`,
      [orderIds, orderIds]
    )
    return found.map((r) => r.customer_id)
  }

  /** Customers whose profile lists one of these groups. */
  @InjectManager()
  async findCustomersByGroupIds(groupIds: string[], @MedusaContext() context: Context = {}): Promise<string[]> {
    const found = await rows<{ customer_id: string }>(
      context.manager as SqlEntityManager,
      `SELECT customer_id FROM customer_profile WHERE group_ids && ?::text[] AND deleted_at IS NULL`,
      [groupIds]
    )
    return found.map((r) => r.customer_id)
  }

  // ---- memberships ----

  /**
   * Real time: re-evaluates, for each changed customer, only the active
   * dynamic segments reading a changed attribute, and writes the memberships
   * that differ. A customer without a profile (deleted) also leaves static segments.
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
      { now }
    )
    const everything = changes.filter((c) => c.changed.includes("*")).map((c) => c.customer_id)
    if (everything.length) {
      const gone = await rows<{ segment_id: string; customer_id: string }>(
        em,
        `SELECT m.segment_id, m.customer_id FROM customer_segment_membership m
         JOIN customer_segment s ON s.id = m.segment_id AND s.kind = 'static'
         WHERE m.customer_id = ANY(?::text[]) AND m.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM customer_profile p WHERE p.customer_id = m.customer_id AND p.deleted_at IS NULL)`,
        [everything]
      )
      for (const row of gone) {
        differences.push({ segment_id: row.segment_id, added: [], removed: [row.customer_id] })
      }
    }
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

  /** A full refresh of one segment as set differences in SQL, one transaction per batch. */
  @InjectManager()
  async refreshSegmentMembers(
    segmentId: string,
    options: { now?: Date; batch_size?: number; onBatch?: (change: MembershipChange) => Promise<void> } = {},
    @MedusaContext() context: Context = {}
  ): Promise<RefreshResult> {
    const [segment] = await rows<SegmentRule>(
      context.manager as SqlEntityManager,
      `SELECT id, kind, applies_to, rule, attributes FROM customer_segment WHERE id = ? AND deleted_at IS NULL`,
      [segmentId]
    )
    if (!segment) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer segment with id "${segmentId}" was not found`)
    }
    return refreshMembership(context.manager as SqlEntityManager, segment, {
      now: options.now ?? new Date(),
      batchSize: options.batch_size ?? 50_000,
      onBatch: options.onBatch,
    })
  }

  /** Removes every membership of these segments (after they are deleted). */
  @InjectManager()
  async purgeSegmentMembers(segmentIds: string[], @MedusaContext() context: Context = {}): Promise<void> {
    await exec(context.manager as SqlEntityManager, 
      `DELETE FROM customer_segment_membership WHERE segment_id = ANY(?::text[]) AND deleted_at IS NULL`,
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
    const em = context.manager as SqlEntityManager
    const search = page.q?.trim()
    const filter = search
      ? `AND (p.email ILIKE ? ESCAPE '\\' OR p.first_name ILIKE ? ESCAPE '\\' OR p.last_name ILIKE ? ESCAPE '\\' OR m.customer_id = ?)`
      : ""
    const like = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
    const filterBindings = search ? [like, like, like, search] : []
    const from = `FROM customer_segment_membership m
      LEFT JOIN customer_profile p ON p.customer_id = m.customer_id AND p.deleted_at IS NULL
      WHERE m.segment_id = ? AND m.deleted_at IS NULL ${filter}`
    const [members, [count]] = await Promise.all([
      rows<MemberRow>(
        em,
        `SELECT m.customer_id, m.source, m.matched_at, p.email, p.first_name, p.last_name, p.has_account ${from}
         ORDER BY m.matched_at DESC, m.customer_id LIMIT ? OFFSET ?`,
        [segmentId, ...filterBindings, page.limit, page.offset]
      ),
      rows<{ n: number }>(em, `SELECT count(*)::int AS n ${from}`, [segmentId, ...filterBindings]),
    ])
    return [members, count.n]
  }

  /** Members in customer id order after `after`, with their profile (for exports: every member, page by page). */
  @InjectManager()
  async listSegmentMembersAfter(
    segmentId: string,
    page: { after?: string; limit: number },
    @MedusaContext() context: Context = {}
  ): Promise<MemberRow[]> {
    return rows<MemberRow>(
      context.manager as SqlEntityManager,
      `SELECT m.customer_id, m.source, m.matched_at, p.email, p.first_name, p.last_name, p.has_account
       FROM customer_segment_membership m
       LEFT JOIN customer_profile p ON p.customer_id = m.customer_id AND p.deleted_at IS NULL
       WHERE m.segment_id = ? AND m.customer_id > ? AND m.deleted_at IS NULL
       ORDER BY m.customer_id LIMIT ?`,
      [segmentId, page.after ?? "", page.limit]
    )
  }

  /**
   * Preview without writing: how many customer profiles match a rule, and the
   * first few (most recent orders first).
   */
  @InjectManager()
  async previewRule(
    rule: RuleNode,
    options: { applies_to: AppliesTo; limit: number; now?: Date },
    @MedusaContext() context: Context = {}
  ): Promise<{ count: number; customers: MemberRow[] }> {
    const em = context.manager as SqlEntityManager
    const applies =
      options.applies_to === "registered" ? "AND p.has_account" : options.applies_to === "guests" ? "AND NOT p.has_account" : ""
    const compiled = compileSql(rule, { now: options.now ?? new Date(), alias: "p" })
    const where = `FROM customer_profile p WHERE p.deleted_at IS NULL ${applies} AND ${compiled.sql}`
    const [[count], customers] = await Promise.all([
      rows<{ n: number }>(em, `SELECT count(*)::int AS n ${where}`, compiled.bindings),
      rows<MemberRow>(
        em,
        `SELECT p.customer_id, p.email, p.first_name, p.last_name, p.has_account ${where}
         ORDER BY p.last_order_at DESC NULLS LAST, p.customer_id LIMIT ?`,
        [...compiled.bindings, options.limit]
      ),
    ])
    return { count: count.n, customers }
  }

  /** The segments a customer is a member of (ids). */
  @InjectManager()
  async listCustomerSegmentIds(customerId: string, @MedusaContext() context: Context = {}): Promise<string[]> {
    const found = await rows<{ segment_id: string }>(
      context.manager as SqlEntityManager,
      `SELECT segment_id FROM customer_segment_membership WHERE customer_id = ? AND deleted_at IS NULL`,
      [customerId]
    )
    return found.map((r) => r.segment_id)
  }

  /** Which conditions of a segment's rule hold for a customer, with the facts used. */
  @InjectManager()
  async explainCustomer(
    segmentId: string,
    customerId: string,
    now: Date = new Date(),
    @MedusaContext() context: Context = {}
  ): Promise<{ member: boolean; matches: boolean; applies: boolean; explanation: Explanation | null; facts: CustomerFacts | null }> {
    const em = context.manager as SqlEntityManager
    const segment = await this.retrieveCustomerSegment(segmentId, {}, context)
    const snapshot = await readFacts(em, [customerId])
    const profile = snapshot.profiles[0]
    const facts = profile ? toFacts(profile, snapshot.purchases, snapshot.orders) : null
    const [membership] = await rows<{ id: string }>(
      em,
      `SELECT id FROM customer_segment_membership WHERE segment_id = ? AND customer_id = ? AND deleted_at IS NULL`,
      [segmentId, customerId]
    )
    const applies =
      facts !== null &&
      (segment.applies_to === "both" || (segment.applies_to === "registered") === facts.has_account)
    const rule = segment.rule as RuleNode | null
    const explanation = rule && facts ? explain(rule, facts, { now, cart: null }) : null
    return {
      member: Boolean(membership),
      matches: segment.kind === "static" ? Boolean(membership) : applies && Boolean(explanation?.result),
      applies,
      explanation,
      facts,
    }
  }

  /**
   * The active segments a shopper matches now: a registered customer's
   * memberships (except of segments reading the cart, which a bulk refresh
   * evaluates without one), plus every active dynamic segment whose rule
   * holds on the given facts and cart.
   */
  @InjectManager()
  async matchShopper(
    shopper: { customer_id?: string | null; facts: CustomerFacts; cart: CartFacts | null; has_account: boolean },
    now: Date = new Date(),
    @MedusaContext() context: Context = {}
  ): Promise<string[]> {
    const em = context.manager as SqlEntityManager
    const segments = await rows<SegmentRule>(
      em,
      `SELECT id, kind, applies_to, rule, attributes FROM customer_segment
       WHERE status = 'active' AND deleted_at IS NULL`
    )
    // A bulk refresh sees no cart, so memberships of segments reading the cart are not trusted: those are evaluated now.
    const readsCart = (s: SegmentRule) => s.attributes.some((a) => a.startsWith("cart_"))
    const matched = new Set<string>()
    if (shopper.customer_id) {
      const member = new Set(await this.listCustomerSegmentIds(shopper.customer_id, context))
      segments.filter((s) => member.has(s.id) && (s.kind === "static" || !readsCart(s))).forEach((s) => matched.add(s.id))
    }
    for (const segment of segments) {
      if (segment.kind !== "dynamic" || !segment.rule || matched.has(segment.id)) {
        continue
      }
      const applies = segment.applies_to === "both" || (segment.applies_to === "registered") === shopper.has_account
      if (applies && evaluate(segment.rule, shopper.facts, { now, cart: shopper.cart })) {
        matched.add(segment.id)
      }
    }
    return [...matched]
  }
}
