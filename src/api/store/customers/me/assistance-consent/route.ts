import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHOPPING_ASSISTANCE_MODULE } from "../../../../../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../../../../modules/shopping_assistance/service"
import type { AssistanceConsentState, StoreAssistanceConsentResponse } from "../../../../../types/http"
import { recordAssistanceConsentWorkflow } from "../../../../../workflows/shopping-assistance"
import { forgetAssistanceSession } from "../../../../utils/assistance-guard"
import type { StoreAssistanceConsentType } from "../../../assistance-sessions/validators"

const shown = (row: { allowed: boolean; created_at: Date | string } | null): AssistanceConsentState => ({
  allowed: row?.allowed ?? false,
  updated_at: row ? new Date(row.created_at).toISOString() : null,
})

/** GET /store/customers/me/assistance-consent: `{ assistance_consent: { allowed, updated_at } }` (never answered: allowed false, updated_at null). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreAssistanceConsentResponse>) => {
  const service = req.scope.resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)
  res.json({ assistance_consent: shown(await service.currentConsent(req.auth_context.actor_id)) })
}

/**
 * POST /store/customers/me/assistance-consent { allowed }: the customer allows
 * or withdraws remote assistance; each answer is kept with who and when.
 * Refused during an assistance session (the guard): only the customer decides.
 * Withdrawing ends every open session on the account at once.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreAssistanceConsentType>, res: MedusaResponse<StoreAssistanceConsentResponse>) => {
  const { result } = await recordAssistanceConsentWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, allowed: req.validatedBody.allowed },
  })
  result.revoked_ids.forEach(forgetAssistanceSession)
  res.json({ assistance_consent: shown(result.consent) })
}
