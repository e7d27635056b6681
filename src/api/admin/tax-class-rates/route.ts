import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TAX_CLASS_MODULE } from "../../../modules/tax_class"
import type TaxClassModuleService from "../../../modules/tax_class/service"
import type { AdminCreateTaxClassRateType, AdminGetTaxClassRatesParamsType } from "../tax-classes/validators"
import { createTaxClassRateWorkflow } from "../../../workflows/tax-classes"
import { assertRowValid } from "./helpers"

/** GET /admin/tax-class-rates: the matrix, filtered by classes and country. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetTaxClassRatesParamsType>, res: MedusaResponse) => {
  const { offset, limit, country_code, ...rest } = req.validatedQuery
  const service = req.scope.resolve<TaxClassModuleService>(TAX_CLASS_MODULE)
  const [tax_class_rates, count] = await service.listAndCountTaxClassRates(
    { ...rest, ...(country_code ? { country_code: country_code.toLowerCase() } : {}) },
    { skip: offset, take: limit, order: { country_code: "ASC", province_code: "ASC" } }
  )
  res.json({ tax_class_rates, count, offset, limit })
}

/** POST /admin/tax-class-rates: one matrix row (a rate 0–100, or exempt). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateTaxClassRateType>, res: MedusaResponse) => {
  const row = req.validatedBody
  await assertRowValid(req.scope, row)
  const { result: tax_class_rate } = await createTaxClassRateWorkflow(req.scope).run({
    input: {
      ...row,
      province_code: row.province_code ?? null,
      rate: row.is_exempt ? null : (row.rate ?? null),
      is_exempt: row.is_exempt ?? false,
    },
  })
  res.json({ tax_class_rate })
}
