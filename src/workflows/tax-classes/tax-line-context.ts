import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_SUITE_MODULE } from "../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../modules/customer_suite/service"
import { TAX_CLASS_MODULE } from "../../modules/tax_class"
import type TaxClassModuleService from "../../modules/tax_class/service"
import { CONTEXT_KEY, type MatrixRow, type TaxClassContext } from "../../providers/tax-class/apply-matrix"

export type TaxClassContextInput = {
  /** The customer's group ids (none for a guest without groups). */
  customer_group_ids: string[]
  /** The products of the lines being taxed. */
  product_ids: string[]
  /** The destination country (shipping address); without one no rows are passed. */
  country_code: string | null | undefined
}

type GroupWithClass = { id: string; created_at: string | Date; tax_class?: { id: string; type: string } | null }

/**
 * The customer's tax class: the class of their groups; when groups carry
 * different classes, the class of the oldest such group (created first, then
 * by id) wins, so adding someone to a new group never changes an existing
 * arrangement (decision 0012). No group with a class: the default class.
 */
export function customerClassOf(groups: GroupWithClass[], defaultClassId: string | null): string | null {
  const classed = groups
    .filter((g) => g.tax_class && g.tax_class.type === "customer")
    .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id))
  return classed[0]?.tax_class?.id ?? defaultClassId
}

/**
 * What the `tax-class` provider needs, for the `setTaxLineContext` hooks:
 * `{ customer_suite_tax_class: { customer_class_id, product_class_ids, ... rows } }`,
 * or undefined when tax classes are turned off. Exported so that a store with
 * its own `setTaxLineContext` handler (only one is allowed per workflow) can
 * merge it into its result; see the README.
 */
export async function buildTaxClassContext(
  container: MedusaContainer,
  input: TaxClassContextInput
): Promise<Record<string, TaxClassContext> | undefined> {
  const suite = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  if (!(await suite.isEnabled("tax_classes"))) {
    return undefined
  }
  const taxClasses = container.resolve<TaxClassModuleService>(TAX_CLASS_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const groupIds = [...new Set(input.customer_group_ids.filter(Boolean))]
  const productIds = [...new Set(input.product_ids.filter(Boolean))]
  const [defaults, groups, products] = await Promise.all([
    taxClasses.listTaxClasses({ is_default: true }, { select: ["id", "type"] }),
    groupIds.length
      ? query.graph({ entity: "customer_group", fields: ["id", "created_at", "tax_class.id", "tax_class.type"], filters: { id: groupIds } })
      : { data: [] },
    productIds.length
      ? query.graph({ entity: "product", fields: ["id", "tax_class.id", "tax_class.type"], filters: { id: productIds } })
      : { data: [] },
  ])
  const defaultOf = (type: string) => defaults.find((c) => c.type === type)?.id ?? null
  const customerClassId = customerClassOf(groups.data as GroupWithClass[], defaultOf("customer"))
  const productClassIds: Record<string, string> = {}
  for (const product of products.data as { id: string; tax_class?: { id: string; type: string } | null }[]) {
    if (product.tax_class?.type === "product") {
      productClassIds[product.id] = product.tax_class.id
    }
  }
  const country = input.country_code?.toLowerCase()
  const rows =
    customerClassId && country
      ? await taxClasses.listTaxClassRates(
          { customer_class_id: customerClassId, country_code: country },
          { select: ["id", "customer_class_id", "product_class_id", "country_code", "province_code", "rate", "is_exempt", "code", "name"] }
        )
      : []
  return {
    [CONTEXT_KEY]: {
      customer_class_id: customerClassId,
      product_class_ids: productClassIds,
      default_product_class_id: defaultOf("product"),
      shipping_class_id: defaultOf("product"),
      rows: rows.map((r) => ({ ...r, rate: r.rate === null ? null : Number(r.rate) }) as MatrixRow),
    },
  }
}
