import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TAX_CLASS_MODULE } from "../../../../modules/tax_class"
import type TaxClassModuleService from "../../../../modules/tax_class/service"
import { deleteTaxClassWorkflow, updateTaxClassWorkflow } from "../../../../workflows/tax-classes"
import type { AdminUpdateTaxClassType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<TaxClassModuleService>(TAX_CLASS_MODULE)
  res.json({ tax_class: await service.retrieveTaxClass(req.params.id) })
}

/** POST /admin/tax-classes/:id: everything but `type`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateTaxClassType>, res: MedusaResponse) => {
  const { result: tax_class } = await updateTaxClassWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } })
  res.json({ tax_class })
}

/** DELETE /admin/tax-classes/:id: refused while matrix rows use the class. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result: id } = await deleteTaxClassWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id, object: "tax_class", deleted: true })
}
