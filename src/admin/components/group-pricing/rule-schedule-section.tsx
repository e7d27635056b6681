import { Container, Input } from "@medusajs/ui"
import { useFormContext } from "react-hook-form"
import { useTranslation } from "react-i18next"
import type { FieldErrors } from "../../lib/field-errors"
import type { GroupPriceRuleForm } from "../../lib/forms/group-price-rule"
import { Field } from "../common/field"
import { TitleBlock } from "../common/query-state"
import { RuleFieldError } from "./rule-form-fields"

const FIELDS = [
  { name: "starts_at", label: "customerSuite.groupPricing.fields.startsAt", id: "group-pricing-starts-at" },
  { name: "ends_at", label: "customerSuite.groupPricing.fields.endsAt", id: "group-pricing-ends-at" },
] as const

/** When the rule is in force: from, until (local time; empty for now and never). */
export const RuleScheduleSection = ({ errors }: { errors: FieldErrors }) => {
  const { t } = useTranslation()
  const { register } = useFormContext<GroupPriceRuleForm>()
  return (
    <Container className="flex flex-col gap-y-4 p-6">
      <TitleBlock level="h2" title={t("customerSuite.groupPricing.form.scheduleSection")} hint={t("customerSuite.groupPricing.form.scheduleHint")} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {FIELDS.map(({ name, label, id }) => (
          <Field key={name} label={t(label)} htmlFor={id}>
            <Input id={id} type="datetime-local" {...register(name)} aria-invalid={!!errors[name]} data-testid={id} />
            <RuleFieldError errors={errors} path={name} />
          </Field>
        ))}
      </div>
    </Container>
  )
}
