import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"

export type UpdateAudienceSourceStepInput = { id: string; name?: string }

export const updateAudienceSourceStepId = "customer-suite-update-audience-source"

/** Renames a source. Compensation restores the previous name. */
export const updateAudienceSourceStep = createStep(
  updateAudienceSourceStepId,
  async (input: UpdateAudienceSourceStepInput, { container }) => {
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    const previous = await service.retrieveAudienceSource(input.id, { select: ["id", "name"] })
    if (input.name !== undefined) {
      await service.updateAudienceSources({ id: input.id, name: input.name })
    }
    return new StepResponse({ id: input.id }, { id: previous.id, name: previous.name })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).updateAudienceSources(previous)
  }
)
