import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"
import { prepareContentBlock } from "../utils/prepare-content-block"
import type { ContentBlockData, ContentBlockUpdate } from "../types"

export type UpdateContentBlockStepInput = { id: string; update: ContentBlockUpdate }

export const updateContentBlockStepId = "customer-suite-update-content-block"

const FIELDS = [
  "id", "name", "placement", "format", "content", "image_url", "link_url", "shopper_kind", "target_segment_ids",
  "target_group_ids", "target_audience_ids", "exclude_segment_ids", "targeted", "priority", "starts_at", "ends_at",
  "status", "locale", "metadata",
] as const

/** Applies changes to one block (content cleaned again when it changed). Compensation restores every field. */
export const updateContentBlockStep = createStep(
  updateContentBlockStepId,
  async (input: UpdateContentBlockStepInput, { container }) => {
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    const previous = (await service.retrieveContentBlock(input.id, { select: [...FIELDS] })) as unknown as ContentBlockData
    const data = await prepareContentBlock(container, input.update, previous)
    const updated = await service.updateContentBlocks({ id: input.id, ...data })
    return new StepResponse(updated as unknown as ContentBlockData, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).updateContentBlocks({ ...previous })
  }
)
