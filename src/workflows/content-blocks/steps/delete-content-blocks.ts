import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"

export const deleteContentBlocksStepId = "customer-suite-delete-content-blocks"

/** Soft-deletes blocks (their counters stay for history). Compensation restores them. */
export const deleteContentBlocksStep = createStep(
  deleteContentBlocksStepId,
  async (ids: string[], { container }) => {
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    await service.softDeleteContentBlocks(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).restoreContentBlocks(ids)
  }
)
