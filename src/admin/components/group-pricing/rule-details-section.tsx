import { Container, Heading, Input } from "@medusajs/ui"
import { Controller, useFormContext } from "react-hook-form"
import { useTranslation } from "react-i18next"
import type { FieldErrors } from "../../lib/field-errors"
import type { GroupPriceRuleForm } from "../../lib/forms/group-price-rule"
import { Field, SwitchField } from "../common/field"
import { ValuePickerInput } from "../common/value-picker-input"
import { RuleFieldError, useErrorText } from "./rule-form-fields"

/** The rule's name, customer group, priority and whether it is active. */
export const RuleDetailsSection = ({ errors }: { errors: FieldErrors }) => {
  const { t } = useTranslation()
  const { control, register } = useFormContext<GroupPriceRuleForm>()
  const errorText = useErrorText(errors)
  return (
    <Container className="flex flex-col gap-y-4 p-6">
      <Heading level="h2">{t("customerSuite.groupPricing.form.details")}</Heading>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field label={t("customerSuite.groupPricing.fields.name")} htmlFor="group-pricing-name">
          <Input
            id="group-pricing-name"
            {...register("name")}
            aria-invalid={!!errors.name}
            maxLength={255}
            placeholder={t("customerSuite.groupPricing.form.namePlaceholder")}
            data-testid="group-pricing-name"
          />
          <RuleFieldError errors={errors} path="name" />
        </Field>
        <Field label={t("customerSuite.groupPricing.fields.group")}>
          <Controller
            control={control}
            name="customer_group_id"
            render={({ field }) => (
              <ValuePickerInput
                picker="customer_group"
                single
                value={field.value ? [field.value] : []}
                onChange={(ids) => field.onChange(ids[0] ?? "")}
                invalid={!!errors.customer_group_id}
                testId="group-pricing-group"
                chooseLabel={t("customerSuite.groupPricing.form.chooseGroup")}
              />
            )}
          />
          <RuleFieldError errors={errors} path="customer_group_id" />
        </Field>
        <Field label={t("customerSuite.groupPricing.fields.priority")} htmlFor="group-pricing-priority" hint={t("customerSuite.groupPricing.form.priorityHint")}>
          <Input id="group-pricing-priority" type="number" min={0} max={1000} step={1} {...register("priority")} aria-invalid={!!errors.priority} className="w-32" data-testid="group-pricing-priority" />
          <RuleFieldError errors={errors} path="priority" />
        </Field>
        <Controller
          control={control}
          name="status"
          render={({ field }) => (
            <SwitchField
              className="flex items-start gap-x-3 pt-6"
              id="group-pricing-status"
              label={t("customerSuite.groupPricing.form.activeLabel")}
              hint={t("customerSuite.groupPricing.form.statusHint")}
              error={errorText("status")}
              errorTestId="group-pricing-error-status"
              checked={field.value === "active"}
              onCheckedChange={(on) => field.onChange(on ? "active" : "inactive")}
              testId="group-pricing-status"
            />
          )}
        />
      </div>
    </Container>
  )
}
