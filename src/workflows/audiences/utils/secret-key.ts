import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { deriveSecretKey } from "../../../modules/personalization/audience-signing"

/** The key audience-source secrets are encrypted with, derived from the store's JWT secret (docs/decisions/0022). */
export function audienceSecretKey(container: Pick<MedusaContainer, "resolve">): Buffer {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const secret = config.projectConfig.http.jwtSecret
  if (!secret) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "projectConfig.http.jwtSecret is not set: audience secrets cannot be encrypted")
  }
  if (typeof secret !== "string" && !Buffer.isBuffer(secret)) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "projectConfig.http.jwtSecret must be a string to encrypt audience secrets")
  }
  return deriveSecretKey(secret)
}
