import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminTaxClassRateListResponse, AdminTaxClassRateResponse } from "../../../types/http"
import { createTaxClassRateWorkflow } from "../../../workflows/tax-classes"
import { assertRowValid, refetchTaxClassRate } from "./helpers"
import { defaultAdminTaxClassRateOrder } from "./query-config"
import type { AdminCreateTaxClassRateType, AdminGetTaxClassRatesParamsType } from "./validators"
import { listPage } from "../../utils/list-page"

/** GET /admin/tax-class-rates: the matrix, filtered by classes and country. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetTaxClassRatesParamsType>,
  res: MedusaResponse<AdminTaxClassRateListResponse>
) => {
  const { rows, ...page } = await listPage<AdminTaxClassRateListResponse["tax_class_rates"][number]>(req, "tax_class_rate", req.filterableFields, defaultAdminTaxClassRateOrder)
  res.json({ tax_class_rates: rows, ...page })
}

/** POST /admin/tax-class-rates: one matrix row (a rate 0–100, or exempt). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateTaxClassRateType>, res: MedusaResponse<AdminTaxClassRateResponse>) => {
  const row = req.validatedBody
  await assertRowValid(req.scope, row)
  const { result } = await createTaxClassRateWorkflow(req.scope).run({
    input: {
      ...row,
      province_code: row.province_code ?? null,
      rate: row.is_exempt ? null : (row.rate ?? null),
      is_exempt: row.is_exempt ?? false,
    },
  })
  res.json({ tax_class_rate: await refetchTaxClassRate(req.scope, result.id, req.queryConfig.fields) })
}
