import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"
import type { AppliedAudienceBatch, ApplyAudienceBatchInput } from "../../../modules/personalization/service"

export const applyAudienceBatchStepId = "customer-suite-apply-audience-batch"

/**
 * Applies a resolved batch in one transaction (or answers a replay's first
 * result). Compensation removes what it added, puts back what it removed,
 * restores the audience (or deletes it when this batch created it) and
 * forgets the batch id.
 */
export const applyAudienceBatchStep = createStep(
  applyAudienceBatchStepId,
  async (input: ApplyAudienceBatchInput, { container }) => {
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    const applied = await service.applyAudienceBatch(input)
    return new StepResponse<AppliedAudienceBatch, AppliedAudienceBatch & { source_id: string }>(applied, {
      ...applied,
      source_id: input.source_id,
    })
  },
  async (applied, { container }) => {
    if (!applied?.undo) {
      return
    }
    await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).revertAudienceBatch(applied)
  }
)
