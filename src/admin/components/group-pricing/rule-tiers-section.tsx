import { Plus, Trash } from "@medusajs/icons"
import { Button, Container, IconButton, Input, Text, clx } from "@medusajs/ui"
import { Controller, useFieldArray, useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { errorsUnder, labelledMessage, type FieldErrors } from "../../lib/field-errors"
import { emptyTier, type GroupPriceRuleForm } from "../../lib/forms/group-price-rule"
import { FieldError, Field } from "../common/field"
import { TitleBlock } from "../common/query-state"
import { AmountsInput, PercentInput, RuleFieldError } from "./rule-form-fields"

/** The API's limit. */
const MAX_TIERS = 20

/** Better prices from a quantity per line: one row per tier, its quantity and its adjustment. */
export const RuleTiersSection = ({ errors, currencies }: { errors: FieldErrors; currencies: string[] }) => {
  const { t } = useTranslation()
  const { control, register } = useFormContext<GroupPriceRuleForm>()
  const tiers = useFieldArray({ control, name: "tiers" })
  const adjustment = useWatch({ control, name: "adjustment_type" })
  // "tiers" and "tiers.min_quantity" style messages: about the tiers, not one row.
  const general = Object.entries(errors).filter(([field]) => /^tiers(\.[a-z_]+)*$/.test(field))
  return (
    <Container className="flex flex-col gap-y-4 p-6" data-testid="group-pricing-tiers">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <TitleBlock level="h2" title={t("customerSuite.groupPricing.form.tiersSection")} hint={t("customerSuite.groupPricing.form.tiersHint")} />
        <Button type="button" size="small" variant="secondary" onClick={() => tiers.append(emptyTier())} disabled={tiers.fields.length >= MAX_TIERS} data-testid="group-pricing-add-tier">
          <Plus />
          {t("customerSuite.groupPricing.form.addTier")}
        </Button>
      </div>
      {tiers.fields.length === 0 && (
        <Text size="small" className="text-ui-fg-muted">
          {t("customerSuite.groupPricing.form.noTiers")}
        </Text>
      )}
      {tiers.fields.map((tier, i) => (
        <div
          key={tier.id}
          className={clx("bg-ui-bg-subtle flex flex-col gap-y-2 rounded-lg border px-4 py-3", errorsUnder(errors, `tiers.${i}`).length > 0 && "border-ui-border-error")}
          data-testid="group-pricing-tier"
        >
          <div className="flex flex-wrap items-end gap-3">
            <Field label={t("customerSuite.groupPricing.form.minQuantity")} htmlFor={`group-pricing-tier-${tier.id}-min`}>
              <Input
                id={`group-pricing-tier-${tier.id}-min`}
                type="number"
                min={2}
                step={1}
                {...register(`tiers.${i}.min_quantity`)}
                aria-invalid={!!errors[`tiers.${i}.min_quantity`]}
                className="w-32"
                data-testid="group-pricing-tier-min"
              />
            </Field>
            {adjustment === "percentage" ? (
              <Field label={t("customerSuite.groupPricing.fields.percentage")} htmlFor={`group-pricing-tier-${tier.id}-percentage`}>
                <PercentInput
                  id={`group-pricing-tier-${tier.id}-percentage`}
                  {...register(`tiers.${i}.percentage`)}
                  aria-invalid={!!errors[`tiers.${i}.percentage`]}
                  data-testid="group-pricing-tier-percentage"
                />
              </Field>
            ) : (
              <Field label={t(`customerSuite.groupPricing.fields.amounts_${adjustment}`)}>
                <Controller
                  control={control}
                  name={`tiers.${i}.amounts`}
                  render={({ field }) => (
                    <AmountsInput currencies={currencies} value={field.value} onChange={field.onChange} errors={errors} path={`tiers.${i}.amounts`} testId="group-pricing-tier-amount" />
                  )}
                />
              </Field>
            )}
            <IconButton
              type="button"
              variant="transparent"
              className="mb-1 ml-auto"
              aria-label={t("customerSuite.groupPricing.form.removeTier", { index: i + 1 })}
              onClick={() => tiers.remove(i)}
              data-testid="group-pricing-remove-tier"
            >
              <Trash />
            </IconButton>
          </div>
          <RuleFieldError errors={errors} path={`tiers.${i}`} under />
        </div>
      ))}
      <FieldError error={general.map(([field, m]) => (field === "tiers" ? m : labelledMessage(field, m))).join("; ")} testId="group-pricing-error-tiers" />
    </Container>
  )
}
