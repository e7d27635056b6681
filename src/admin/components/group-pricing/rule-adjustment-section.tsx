import { Container, Heading } from "@medusajs/ui"
import { Controller, useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import type { FieldErrors } from "../../lib/field-errors"
import type { GroupPriceRuleForm } from "../../lib/forms/group-price-rule"
import { ADJUSTMENT_TYPES } from "../../lib/types/group-pricing"
import { Field } from "../common/field"
import { FormSelect } from "../common/option-select"
import { AmountsInput, PercentInput, RuleFieldError } from "./rule-form-fields"

/** How the rule changes prices: a percentage off, an amount off or a fixed price (per currency). */
export const RuleAdjustmentSection = ({ errors, currencies }: { errors: FieldErrors; currencies: string[] }) => {
  const { t } = useTranslation()
  const { control, register } = useFormContext<GroupPriceRuleForm>()
  const adjustment = useWatch({ control, name: "adjustment_type" })
  return (
    <Container className="flex flex-col gap-y-4 p-6">
      <Heading level="h2">{t("customerSuite.groupPricing.form.adjustmentSection")}</Heading>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field
          label={t("customerSuite.groupPricing.fields.adjustmentType")}
          htmlFor="group-pricing-adjustment-type"
          hint={t(`customerSuite.groupPricing.adjustmentHint.${adjustment}`)}
        >
          <FormSelect
            control={control}
            name="adjustment_type"
            id="group-pricing-adjustment-type"
            testId="group-pricing-adjustment-type"
            options={ADJUSTMENT_TYPES.map((v) => ({ value: v, label: t(`customerSuite.groupPricing.adjustmentType.${v}`) }))}
          />
        </Field>
        {adjustment === "percentage" ? (
          <Field label={t("customerSuite.groupPricing.fields.percentage")} htmlFor="group-pricing-percentage">
            <PercentInput id="group-pricing-percentage" {...register("percentage")} aria-invalid={!!errors.percentage} data-testid="group-pricing-percentage" />
            <RuleFieldError errors={errors} path="percentage" />
          </Field>
        ) : (
          <Field label={t(`customerSuite.groupPricing.fields.amounts_${adjustment}`)} hint={t("customerSuite.groupPricing.form.amountsHint")}>
            <Controller
              control={control}
              name="amounts"
              render={({ field }) => (
                <AmountsInput currencies={currencies} value={field.value} onChange={field.onChange} errors={errors} path="amounts" testId="group-pricing-amount" />
              )}
            />
            <RuleFieldError errors={errors} path="amounts" under />
          </Field>
        )}
      </div>
    </Container>
  )
}
