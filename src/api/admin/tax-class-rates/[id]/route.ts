import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteTaxClassRateWorkflow, updateTaxClassRateWorkflow } from "../../../../workflows/tax-classes"
import type { AdminUpdateTaxClassRateType } from "../../tax-classes/validators"

/** POST /admin/tax-class-rates/:id: the rate, exemption, code or name (the cell is fixed). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateTaxClassRateType>, res: MedusaResponse) => {
  const { result: tax_class_rate } = await updateTaxClassRateWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody },
  })
  res.json({ tax_class_rate })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result: id } = await deleteTaxClassRateWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id, object: "tax_class_rate", deleted: true })
}
