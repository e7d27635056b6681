import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminTaxClassRateListResponse, AdminTaxClassRateResponse } from "../../../types/http"
import { createTaxClassRateWorkflow } from "../../../workflows/tax-classes"
import { assertRowValid, refetchTaxClassRate } from "./helpers"
import { defaultAdminTaxClassRateOrder } from "./query-config"
import type { AdminCreateTaxClassRateType, AdminGetTaxClassRatesParamsType } from "./validators"

/** GET /admin/tax-class-rates: the matrix, filtered by classes and country. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetTaxClassRatesParamsType>,
  res: MedusaResponse<AdminTaxClassRateListResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "tax_class_rate",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: { ...req.queryConfig.pagination, order: req.queryConfig.pagination?.order ?? defaultAdminTaxClassRateOrder },
  })
  res.json({
    tax_class_rates: data,
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  })
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
