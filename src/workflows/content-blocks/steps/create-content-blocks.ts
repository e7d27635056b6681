import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"
import { prepareContentBlock } from "../utils/prepare-content-block"
import type { ContentBlockData, ContentBlockInput } from "../types"

export const createContentBlocksStepId = "customer-suite-create-content-blocks"

/** Cleans, checks and creates blocks. Compensation deletes them. */
export const createContentBlocksStep = createStep(
  createContentBlocksStepId,
  async (input: ContentBlockInput[], { container }) => {
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    const prepared = []
    for (const block of input) {
      prepared.push(await prepareContentBlock(container, block, null))
    }
    const created = await service.createContentBlocks(prepared)
    return new StepResponse(created as unknown as ContentBlockData[], created.map((b) => b.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).deleteContentBlocks(ids)
  }
)
