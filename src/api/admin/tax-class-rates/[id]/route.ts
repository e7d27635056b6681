import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminTaxClassRateDeleteResponse, AdminTaxClassRateResponse } from "../../../../types/http"
import { deleteTaxClassRateWorkflow, updateTaxClassRateWorkflow } from "../../../../workflows/tax-classes"
import { refetchTaxClassRate } from "../helpers"
import type { AdminUpdateTaxClassRateType } from "../validators"

/** POST /admin/tax-class-rates/:id: the rate, exemption, code or name (the cell is fixed). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateTaxClassRateType>, res: MedusaResponse<AdminTaxClassRateResponse>) => {
  await updateTaxClassRateWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ tax_class_rate: await refetchTaxClassRate(req.scope, req.params.id, req.queryConfig.fields) })
}

/** DELETE /admin/tax-class-rates/:id */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminTaxClassRateDeleteResponse>) => {
  const { result: id } = await deleteTaxClassRateWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id, object: "tax_class_rate", deleted: true })
}
