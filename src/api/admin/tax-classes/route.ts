import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TAX_CLASS_MODULE } from "../../../modules/tax_class"
import type TaxClassModuleService from "../../../modules/tax_class/service"
import { createTaxClassWorkflow } from "../../../workflows/tax-classes"
import type { AdminCreateTaxClassType, AdminGetTaxClassesParamsType } from "./validators"
import { containsPattern } from "../../utils/contains-pattern"

/** GET /admin/tax-classes: classes, `type` and `q` (name or code) filters, paginated. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetTaxClassesParamsType>, res: MedusaResponse) => {
  const { type, q, offset, limit } = req.validatedQuery
  const service = req.scope.resolve<TaxClassModuleService>(TAX_CLASS_MODULE)
  const filters = {
    ...(type ? { type } : {}),
    ...(q ? { $or: [{ name: { $ilike: containsPattern(q) } }, { code: { $ilike: containsPattern(q) } }] } : {}),
  }
  const [tax_classes, count] = await service.listAndCountTaxClasses(filters, { skip: offset, take: limit, order: { type: "ASC", name: "ASC" } })
  res.json({ tax_classes, count, offset, limit })
}

/** POST /admin/tax-classes: a customer or product class; `is_default` replaces the type's default. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateTaxClassType>, res: MedusaResponse) => {
  const { result: tax_class } = await createTaxClassWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ tax_class })
}
