import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import { segmentGroupLock } from "../utils/locks"

export type SyncSegmentCustomerGroupStepInput = {
  segment_id: string
  /** Customer ids whose membership changed (checked against the memberships now); omit both to reconcile the whole group. */
  added?: string[]
  removed?: string[]
}

export const syncSegmentCustomerGroupStepId = "customer-suite-sync-segment-customer-group"

const PAGE = 5_000
const LOCK_WAIT_SECONDS = 120

/**
 * Mirrors a segment's members into the customer group it manages (when
 * sync_customer_group is on), so price lists and promotions targeting
 * `customer.groups.id` target the segment. Compensation reverses the links made.
 */
export const syncSegmentCustomerGroupStep = createStep(
  syncSegmentCustomerGroupStepId,
  async (input: SyncSegmentCustomerGroupStepInput, { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const customerModule = container.resolve(Modules.CUSTOMER)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const [segment] = await service.listCustomerSegments(
      { id: input.segment_id },
      { select: ["id", "customer_group_id", "sync_customer_group"], withDeleted: false }
    )
    const groupId = segment?.sync_customer_group ? segment.customer_group_id : null
    if (!groupId) {
      return new StepResponse({ added: 0, removed: 0 }, null)
    }
    const [group] = await customerModule.listCustomerGroups({ id: groupId }, { select: ["id"] })
    if (!group) {
      logger.warn(`customer-suite: segment ${input.segment_id} manages customer group ${groupId}, which no longer exists`)
      return new StepResponse({ added: 0, removed: 0 }, null)
    }

    // One mirror at a time per segment; the wanted state is read from the
    // memberships as they are now (events may arrive late or out of order).
    const locking = container.resolve(Modules.LOCKING)
    const { add, remove } = await locking.execute(
      segmentGroupLock(input.segment_id),
      async () => {
        let add: string[]
        let remove: string[]
        if (input.added === undefined && input.removed === undefined) {
          const members = new Set<string>()
          for (let after: string | undefined; ; ) {
            const page = await service.listSegmentMembersAfter(input.segment_id, { after, limit: PAGE })
            page.forEach((m) => members.add(m.customer_id))
            if (page.length < PAGE) {
              break
            }
            after = page[page.length - 1].customer_id
          }
          const linked = await customerModule.listCustomerGroupCustomers(
            { customer_group_id: groupId },
            { select: ["customer_id"], take: null }
          )
          const inGroup = new Set(linked.map((l) => l.customer_id))
          add = [...members].filter((id) => !inGroup.has(id))
          remove = [...inGroup].filter((id) => !members.has(id))
        } else {
          const touched = [...new Set([...(input.added ?? []), ...(input.removed ?? [])])]
          const [memberships, linked] = await Promise.all([
            service.listCustomerSegmentMemberships(
              { segment_id: input.segment_id, customer_id: touched },
              { select: ["customer_id"], take: null }
            ),
            customerModule.listCustomerGroupCustomers(
              { customer_group_id: groupId, customer_id: touched },
              { select: ["customer_id"], take: null }
            ),
          ])
          const members = new Set(memberships.map((m) => m.customer_id))
          const inGroup = new Set(linked.map((l) => l.customer_id))
          add = touched.filter((id) => members.has(id) && !inGroup.has(id))
          remove = touched.filter((id) => !members.has(id) && inGroup.has(id))
        }
        if (add.length) {
          const existing = await customerModule.listCustomers({ id: add }, { select: ["id"], take: null })
          add = existing.map((c) => c.id)
        }
        if (add.length) {
          await customerModule.addCustomerToGroup(add.map((customer_id) => ({ customer_id, customer_group_id: groupId })))
        }
        if (remove.length) {
          await customerModule.removeCustomerFromGroup(remove.map((customer_id) => ({ customer_id, customer_group_id: groupId })))
        }
        return { add, remove }
      },
      { timeout: LOCK_WAIT_SECONDS }
    )
    return new StepResponse({ added: add.length, removed: remove.length }, { group_id: groupId, add, remove })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const customerModule = container.resolve(Modules.CUSTOMER)
    if (undo.add.length) {
      await customerModule.removeCustomerFromGroup(undo.add.map((customer_id) => ({ customer_id, customer_group_id: undo.group_id })))
    }
    if (undo.remove.length) {
      await customerModule.addCustomerToGroup(undo.remove.map((customer_id) => ({ customer_id, customer_group_id: undo.group_id })))
    }
  }
)
