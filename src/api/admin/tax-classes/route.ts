import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminTaxClassListResponse, AdminTaxClassResponse } from "../../../types/http"
import { createTaxClassWorkflow } from "../../../workflows/tax-classes"
import { containsPattern } from "../../utils/contains-pattern"
import { refetchTaxClass } from "./helpers"
import { defaultAdminTaxClassOrder } from "./query-config"
import type { AdminCreateTaxClassType, AdminGetTaxClassesParamsType } from "./validators"
import { listPage } from "../../utils/list-page"

/** GET /admin/tax-classes: classes, `type` and `q` (name or code) filters, paginated. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetTaxClassesParamsType>,
  res: MedusaResponse<AdminTaxClassListResponse>
) => {
  const { q, ...filters } = req.filterableFields
  const search = typeof q === "string" && q ? { $or: [{ name: { $ilike: containsPattern(q) } }, { code: { $ilike: containsPattern(q) } }] } : {}
  const { rows, ...page } = await listPage<AdminTaxClassListResponse["tax_classes"][number]>(
    req,
    "tax_class",
    { ...filters, ...search },
    defaultAdminTaxClassOrder
  )
  res.json({ tax_classes: rows, ...page })
}

/** POST /admin/tax-classes: a customer or product class; `is_default` replaces the type's default. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateTaxClassType>, res: MedusaResponse<AdminTaxClassResponse>) => {
  const { result } = await createTaxClassWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ tax_class: await refetchTaxClass(req.scope, result.id, req.queryConfig.fields) })
}
