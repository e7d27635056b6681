import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import { mirrorIntoGroup, mirrorPagesIntoGroup, undoGroupMirror } from "../../customer-groups/utils/mirror-group"
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
 * `customer.groups.id` target the segment. Compensation reverses the links a
 * mirror of changed customers made; a whole-group reconcile pages through the
 * members and keeps nothing to reverse (it converges on the memberships).
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
    if (input.added === undefined && input.removed === undefined) {
      // The whole group, a page of members at a time (a segment may have millions).
      const counts = await locking.execute(
        segmentGroupLock(input.segment_id),
        () =>
          mirrorPagesIntoGroup(
            customerModule,
            groupId,
            async (after) => (await service.listSegmentMembersAfter(input.segment_id, { after, limit: PAGE })).map((m) => m.customer_id),
            PAGE
          ),
        { timeout: LOCK_WAIT_SECONDS }
      )
      return new StepResponse(counts, null)
    }
    const change = await locking.execute(
      segmentGroupLock(input.segment_id),
      async () => {
        const touched = [...new Set([...(input.added ?? []), ...(input.removed ?? [])])]
        const members = service
          .listCustomerSegmentMemberships({ segment_id: input.segment_id, customer_id: touched }, { select: ["customer_id"], take: null })
          .then((rows) => new Set(rows.map((m) => m.customer_id)))
        return mirrorIntoGroup(customerModule, groupId, { touched, members })
      },
      { timeout: LOCK_WAIT_SECONDS }
    )
    return new StepResponse({ added: change.add.length, removed: change.remove.length }, change)
  },
  async (undo, { container }) => {
    if (undo) {
      await undoGroupMirror(container.resolve(Modules.CUSTOMER), undo)
    }
  }
)
