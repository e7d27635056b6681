import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_SUITE_MODULE } from "../modules/customer_suite"
import type CustomerSuiteModuleService from "../modules/customer_suite/service"
import { GROUP_PRICING_MODULE } from "../modules/group_pricing"
import type GroupPricingModuleService from "../modules/group_pricing/service"
import { resyncGroupPriceRules } from "../workflows/group-pricing"

/**
 * Group pricing follows the catalog: a product or variant created or changed
 * (prices included: the admin's price editor updates variants) resyncs every
 * active rule whose scope holds that product. Deleted variants take their
 * prices, list prices included, with their price set.
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!(await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).isEnabled("group_pricing"))) {
    return
  }
  const rules = await container
    .resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
    .listGroupPriceRules({ status: "active" }, { select: ["id", "scope_type", "scope_ids"], take: null })
  if (!rules.length) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const isVariant = event.name.startsWith("product-variant.")
  const { data } = isVariant
    ? await query.graph({ entity: "variant", fields: ["product.id", "product.collection_id", "product.type_id", "product.categories.id"], filters: { id: event.data.id } })
    : await query.graph({ entity: "product", fields: ["id", "collection_id", "type_id", "categories.id"], filters: { id: event.data.id } })
  const found = data[0] as { product?: unknown } | undefined
  const product = (isVariant ? found?.product : found) as
    | { id: string; collection_id?: string | null; type_id?: string | null; categories?: { id: string }[] | null }
    | undefined
  if (!product) {
    return
  }
  const categoryIds = (product.categories ?? []).map((c) => c.id)
  const affected = rules.filter((rule) => {
    const ids = (rule.scope_ids ?? []) as string[]
    switch (rule.scope_type) {
      case "all":
        return true
      case "products":
        return ids.includes(product.id)
      case "collections":
        return !!product.collection_id && ids.includes(product.collection_id)
      case "types":
        return !!product.type_id && ids.includes(product.type_id)
      case "categories":
        return categoryIds.some((id) => ids.includes(id))
    }
  })
  if (affected.length) {
    await resyncGroupPriceRules(container, { rule_ids: affected.map((r) => r.id) })
  }
}

export const config: SubscriberConfig = {
  event: ["product.created", "product.updated", "product-variant.created", "product-variant.updated"],
  context: { subscriberId: "customer-suite-group-pricing-catalog" },
}
