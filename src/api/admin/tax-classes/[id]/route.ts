import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminTaxClassDeleteResponse, AdminTaxClassResponse } from "../../../../types/http"
import { deleteTaxClassWorkflow, updateTaxClassWorkflow } from "../../../../workflows/tax-classes"
import { refetchTaxClass } from "../helpers"
import type { AdminUpdateTaxClassType } from "../validators"

/** GET /admin/tax-classes/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminTaxClassResponse>) => {
  res.json({ tax_class: await refetchTaxClass(req.scope, req.params.id, req.queryConfig.fields) })
}

/** POST /admin/tax-classes/:id: everything but `type`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateTaxClassType>, res: MedusaResponse<AdminTaxClassResponse>) => {
  await updateTaxClassWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } })
  res.json({ tax_class: await refetchTaxClass(req.scope, req.params.id, req.queryConfig.fields) })
}

/** DELETE /admin/tax-classes/:id: refused while matrix rows use the class. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminTaxClassDeleteResponse>) => {
  const { result: id } = await deleteTaxClassWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id, object: "tax_class", deleted: true })
}
