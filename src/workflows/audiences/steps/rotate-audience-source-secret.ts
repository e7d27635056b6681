import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { encryptSecret, generateSecret, secretHint } from "../../../modules/personalization/audience-signing"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"
import { audienceSecretKey } from "../utils/secret-key"

export type RotateAudienceSourceSecretStepInput = { id: string; grace_period_hours: number }

export const rotateAudienceSourceSecretStepId = "customer-suite-rotate-audience-source-secret"

type Snapshot = {
  id: string
  secret_encrypted: string
  secret_hint: string
  previous_secret_encrypted: string | null
  previous_secret_expires_at: Date | null
  secret_rotated_at: Date | null
}

/**
 * Gives a source a new secret; the current one still verifies for the grace
 * period (a secret rotated out earlier stops at once). Answers the new
 * secret in clear, once. Compensation restores the previous secrets.
 */
export const rotateAudienceSourceSecretStep = createStep(
  rotateAudienceSourceSecretStepId,
  async (input: RotateAudienceSourceSecretStepInput, { container }) => {
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    const previous = (await service.retrieveAudienceSource(input.id)) as unknown as Snapshot
    const secret = generateSecret()
    const now = new Date()
    const graceEnds = input.grace_period_hours > 0 ? new Date(now.getTime() + input.grace_period_hours * 3_600_000) : null
    await service.updateAudienceSources({
      id: input.id,
      secret_encrypted: encryptSecret(secret, audienceSecretKey(container)),
      secret_hint: secretHint(secret),
      previous_secret_encrypted: graceEnds ? previous.secret_encrypted : null,
      previous_secret_expires_at: graceEnds,
      secret_rotated_at: now,
    })
    const undo: Snapshot = {
      id: previous.id,
      secret_encrypted: previous.secret_encrypted,
      secret_hint: previous.secret_hint,
      previous_secret_encrypted: previous.previous_secret_encrypted,
      previous_secret_expires_at: previous.previous_secret_expires_at,
      secret_rotated_at: previous.secret_rotated_at,
    }
    return new StepResponse({ id: input.id, secret, previous_secret_expires_at: graceEnds }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).updateAudienceSources(undo)
  }
)
