import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import { mirrorIntoGroup, undoGroupMirror } from "../../customer-groups/utils/mirror-group"
import type PersonalizationModuleService from "../../../modules/personalization/service"

export type SyncAudienceCustomerGroupStepInput = {
  audience_id: string
  /** Customers whose membership changed (checked against the members now); omit both to reconcile the whole group. */
  added?: string[]
  removed?: string[]
}

export const syncAudienceCustomerGroupStepId = "customer-suite-sync-audience-customer-group"

const LOCK_WAIT_SECONDS = 120

/**
 * Mirrors an audience's members into its managed customer group (when
 * sync_customer_group is on), so price lists and promotions on
 * `customer.groups.id` reach the audience; the group follows the audience's
 * name. Like the segments' mirror (sync-segment-customer-group). Compensation
 * reverses the links made and the rename.
 */
export const syncAudienceCustomerGroupStep = createStep(
  syncAudienceCustomerGroupStepId,
  async (input: SyncAudienceCustomerGroupStepInput, { container }) => {
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    const customerModule = container.resolve(Modules.CUSTOMER)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const [audience] = await service.listAudiences({ id: input.audience_id }, { select: ["id", "name", "customer_group_id", "sync_customer_group"] })
    const groupId = audience?.sync_customer_group ? audience.customer_group_id : null
    if (!audience || !groupId) {
      return new StepResponse({ added: 0, removed: 0 }, null)
    }
    const [group] = await customerModule.listCustomerGroups({ id: groupId }, { select: ["id", "name"] })
    if (!group) {
      logger.warn(`customer-suite: audience ${audience.id} manages customer group ${groupId}, which no longer exists`)
      return new StepResponse({ added: 0, removed: 0 }, null)
    }
    const mirrorTouched = (touched: string[]) =>
      mirrorIntoGroup(customerModule, groupId, {
        touched,
        members: service
          .listAudienceMembers({ audience_id: audience.id, customer_id: touched }, { select: ["customer_id"], take: null })
          .then((rows) => new Set(rows.map((m) => m.customer_id))),
      })
    const locking = container.resolve(Modules.LOCKING)
    const done = await locking.execute(
      `customer-suite:audience-group:${audience.id}`,
      async () => {
        const change =
          input.added === undefined && input.removed === undefined
            ? await mirrorIntoGroup(customerModule, groupId, { all: new Set(await service.listAudienceCustomerIds(audience.id)) })
            : await mirrorTouched([...new Set([...(input.added ?? []), ...(input.removed ?? [])])])
        let renamedFrom: string | null = null
        if (group.name !== audience.name) {
          const [taken] = await customerModule.listCustomerGroups({ name: audience.name }, { select: ["id"] })
          if (taken) {
            logger.warn(`customer-suite: audience ${audience.id} was renamed "${audience.name}", a name another customer group has; its group keeps "${group.name}"`)
          } else {
            await customerModule.updateCustomerGroups(groupId, { name: audience.name })
            renamedFrom = group.name ?? null
          }
        }
        return { ...change, renamedFrom }
      },
      { timeout: LOCK_WAIT_SECONDS }
    )
    return new StepResponse({ added: done.add.length, removed: done.remove.length }, done)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const customerModule = container.resolve(Modules.CUSTOMER)
    await undoGroupMirror(customerModule, undo)
    if (undo.renamedFrom !== null) {
      await customerModule.updateCustomerGroups(undo.group_id, { name: undo.renamedFrom })
    }
  }
)
