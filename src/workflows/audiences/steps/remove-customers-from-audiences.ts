import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"

export const removeCustomersFromAudiencesStepId = "customer-suite-remove-customers-from-audiences"

/** Takes customers out of every audience, recounting them. Compensation puts the memberships back. */
export const removeCustomersFromAudiencesStep = createStep(
  removeCustomersFromAudiencesStepId,
  async (customerIds: string[], { container }) => {
    const removed = await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).removeCustomersFromAudiences(customerIds)
    return new StepResponse(removed, removed)
  },
  async (removed, { container }) => {
    if (!removed?.length) {
      return
    }
    await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).restoreAudienceMemberships(removed)
  }
)
