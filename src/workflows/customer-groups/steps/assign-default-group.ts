import type { ICustomerModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"
import { removeFromGroup } from "../utils/mirror-group"

export type AssignDefaultGroupInput = {
  customer_ids: string[]
  /** Only customers created at or after this time, ISO 8601 (guests reached through their carts). */
  created_after?: string
}

export type AssignDefaultGroupResult = { customer_id: string; customer_group_id: string | null; kind: "registered" | "guest" }[]

type Undo = { links: { customer_id: string; customer_group_id: string }[]; assignment_ids: string[] }

/**
 * Puts each new customer in the configured group: `default_group` for
 * registered customers, `guest_group` for guests. A group is named by id or
 * by name. Each customer is handled once, ever (the assignment ledger), so a
 * repeated event or a later change of the setting never moves anyone.
 */
export const assignDefaultGroupStepId = "customer-suite-assign-default-group"

export const assignDefaultGroupStep = createStep(
  assignDefaultGroupStepId,
  async (input: AssignDefaultGroupInput, { container }) => {
    const suite = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
    const options = (await suite.getResolvedOptions()).customer_groups
    if (!options.enabled || input.customer_ids.length === 0) {
      return new StepResponse<AssignDefaultGroupResult, Undo>([], { links: [], assignment_ids: [] })
    }
    const customerModule = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)

    const done = new Set(
      (await suite.listCustomerGroupAssignments({ customer_id: input.customer_ids }, { select: ["customer_id"] })).map((a) => a.customer_id)
    )
    const customers = (await customerModule.listCustomers({ id: input.customer_ids }, { select: ["id", "has_account", "created_at"] })).filter(
      (c) => !done.has(c.id) && (!input.created_after || new Date(c.created_at).getTime() >= new Date(input.created_after).getTime())
    )
    if (customers.length === 0) {
      return new StepResponse<AssignDefaultGroupResult, Undo>([], { links: [], assignment_ids: [] })
    }

    const groupIds = new Map<string, string | null>()
    const resolveGroup = async (reference: string | null): Promise<string | null> => {
      if (!reference) {
        return null
      }
      if (!groupIds.has(reference)) {
        const [byId] = await customerModule.listCustomerGroups({ id: reference }, { select: ["id"] })
        const [byName] = byId ? [byId] : await customerModule.listCustomerGroups({ name: reference }, { select: ["id"] })
        if (!byName) {
          logger.warn(`customer-suite: the customer group "${reference}" (customer_groups setting) does not exist; new customers are not grouped`)
        }
        groupIds.set(reference, byName?.id ?? null)
      }
      return groupIds.get(reference) ?? null
    }

    const result: AssignDefaultGroupResult = []
    for (const customer of customers) {
      const kind = customer.has_account ? "registered" : "guest"
      const customer_group_id = await resolveGroup(kind === "registered" ? options.default_group : options.guest_group)
      result.push({ customer_id: customer.id, customer_group_id, kind })
    }
    const assignments = await suite.createCustomerGroupAssignments(result)
    const links = result
      .filter((r): r is typeof r & { customer_group_id: string } => r.customer_group_id !== null)
      .map(({ customer_id, customer_group_id }) => ({ customer_id, customer_group_id }))
    if (links.length) {
      await customerModule.addCustomerToGroup(links)
    }
    return new StepResponse(result, { links, assignment_ids: assignments.map((a) => a.id) })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    if (undo.links.length) {
      await removeFromGroup(container.resolve<ICustomerModuleService>(Modules.CUSTOMER), undo.links)
    }
    if (undo.assignment_ids.length) {
      await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).deleteCustomerGroupAssignments(undo.assignment_ids)
    }
  }
)
