import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerGroupTaxClassResponse, AdminLinkedTaxClassResponse } from "../../../../../types/http"
import { setTaxClassLinkWorkflow } from "../../../../../workflows/tax-classes"
import { taxClassOf } from "../../../tax-classes/tax-class-of"
import type { AdminSetTaxClassType } from "../../../tax-classes/validators"

/** GET /admin/customer-groups/:id/tax-class: the customer group's tax class, or null (the default applies). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLinkedTaxClassResponse>) => {
  res.json({ tax_class: await taxClassOf(req.scope, "customer_group", req.params.id) })
}

/** POST /admin/customer-groups/:id/tax-class: `{ tax_class_id }` sets or replaces its tax class; `null` removes it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetTaxClassType>, res: MedusaResponse<AdminCustomerGroupTaxClassResponse>) => {
  const { result } = await setTaxClassLinkWorkflow(req.scope).run({
    input: { owner: "customer_group", id: req.params.id, tax_class_id: req.validatedBody.tax_class_id },
  })
  res.json({ customer_group: result })
}
