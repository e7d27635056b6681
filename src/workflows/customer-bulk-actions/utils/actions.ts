import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { deleteCustomersWorkflow, linkCustomersToCustomerGroupWorkflow } from "@medusajs/medusa/core-flows"
import { activitySettings } from "../../../api/utils/activity-settings"
import { consumeResetAllowance, refundResetAllowance, resetThrottledMessage } from "../../../api/utils/reset-throttle"
import { forgetSessionRevocation } from "../../../api/utils/session-revocations"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import type { BulkActionKind } from "../../../modules/customer_suite/models/customer-bulk-action"
import type { BulkActionFailure } from "../../../types/http/customer-grid"
import { recordSecurityEventsWorkflow, revokeCustomerSessionsWorkflow, sendCustomerPasswordResetWorkflow } from "../../customer-activity"
import { findCustomerResetAccount, findCustomerSignInEmail } from "../../customer-activity/steps/find-customer-reset-account"
import { updateCustomerSegmentMembersWorkflow } from "../../customer-segments/workflows/update-customer-segment-members"
import { unlockCustomerSignInWorkflow } from "../../sign-in-protection"

export type BulkActionParams = { group_id?: string; segment_id?: string }

export type ApplyBulkActionInput = {
  action: BulkActionKind
  params: BulkActionParams
  /** The staff user who started the action (the security log's actor). */
  user_id: string
  customer_ids: string[]
  /**
   * When the action started (ISO). A delete batch replayed after a crash
   * finds the customers it deleted before the crash gone: those deleted since
   * then count as succeeded, not "not found".
   */
  since?: string
}

export type ApplyBulkActionResult = { succeeded: string[]; failures: BulkActionFailure[] }

/** Customers per workflow run for the actions whose workflows take lists (a failed group is retried one by one). */
export const BULK_GROUP_SIZE = 50
/** Customers worked on at once for the actions whose workflows take one customer. */
export const BULK_CONCURRENCY = 10
/**
 * Sign-outs at once: each run waits for the next second to begin (decision
 * 0030) while holding no connection, so more of them share that wait.
 */
export const BULK_SIGN_OUT_CONCURRENCY = 50

const NOT_FOUND = "not found: no customer with this id (deleted, or never existed)"
const MAX_MESSAGE = 1_000

const messageOf = (error: unknown) => String((error as Error)?.message ?? error).slice(0, MAX_MESSAGE) || "failed"

type Container = MedusaContainer
type Customer = { id: string; email: string | null; has_account: boolean }
type Outcome = ApplyBulkActionResult

/** Runs `work` on every item, at most `limit` at once; results in input order. */
async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** One customer at a time (a few at once): each success or failure is its own. */
async function eachCustomer(ids: string[], work: (id: string) => Promise<void>, concurrency = BULK_CONCURRENCY): Promise<Outcome> {
  const outcome: Outcome = { succeeded: [], failures: [] }
  const settled = await mapLimit(ids, concurrency, (id) =>
    work(id).then(
      () => null,
      (error: unknown) => messageOf(error)
    )
  )
  ids.forEach((id, i) => (settled[i] === null ? outcome.succeeded.push(id) : outcome.failures.push({ customer_id: id, message: settled[i] as string })))
  return outcome
}

/**
 * A list workflow over groups of customers; when a group's run fails (and its
 * workflow undid that group), its customers are run one by one to find which
 * fail and why. Groups that succeeded stay done.
 */
async function inGroups(ids: string[], work: (ids: string[]) => Promise<void>): Promise<Outcome> {
  const outcome: Outcome = { succeeded: [], failures: [] }
  for (let start = 0; start < ids.length; start += BULK_GROUP_SIZE) {
    const group = ids.slice(start, start + BULK_GROUP_SIZE)
    try {
      await work(group)
      outcome.succeeded.push(...group)
    } catch {
      const single = await eachCustomer(group, (id) => work([id]))
      outcome.succeeded.push(...single.succeeded)
      outcome.failures.push(...single.failures)
    }
  }
  return outcome
}

/** The customer group a group action names; the whole action stops when it is gone. */
async function requireGroup(container: Container, groupId: string | undefined): Promise<string> {
  const [group] = groupId ? await container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: groupId }, { select: ["id"] }) : []
  if (!group) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `params.group_id: the customer group "${groupId ?? ""}" does not exist (any more)`)
  }
  return group.id
}

/** The static segment a segment action names; the whole action stops when it is gone or no longer static. */
async function requireStaticSegment(container: Container, segmentId: string | undefined): Promise<string> {
  const [segment] = segmentId
    ? await container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE).listCustomerSegments({ id: segmentId }, { select: ["id", "kind"] })
    : []
  if (!segment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `params.segment_id: the segment "${segmentId ?? ""}" does not exist (any more)`)
  }
  if (segment.kind !== "static") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `params.segment_id: the segment "${segment.id}" is dynamic: only static segments take hand-picked members`)
  }
  return segment.id
}

/** Which of these customers are in the group now. */
async function groupMembers(container: Container, groupId: string, ids: string[]): Promise<Set<string>> {
  const links = await container
    .resolve(Modules.CUSTOMER)
    .listCustomerGroupCustomers({ customer_group_id: groupId, customer_id: ids }, { select: ["customer_id"], take: null })
  return new Set(links.map((l) => l.customer_id))
}

const merge = (...outcomes: Outcome[]): Outcome => ({
  succeeded: outcomes.flatMap((o) => o.succeeded),
  failures: outcomes.flatMap((o) => o.failures),
})

const done = (ids: string[]): Outcome => ({ succeeded: ids, failures: [] })

type Handler = (container: Container, input: ApplyBulkActionInput, customers: Customer[]) => Promise<Outcome>

/**
 * Each action by the workflow that does it one customer (or one list) at a
 * time elsewhere in the store: Medusa's group-link and delete workflows, the
 * suite's segment-member, unlock, staff reset and sign-out workflows. The
 * record is typed by kind: a new kind fails to compile until it is here.
 */
const HANDLERS: Record<BulkActionKind, Handler> = {
  add_to_group: async (container, input, customers) => {
    const groupId = await requireGroup(container, input.params.group_id)
    const ids = customers.map((c) => c.id)
    const members = await groupMembers(container, groupId, ids)
    // Already in the group: nothing to do, and never given to the link step (its undo would take them out).
    return merge(
      done(ids.filter((id) => members.has(id))),
      await inGroups(
        ids.filter((id) => !members.has(id)),
        async (add) => void (await linkCustomersToCustomerGroupWorkflow(container).run({ input: { id: groupId, add } }))
      )
    )
  },
  remove_from_group: async (container, input, customers) => {
    const groupId = await requireGroup(container, input.params.group_id)
    const ids = customers.map((c) => c.id)
    const members = await groupMembers(container, groupId, ids)
    return merge(
      done(ids.filter((id) => !members.has(id))),
      await inGroups(
        ids.filter((id) => members.has(id)),
        async (remove) => void (await linkCustomersToCustomerGroupWorkflow(container).run({ input: { id: groupId, remove } }))
      )
    )
  },
  add_to_segment: async (container, input, customers) => {
    const segmentId = await requireStaticSegment(container, input.params.segment_id)
    return inGroups(
      customers.map((c) => c.id),
      async (add) => void (await updateCustomerSegmentMembersWorkflow(container).run({ input: { id: segmentId, add } }))
    )
  },
  remove_from_segment: async (container, input, customers) => {
    const segmentId = await requireStaticSegment(container, input.params.segment_id)
    return inGroups(
      customers.map((c) => c.id),
      async (remove) => void (await updateCustomerSegmentMembersWorkflow(container).run({ input: { id: segmentId, remove } }))
    )
  },
  send_password_reset: async (container, input, customers) =>
    eachCustomer(
      customers.map((c) => c.id),
      async (customerId) => {
        // As the customer page's "Send password reset": on the customer's email limits, never an IP's.
        const account = await findCustomerResetAccount(container, customerId)
        const allowance = await consumeResetAllowance(container, { email: account.email, ip: null })
        if (!allowance.allowed) {
          await recordSecurityEventsWorkflow(container).run({
            input: {
              events: [
                { kind: "staff_password_reset", outcome: "throttled", customer_id: account.customer_id, email: account.email, ip: null, user_agent: null, actor_type: "user", actor_id: input.user_id },
              ],
            },
          })
          throw new MedusaError(MedusaError.Types.NOT_ALLOWED, resetThrottledMessage(allowance.retry_after_seconds))
        }
        try {
          await sendCustomerPasswordResetWorkflow(container).run({ input: { customer_id: account.customer_id, user_id: input.user_id, ip: null, user_agent: null } })
        } catch (error) {
          await refundResetAllowance(container, { email: account.email, ip: null }).catch(() => undefined)
          throw error
        }
      }
    ),
  unlock: async (container, input, customers) =>
    eachCustomer(
      customers.map((c) => c.id),
      async (customerId) => {
        // The email sign-ins name: the emailpass identity's, else the customer's (as the customer page's unlock).
        const email = (await findCustomerSignInEmail(container, customerId)) ?? customers.find((c) => c.id === customerId)?.email ?? null
        await unlockCustomerSignInWorkflow(container).run({ input: { customer_id: customerId, email, actor_id: input.user_id, ip: null, user_agent: null } })
      }
    ),
  end_sessions: async (container, input, customers) =>
    eachCustomer(
      customers.map((c) => c.id),
      async (customerId) => {
        await revokeCustomerSessionsWorkflow(container).run({ input: { customer_id: customerId, reason: "staff", actor_type: "user", actor_id: input.user_id } })
        forgetSessionRevocation(customerId)
      },
      BULK_SIGN_OUT_CONCURRENCY
    ),
  delete: async (container, _input, customers) =>
    inGroups(
      customers.map((c) => c.id),
      async (ids) => void (await deleteCustomersWorkflow(container).run({ input: { ids } }))
    ),
}

/** Which of these (not found) customers were soft-deleted at or after `since`: a replayed delete batch's own work. */
async function deletedSinceIds(container: Container, ids: string[], since: Date): Promise<Set<string>> {
  const rows = (await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: ids }, { select: ["id", "deleted_at"], withDeleted: true, take: null })) as { id: string; deleted_at: Date | string | null }[]
  return new Set(rows.filter((c) => c.deleted_at !== null && new Date(c.deleted_at).getTime() >= since.getTime()).map((c) => c.id))
}

/** The actions that need a capability of the suite turned on. */
export const BULK_ACTION_CAPABILITY: Partial<Record<BulkActionKind, "activity" | "segments">> = {
  send_password_reset: "activity",
  unlock: "activity",
  end_sessions: "activity",
  add_to_segment: "segments",
  remove_from_segment: "segments",
}

/**
 * Applies the action to these customers: each one succeeds or fails on its
 * own (a customer that no longer exists is a failure, "not found" — except,
 * for a delete, one deleted since the action started: a replayed batch's own
 * work, counted as succeeded), and what
 * succeeded stays done. Throws only when the whole action cannot go on (its
 * group or segment is gone, or account security was turned off).
 */
export async function applyBulkAction(container: Container, input: ApplyBulkActionInput): Promise<ApplyBulkActionResult> {
  const ids = [...new Set(input.customer_ids)]
  if (!ids.length) {
    return { succeeded: [], failures: [] }
  }
  if (BULK_ACTION_CAPABILITY[input.action] === "activity" && !(await activitySettings(container)).enabled) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `action: ${input.action} needs account security, which is turned off`)
  }
  const found = (await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: ids }, { select: ["id", "email", "has_account"], take: null })) as Customer[]
  const known = new Map(found.map((c) => [c.id, c]))
  let absent = ids.filter((id) => !known.has(id))
  const deletedSince = input.action === "delete" && input.since && absent.length ? await deletedSinceIds(container, absent, new Date(input.since)) : new Set<string>()
  absent = absent.filter((id) => !deletedSince.has(id))
  const missing = absent.map((customer_id) => ({ customer_id, message: NOT_FOUND }))
  const existing = ids.flatMap((id) => known.get(id) ?? [])
  const applied = existing.length ? await HANDLERS[input.action](container, input, existing) : { succeeded: [], failures: [] }
  return { succeeded: [...ids.filter((id) => deletedSince.has(id)), ...applied.succeeded], failures: [...missing, ...applied.failures].sort((a, b) => (a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0)) }
}
