import { Container } from "@medusajs/ui"
import { Controller, useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import type { FieldErrors } from "../../lib/field-errors"
import type { GroupPriceRuleForm } from "../../lib/forms/group-price-rule"
import { SCOPE_TYPES } from "../../lib/types/group-pricing"
import { Field } from "../common/field"
import { FormSelect } from "../common/option-select"
import { TitleBlock } from "../common/query-state"
import { ValuePickerInput } from "../common/value-picker-input"
import { RuleFieldError } from "./rule-form-fields"
import { SCOPE_PICKERS } from "./scope"

/** The products whose prices the rule changes: all, or chosen products, collections, categories or types. */
export const RuleScopeSection = ({ errors }: { errors: FieldErrors }) => {
  const { t } = useTranslation()
  const { control, setValue } = useFormContext<GroupPriceRuleForm>()
  const scope = useWatch({ control, name: "scope_type" })
  return (
    <Container className="flex flex-col gap-y-4 p-6">
      <TitleBlock level="h2" title={t("customerSuite.groupPricing.form.scopeSection")} hint={t("customerSuite.groupPricing.form.scopeHint")} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-[240px_1fr]">
        <Field label={t("customerSuite.groupPricing.fields.scopeType")} htmlFor="group-pricing-scope-type">
          <FormSelect
            control={control}
            name="scope_type"
            id="group-pricing-scope-type"
            testId="group-pricing-scope-type"
            // Ids of another kind do not carry over.
            onChosen={(next, previous) => next !== previous && setValue("scope_ids", [])}
            options={SCOPE_TYPES.map((v) => ({ value: v, label: t(`customerSuite.groupPricing.scopeType.${v}`) }))}
          />
          <RuleFieldError errors={errors} path="scope_type" />
        </Field>
        {scope !== "all" && (
          <Field label={t(`customerSuite.groupPricing.scopeType.${scope}`)}>
            <Controller
              control={control}
              name="scope_ids"
              render={({ field }) => (
                <ValuePickerInput key={scope} picker={SCOPE_PICKERS[scope]} value={field.value} onChange={field.onChange} invalid={!!errors.scope_ids} testId="group-pricing-scope" />
              )}
            />
            <RuleFieldError errors={errors} path="scope_ids" />
          </Field>
        )}
      </div>
    </Container>
  )
}
