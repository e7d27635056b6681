import { createHash, randomInt } from "node:crypto"
import { MedusaService } from "@medusajs/framework/utils"
import AssistanceAction from "./models/assistance-action"
import AssistanceConsent from "./models/assistance-consent"
import AssistanceSession from "./models/assistance-session"

/** 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L): about 49 bits. */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
export const CODE_LENGTH = 10

export const hashCode = (code: string) => createHash("sha256").update(code.trim().toUpperCase()).digest("hex")

export function newCode(): string {
  let code = ""
  for (let i = 0; i < CODE_LENGTH; i++) {
    code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  }
  return code
}

/** Consent, sessions and their action log; the rules of the flow live in the workflows. */
export default class ShoppingAssistanceModuleService extends MedusaService({
  AssistanceConsent,
  AssistanceSession,
  AssistanceAction,
}) {
  /** The customer's current answer (the latest row), or null when they never answered. */
  async currentConsent(customerId: string) {
    const [latest] = await this.listAssistanceConsents({ customer_id: customerId }, { order: { created_at: "DESC" }, take: 1 })
    return latest ?? null
  }
}
