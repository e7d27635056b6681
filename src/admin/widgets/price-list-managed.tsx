import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminPriceList, DetailWidgetProps } from "@medusajs/framework/types"
import { ExclamationCircle } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { Trans, useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useGroupPriceRule } from "../hooks/api/group-pricing"
import { MANAGED_BY } from "../lib/group-pricing"

/**
 * On a price list a group pricing rule keeps in sync: say which rule, and
 * that changes made here are undone by its next resync (edit the rule).
 */
const PriceListManagedWidget = ({ data: priceList }: DetailWidgetProps<AdminPriceList>) => {
  const metadata = priceList.metadata ?? {}
  if (metadata.managed_by !== MANAGED_BY) {
    return null
  }
  const ruleId = typeof metadata.group_price_rule_id === "string" ? metadata.group_price_rule_id : ""
  return <ManagedNotice ruleId={ruleId} />
}

const ManagedNotice = ({ ruleId }: { ruleId: string }) => {
  const { t } = useTranslation()
  const { data, isError } = useGroupPriceRule(ruleId, { retry: false })
  const name = data?.group_price_rule.name
  return (
    <Container className="flex items-start gap-x-3 px-6 py-4" data-testid="customer-suite-price-list-managed" role="note">
      <ExclamationCircle className="text-ui-tag-orange-icon mt-0.5 shrink-0" />
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {name ? (
            <Trans
              i18nKey="customerSuite.groupPricing.priceListWidget.managed"
              values={{ name }}
              components={{ rule: <Link to={`/group-pricing/${ruleId}`} className="text-ui-fg-interactive hover:underline" data-testid="customer-suite-price-list-managed-rule" /> }}
            />
          ) : isError || !ruleId ? (
            t("customerSuite.groupPricing.priceListWidget.managedUnknown")
          ) : (
            t("customerSuite.common.loading")
          )}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.groupPricing.priceListWidget.undone")}
        </Text>
      </div>
    </Container>
  )
}

/**
 * Dashboard 2.21 lays detail pages out with its LayoutComposer: the
 * `.before`/`.after` suffixes are ignored and a main-section widget comes
 * after the core sections, i.e. below the list's products. In the side
 * section it comes right under Configuration, in sight when the page opens,
 * which is where a "do not edit here" notice belongs.
 */
export const config = defineWidgetConfig({
  id: "customer-suite:price-list-managed",
  zone: "price_list.details.side.before",
})

export default PriceListManagedWidget
