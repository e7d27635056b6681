import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminLinkedTaxClassResponse, AdminProductTaxClassResponse } from "../../../../../types/http"
import { setTaxClassLinkWorkflow } from "../../../../../workflows/tax-classes"
import { taxClassOf } from "../../../tax-classes/tax-class-of"
import type { AdminSetTaxClassType } from "../../../tax-classes/validators"

/** GET /admin/products/:id/tax-class: the product's tax class, or null (the default applies). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLinkedTaxClassResponse>) => {
  res.json({ tax_class: await taxClassOf(req.scope, "product", req.params.id) })
}

/** POST /admin/products/:id/tax-class: `{ tax_class_id }` sets or replaces its tax class; `null` removes it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetTaxClassType>, res: MedusaResponse<AdminProductTaxClassResponse>) => {
  const { result } = await setTaxClassLinkWorkflow(req.scope).run({
    input: { owner: "product", id: req.params.id, tax_class_id: req.validatedBody.tax_class_id },
  })
  res.json({ product: result })
}
