import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreCustomerSuiteConfig, StoreCustomerSuiteConfigResponse } from "../../../../types/http"
import { activitySettings } from "../../../utils/activity-settings"
import { storefrontAssistanceSettings } from "../../../utils/storefront-settings"

/**
 * How long browsers and shared caches may keep the answer: it is the same for
 * every shopper, and a settings change reaching storefronts within a minute
 * (plus the 5 s memo) is soon enough — the server enforces the rules anyway
 * (docs/decisions/0035).
 */
export const STORE_CONFIG_MAX_AGE_SECONDS = 60

/**
 * GET /store/customer-suite/config
 * The settings a storefront needs, as in force (plugin options with the
 * settings page's changes): where to go after sign-in, the words of the
 * assistance consent switch, and the password rules to show as hints
 * (null while account security is turned off: no rule is enforced then).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreCustomerSuiteConfigResponse>) => {
  const [activity, assistance] = await Promise.all([activitySettings(req.scope), storefrontAssistanceSettings(req.scope)])
  const { min_length, max_length, refuse_common, min_strength, required_classes } = activity.password_policy
  const config: StoreCustomerSuiteConfig = {
    login_landing: activity.login_landing,
    assistance,
    password_policy: activity.enabled ? { min_length, max_length, refuse_common, min_strength, required_classes } : null,
  }
  res.set("Cache-Control", `public, max-age=${STORE_CONFIG_MAX_AGE_SECONDS}`)
  res.json({ config })
}
