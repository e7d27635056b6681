import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"

export type RecordAudienceSourceErrorStepInput = { id: string; error: string }

export const recordAudienceSourceErrorStepId = "customer-suite-record-audience-source-error"

/** Records on a source why its last signed batch was refused. Compensation restores the previous error. */
export const recordAudienceSourceErrorStep = createStep(
  recordAudienceSourceErrorStepId,
  async (input: RecordAudienceSourceErrorStepInput, { container }) => {
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    const previous = await service.retrieveAudienceSource(input.id, { select: ["id", "last_error", "last_error_at"] })
    await service.updateAudienceSources({ id: input.id, last_error: input.error.slice(0, 2000), last_error_at: new Date() })
    return new StepResponse(undefined, { id: previous.id, last_error: previous.last_error, last_error_at: previous.last_error_at })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).updateAudienceSources(previous)
  }
)
