import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { TAX_CLASS_MODULE } from "../../../modules/tax_class"
import type TaxClassModuleService from "../../../modules/tax_class/service"
import type { AdminTaxClassRate } from "../../../types/http"

/** A matrix row as the API returns it (after a write, re-read with the requested fields); 404 when there is none. */
export async function refetchTaxClassRate(container: MedusaContainer, id: string, fields: string[]): Promise<AdminTaxClassRate> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "tax_class_rate", fields, filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tax class rate with id "${id}" was not found`)
  }
  return data[0]
}

/** 400 naming the field unless both classes exist with the right types, and the cell is free. */
export async function assertRowValid(
  container: MedusaContainer,
  row: { customer_class_id: string; product_class_id: string; country_code: string; province_code?: string | null }
) {
  const service = container.resolve<TaxClassModuleService>(TAX_CLASS_MODULE)
  for (const [field, type] of [
    ["customer_class_id", "customer"],
    ["product_class_id", "product"],
  ] as const) {
    const [found] = await service.listTaxClasses({ id: row[field] })
    if (!found || found.type !== type) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: no ${type} tax class with the id "${row[field]}"`)
    }
  }
  const [overlap] = await service.listTaxClassRates({
    customer_class_id: row.customer_class_id,
    product_class_id: row.product_class_id,
    country_code: row.country_code,
    province_code: row.province_code ?? null,
  })
  if (overlap) {
    const cell = row.province_code ? "province_code" : "country_code"
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${cell}: overlaps the row ${overlap.id} for the same classes and ${row.province_code ?? row.country_code}`
    )
  }
}
