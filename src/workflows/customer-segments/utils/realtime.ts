import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"
import { syncCustomerFactsWorkflow } from "../workflows/sync-customer-facts"

/**
 * What the segment subscribers share: map an event's ids to customers and
 * run the real-time workflow for them (unless segments or real-time updates
 * are turned off in the plugin options).
 */
async function realtimeEnabled(container: MedusaContainer): Promise<boolean> {
  const suite = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  const { enabled, realtime } = (await suite.getOptions()).segments
  return enabled && realtime
}

type Scope = "profile" | "all"
type Waiter = { ids: string[]; resolve: () => void; reject: (error: unknown) => void }
type Lane = { queued: Waiter[]; running: number }

/** At most this many syncs of one scope run at once in a process; events arriving meanwhile wait and go together. */
export const REALTIME_PARALLEL_SYNCS = 2
/** A sync takes waiting events until it holds this many customers (an event with more goes alone). */
export const REALTIME_BATCH_CUSTOMERS = 100

const lanes = new WeakMap<MedusaContainer, Record<Scope, Lane>>()

function laneOf(container: MedusaContainer, scope: Scope): Lane {
  let byScope = lanes.get(container)
  if (!byScope) {
    byScope = { profile: { queued: [], running: 0 }, all: { queued: [], running: 0 } }
    lanes.set(container, byScope)
  }
  return byScope[scope]
}

const runSync = async (container: MedusaContainer, ids: string[], scope: Scope) => {
  await syncCustomerFactsWorkflow(container).run({ input: { customer_ids: ids, scope } })
}

/**
 * Runs the waiting events of a lane, a batch at a time: the customers of
 * every event that came while the previous sync ran go into one workflow (one
 * read of the facts, one evaluation, one membership event per segment). A
 * failed batch is run again one event at a time, so each event fails only
 * for its own customers (and the event bus retries only that one).
 */
async function drain(container: MedusaContainer, lane: Lane, scope: Scope): Promise<void> {
  lane.running++
  try {
    while (lane.queued.length) {
      let customers = 0
      let take = 0
      while (take < lane.queued.length && (take === 0 || customers + lane.queued[take].ids.length <= REALTIME_BATCH_CUSTOMERS)) {
        customers += lane.queued[take++].ids.length
      }
      const batch = lane.queued.splice(0, take)
      try {
        await runSync(container, [...new Set(batch.flatMap((w) => w.ids))], scope)
        batch.forEach((w) => w.resolve())
      } catch (error) {
        if (batch.length === 1) {
          batch[0].reject(error)
          continue
        }
        for (const waiter of batch) {
          await runSync(container, waiter.ids, scope).then(waiter.resolve, waiter.reject)
        }
      }
    }
  } finally {
    lane.running--
  }
}

/**
 * Brings these customers' facts and memberships up to date; resolves once
 * they are stored (the event is handled then, as before), rejects with the
 * workflow's error. `scope: "profile"` when the event cannot have changed
 * orders (no order is read then). Under load, events of one process share
 * syncs (see drain): no event waits for a timer, only for the syncs already
 * running.
 */
export async function syncFactsOf(
  container: MedusaContainer,
  customerIds: (string | null | undefined)[],
  scope: Scope = "all"
): Promise<void> {
  const ids = [...new Set(customerIds.filter((id): id is string => Boolean(id)))]
  if (ids.length === 0 || !(await realtimeEnabled(container))) {
    return
  }
  const lane = laneOf(container, scope)
  const done = new Promise<void>((resolve, reject) => lane.queued.push({ ids, resolve, reject }))
  if (lane.running < REALTIME_PARALLEL_SYNCS) {
    void drain(container, lane, scope)
  }
  await done
}

/** An address or group membership changed: its customer (looked up, or found through the profile once it is gone). */
export async function syncFactsOfSource(
  container: MedusaContainer,
  kind: "address" | "group_membership",
  sourceId: string
): Promise<void> {
  if (!(await realtimeEnabled(container))) {
    return
  }
  const customerModule = container.resolve(Modules.CUSTOMER)
  const segments = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const live =
    kind === "address"
      ? await customerModule.listCustomerAddresses({ id: sourceId }, { select: ["id", "customer_id"] })
      : await customerModule.listCustomerGroupCustomers({ id: sourceId }, { select: ["id", "customer_id"] })
  const known = await segments.findCustomersBySourceIds([sourceId])
  await syncFactsOf(container, [...live.map((row) => row.customer_id), ...known], "profile")
}

/** An order changed: its customer now, and any customer the projection still credits with it. */
export async function syncFactsOfOrder(container: MedusaContainer, orderId: string | undefined): Promise<void> {
  if (!orderId || !(await realtimeEnabled(container))) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const segments = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
  const previous = await segments.findCustomersByOrderIds([orderId])
  await syncFactsOf(container, [...data.map((o: { customer_id: string | null }) => o.customer_id), ...previous])
}

/**
 * A cart changed: its customer's facts follow (a guest customer made from the
 * cart's email gets a profile; open carts feed abandoned_cart_date). Orders
 * are not read again unless the customer has no profile yet.
 */
export async function syncFactsOfCart(container: MedusaContainer, cartId: string): Promise<void> {
  if (!(await realtimeEnabled(container))) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const segments = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "customer_id"], filters: { id: cartId } })
  const customerId = (data[0] as { customer_id: string | null } | undefined)?.customer_id
  if (!customerId) {
    return
  }
  const [, count] = await segments.listAndCountCustomerProfiles({ customer_id: customerId }, { select: ["id"], take: 1 })
  await syncFactsOf(container, [customerId], count === 0 ? "all" : "profile")
}

/** A customer group was deleted: its former members' profiles drop it. */
export async function syncFactsOfGroup(container: MedusaContainer, groupId: string): Promise<void> {
  if (!(await realtimeEnabled(container))) {
    return
  }
  const segments = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  await syncFactsOf(container, await segments.findCustomersByGroupIds([groupId]), "profile")
}
