import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { formatDateTime, formatMoney } from "../../lib/format"
import { ruleState, type RuleState } from "../../lib/group-pricing"
import type { AdminGroupPriceRule, Amounts, GroupPriceTier } from "../../../types/http"

export const formatPercent = (value: number) =>
  new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 2 }).format(value / 100)

/** "€5.00 / $6.00", by currency code. */
export const formatAmounts = (amounts: Amounts | null | undefined) =>
  Object.entries(amounts ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => formatMoney(amount, currency))
    .join(" / ")

export const STATE_COLORS: Record<RuleState, "green" | "grey" | "orange"> = {
  active: "green",
  scheduled: "orange",
  ended: "grey",
  inactive: "grey",
}

/** A rule told in words: "15% off", "€5.00 off", "Fixed €50.00"; "All products", "3 collections"; its window and state. */
export const useRuleWords = () => {
  const { t } = useTranslation()
  return useMemo(() => {
    const adjustment = (rule: Pick<AdminGroupPriceRule, "adjustment_type">, value: { percentage?: number | null; amounts?: Amounts | null }) => {
      switch (rule.adjustment_type) {
        case "percentage":
          return t("customerSuite.groupPricing.adjustment.percentage", { value: formatPercent(value.percentage ?? 0) })
        case "fixed_off":
          return t("customerSuite.groupPricing.adjustment.fixed_off", { amounts: formatAmounts(value.amounts) })
        case "fixed_price":
          return t("customerSuite.groupPricing.adjustment.fixed_price", { amounts: formatAmounts(value.amounts) })
      }
    }
    return {
      adjustment: (rule: Pick<AdminGroupPriceRule, "adjustment_type" | "percentage" | "amounts">) => adjustment(rule, rule),
      tier: (rule: Pick<AdminGroupPriceRule, "adjustment_type">, tier: GroupPriceTier) =>
        t("customerSuite.groupPricing.tier", { quantity: tier.min_quantity, adjustment: adjustment(rule, tier) }),
      scope: (rule: Pick<AdminGroupPriceRule, "scope_type" | "scope_ids">) =>
        rule.scope_type === "all"
          ? t("customerSuite.groupPricing.scope.all")
          : t(`customerSuite.groupPricing.scope.${rule.scope_type}`, { count: rule.scope_ids?.length ?? 0 }),
      /** The scope inside a sentence: "all products", "3 collections". */
      scopePhrase: (rule: Pick<AdminGroupPriceRule, "scope_type" | "scope_ids">) =>
        rule.scope_type === "all"
          ? t("customerSuite.groupPricing.scopePhrase.all")
          : t(`customerSuite.groupPricing.scope.${rule.scope_type}`, { count: rule.scope_ids?.length ?? 0 }),
      window: (rule: Pick<AdminGroupPriceRule, "starts_at" | "ends_at">) => {
        if (rule.starts_at && rule.ends_at) {
          return t("customerSuite.groupPricing.window.between", { from: formatDateTime(rule.starts_at), until: formatDateTime(rule.ends_at) })
        }
        if (rule.starts_at) {
          return t("customerSuite.groupPricing.window.from", { date: formatDateTime(rule.starts_at) })
        }
        if (rule.ends_at) {
          return t("customerSuite.groupPricing.window.until", { date: formatDateTime(rule.ends_at) })
        }
        return t("customerSuite.groupPricing.window.always")
      },
      state: (rule: Pick<AdminGroupPriceRule, "status" | "starts_at" | "ends_at">) => {
        const state = ruleState(rule, new Date())
        return { state, color: STATE_COLORS[state], label: t(`customerSuite.groupPricing.state.${state}`) }
      },
    }
  }, [t])
}
