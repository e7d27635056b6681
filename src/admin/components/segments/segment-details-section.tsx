import { Container, Heading, Input, Textarea } from "@medusajs/ui"
import { Controller, useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { useErrorMessage } from "../../hooks/use-error-message"
import type { FieldErrors } from "../../lib/field-errors"
import type { SegmentForm } from "../../lib/forms/segment"
import { SEGMENT_APPLIES_TO, SEGMENT_KINDS, SEGMENT_STATUSES } from "../../lib/types/segments"
import { Field, SwitchField } from "../common/field"
import { FormSelect } from "../common/option-select"

/** The segment's name, who it applies to, description, kind (fixed once created), status and managed group. */
export const SegmentDetailsSection = ({ errors, editing }: { errors: FieldErrors; editing: boolean }) => {
  const { t } = useTranslation()
  const shown = useErrorMessage()
  const { control, register } = useFormContext<SegmentForm>()
  const kind = useWatch({ control, name: "kind" })
  const error = (field: string) => ({ error: shown(errors[field]), errorTestId: `segment-error-${field}` })
  return (
    <Container className="flex flex-col gap-y-4 p-6">
      <Heading level="h2">{t("customerSuite.segments.form.details")}</Heading>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field label={t("customerSuite.segments.fields.name")} htmlFor="segment-name" {...error("name")}>
          <Input id="segment-name" {...register("name")} aria-invalid={!!errors.name} maxLength={255} data-testid="segment-name-input" />
        </Field>
        <Field label={t("customerSuite.segments.fields.appliesTo")} htmlFor="segment-applies-to" {...error("applies_to")}>
          <FormSelect control={control} name="applies_to" id="segment-applies-to" options={SEGMENT_APPLIES_TO.map((v) => ({ value: v, label: t(`customerSuite.segments.appliesTo.${v}`) }))} />
        </Field>
        <Field
          className="flex flex-col gap-y-1 md:col-span-2"
          label={t("customerSuite.segments.fields.description")}
          optional={t("customerSuite.common.optional")}
          htmlFor="segment-description"
          {...error("description")}
        >
          <Textarea id="segment-description" {...register("description")} maxLength={2000} rows={2} />
        </Field>
        <Field label={t("customerSuite.segments.fields.kind")} htmlFor="segment-kind" hint={t(`customerSuite.segments.kindHint.${kind}`)} {...error("kind")}>
          <FormSelect control={control} name="kind" id="segment-kind" disabled={editing} options={SEGMENT_KINDS.map((v) => ({ value: v, label: t(`customerSuite.segments.kind.${v}`) }))} />
        </Field>
        <Field label={t("customerSuite.segments.fields.status")} htmlFor="segment-status" {...error("status")}>
          <FormSelect control={control} name="status" id="segment-status" options={SEGMENT_STATUSES.map((v) => ({ value: v, label: t(`customerSuite.segments.status.${v}`) }))} />
        </Field>
        <Controller
          control={control}
          name="sync_customer_group"
          render={({ field }) => (
            <SwitchField
              className="flex items-start gap-x-3 md:col-span-2"
              id="segment-sync"
              label={t("customerSuite.segments.fields.syncGroup")}
              hint={t("customerSuite.segments.form.syncHint")}
              checked={field.value}
              onCheckedChange={field.onChange}
              {...error("sync_customer_group")}
            />
          )}
        />
      </div>
    </Container>
  )
}
