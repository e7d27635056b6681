import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { encryptSecret, generateSecret, secretHint } from "../../../modules/personalization/audience-signing"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"
import { audienceSecretKey } from "../utils/secret-key"

export type CreateAudienceSourcesStepInput = { name: string }[]

/** A created source with its secret in clear: answered once, never stored so. */
export type CreatedAudienceSource = { id: string; secret: string }

export const createAudienceSourcesStepId = "customer-suite-create-audience-sources"

/** Creates sources, each with a new secret (stored encrypted). Compensation deletes them. */
export const createAudienceSourcesStep = createStep(
  createAudienceSourcesStepId,
  async (input: CreateAudienceSourcesStepInput, { container }) => {
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    const key = audienceSecretKey(container)
    const secrets = input.map(() => generateSecret())
    const created = await service.createAudienceSources(
      input.map((source, i) => ({
        name: source.name,
        secret_encrypted: encryptSecret(secrets[i], key),
        secret_hint: secretHint(secrets[i]),
      }))
    )
    const result: CreatedAudienceSource[] = created.map((source, i) => ({ id: source.id, secret: secrets[i] }))
    return new StepResponse(result, created.map((s) => s.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).deleteAudienceSources(ids)
  }
)
