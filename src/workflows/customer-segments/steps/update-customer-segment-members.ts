import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import type { MembershipChange } from "../../../modules/customer_segment/service"

export type UpdateCustomerSegmentMembersStepInput = { id: string; add?: string[]; remove?: string[] }

export const updateCustomerSegmentMembersStepId = "customer-suite-update-customer-segment-members"

/**
 * Adds and removes members of a static segment by hand. Every added id must
 * be an existing customer. Compensation undoes exactly what changed.
 */
export const updateCustomerSegmentMembersStep = createStep(
  updateCustomerSegmentMembersStepId,
  async (input: UpdateCustomerSegmentMembersStepInput, { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const segment = await service.retrieveCustomerSegment(input.id, { select: ["id", "kind"] })
    if (segment.kind !== "static") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "add, remove: members of a dynamic segment follow its rule; only static segments take hand-picked members"
      )
    }
    const add = [...new Set(input.add ?? [])]
    const remove = [...new Set(input.remove ?? [])]
    const both = add.filter((id) => remove.includes(id))
    if (both.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `add, remove: ${both.join(", ")} cannot be both added and removed`)
    }
    if (add.length) {
      const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: add } })
      const known = new Set(data.map((c: { id: string }) => c.id))
      const unknown = add.filter((id) => !known.has(id))
      if (unknown.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `add: unknown customer ${unknown.join(", ")}`)
      }
    }
    const applied = await service.applyMembershipChanges([{ segment_id: input.id, added: add, removed: remove }], {
      source: "manual",
    })
    return new StepResponse<MembershipChange[], MembershipChange[]>(applied, applied)
  },
  async (applied, { container }) => {
    if (!applied?.length) {
      return
    }
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    await service.applyMembershipChanges(applied, { invert: true, source: "manual" })
  }
)
