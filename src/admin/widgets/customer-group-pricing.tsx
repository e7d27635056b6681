import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomerGroup, DetailWidgetProps } from "@medusajs/framework/types"
import { Plus } from "@medusajs/icons"
import { Button, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { SectionStatus } from "../components/common/query-state"
import { Section } from "../components/common/section"
import { useRuleWords } from "../components/group-pricing/words"
import { useGroupPriceRules } from "../hooks/api/group-pricing"

const SHOWN = 20

/** The group's pricing rules (highest priority first), and a way to add one for this group. */
const CustomerGroupPricingWidget = ({ data: group }: DetailWidgetProps<AdminCustomerGroup>) => {
  const { t } = useTranslation()
  const words = useRuleWords()
  const { data, isPending, isError } = useGroupPriceRules({ customer_group_id: group.id, limit: SHOWN, offset: 0 })
  const rules = data?.group_price_rules ?? []
  return (
    <Section
      testId="customer-suite-group-pricing"
      title={t("customerSuite.groupPricing.widget.title")}
      hint={t("customerSuite.groupPricing.widget.hint")}
      actions={
        <Button size="small" variant="secondary" asChild>
          <Link to={`/group-pricing/create?customer_group_id=${encodeURIComponent(group.id)}`} data-testid="customer-suite-group-pricing-create">
            <Plus />
            {t("customerSuite.groupPricing.widget.create")}
          </Link>
        </Button>
      }
    >
      <SectionStatus
        isPending={isPending}
        isError={isError}
        isEmpty={!isPending && !isError && rules.length === 0}
        empty={t("customerSuite.groupPricing.widget.empty")}
      />
      {rules.length > 0 && (
        <ul className="divide-y">
          {rules.map((rule) => {
            const state = words.state(rule)
            return (
              <li key={rule.id} className="flex items-center justify-between gap-x-4 px-6 py-3" data-testid="customer-suite-group-pricing-rule" data-rule-id={rule.id}>
                <div className="flex min-w-0 flex-col">
                  <Link to={`/group-pricing/${rule.id}`} className="txt-compact-small-plus text-ui-fg-interactive truncate hover:underline">
                    {rule.name}
                  </Link>
                  <Text size="small" className="text-ui-fg-subtle">
                    {words.adjustment(rule)} · {words.scope(rule)}
                  </Text>
                </div>
                <StatusBadge color={state.color}>{state.label}</StatusBadge>
              </li>
            )
          })}
        </ul>
      )}
      {data && data.count > rules.length && (
        <div className="px-6 py-3">
          <Link to={`/group-pricing?group=${encodeURIComponent(group.id)}`} className="txt-compact-small text-ui-fg-interactive hover:underline">
            {t("customerSuite.groupPricing.widget.all", { count: data.count })}
          </Link>
        </div>
      )}
    </Section>
  )
}

export const config = defineWidgetConfig({
  id: "customer-suite:customer-group-pricing",
  zone: "customer_group.details.after",
})

export default CustomerGroupPricingWidget
