import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SUITE_MODULE } from "../../../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../../../modules/customer_suite/service"
import type { AdminAudienceSourceWithSecretResponse } from "../../../../../types/http"
import { rotateAudienceSourceSecretWorkflow } from "../../../../../workflows/audiences"
import { retrieveAdminSource } from "../../../audiences/helpers"

/**
 * A new secret for the source, answered once. The secret in force until now
 * still verifies for personalization.audiences.secret_grace_period_hours.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAudienceSourceWithSecretResponse>) => {
  await retrieveAdminSource(req.scope, req.params.id)
  const { audiences } = (await req.scope.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).getOptions()).personalization
  const { result } = await rotateAudienceSourceSecretWorkflow(req.scope).run({
    input: { id: req.params.id, grace_period_hours: audiences.secret_grace_period_hours },
  })
  res.json({ audience_source: await retrieveAdminSource(req.scope, req.params.id), secret: result.secret })
}
