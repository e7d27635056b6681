import { zodResolver } from "@hookform/resolvers/zod"
import { Container, Heading, Input, Label, Text, Textarea } from "@medusajs/ui"
import { useEffect, useMemo } from "react"
import { Controller, useForm } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { useContentBlockPlacements, useRenderContentBlock } from "../../hooks/api/content-blocks"
import { useDebounced } from "../../hooks/use-debounced"
import { useSaveFailed } from "../../hooks/use-save-failed"
import { fieldErrorsOf, flattenFormErrors, isMessageKey, labelledMessage, type FieldErrors } from "../../lib/field-errors"
import { contentBlockFormSchema, contentBlockFormValues, isPlacedField, renderBody, type ContentBlockForm } from "../../lib/forms/content-block"
import { fromLocalInput } from "../../lib/forms/group-price-rule"
import { BLOCK_FORMATS, BLOCK_SHOPPER_KINDS } from "../../lib/types/content-blocks"
import type { AdminContentBlock, AdminCreateContentBlock, AdminRenderContentBlock } from "../../../types/http"
import { Field, FieldError, SwitchField } from "../common/field"
import { FormActions } from "../common/form-actions"
import { FormSelect } from "../common/option-select"
import { TitleBlock } from "../common/query-state"
import { toast } from "../common/toast"
import { ValuePickerInput } from "../common/value-picker-input"
import { AudiencePicker } from "./audience-picker"
import { RenderedContent } from "./rendered-content"
import { utcText } from "./schedule"

/**
 * Create / edit a content block: details, content with a live preview
 * (rendered and sanitised by the API, shown in a sandboxed frame), who sees
 * it, and when. Errors, ours (the zod schema) or the API's, sit next to
 * the field they name and go once the form changes.
 */
export const BlockForm = ({
  block,
  onSubmit,
  submitting,
  cancelTo,
}: {
  block?: AdminContentBlock
  onSubmit: (input: AdminCreateContentBlock) => Promise<void>
  submitting: boolean
  cancelTo: string
}) => {
  const { t } = useTranslation()
  const form = useForm<ContentBlockForm, unknown, AdminCreateContentBlock>({
    defaultValues: contentBlockFormValues(block),
    resolver: zodResolver(contentBlockFormSchema),
    reValidateMode: "onSubmit",
  })
  const { register, control } = form
  const values = form.watch()
  const placements = useContentBlockPlacements()

  useEffect(() => {
    const subscription = form.watch(() => form.clearErrors())
    return () => subscription.unsubscribe()
  }, [form])

  // The live preview follows the content (debounced), compared as text so a re-render alone asks nothing.
  const renderText = useDebounced(JSON.stringify(renderBody(values)), 400)
  const body = useMemo((): AdminRenderContentBlock | null => JSON.parse(renderText), [renderText])
  const rendered = useRenderContentBlock(body)
  const renderError = rendered.error ? fieldErrorsOf(rendered.error) : {}

  const errors: FieldErrors = flattenFormErrors(form.formState.errors)
  const text = (field: string) => {
    const message = errors[field] ?? Object.entries(errors).find(([name]) => name.startsWith(`${field}.`))?.[1]
    return message === undefined ? undefined : isMessageKey(message) ? t(message) : message
  }
  const unplaced = Object.entries(errors).filter(([field]) => !isPlacedField(field))

  const saveFailed = useSaveFailed(form.setError, t("customerSuite.contentBlocks.form.saveFailed"))
  const submit = form.handleSubmit(
    (input) => onSubmit(input).catch(saveFailed),
    () => toast.error(t("customerSuite.contentBlocks.form.saveFailed"), { description: t("customerSuite.contentBlocks.form.fixFields") })
  )
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-y-3" data-testid="content-block-form">
      <Container className="flex flex-col gap-y-4 p-6">
        <Heading level="h2">{t("customerSuite.contentBlocks.form.details")}</Heading>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field label={t("customerSuite.contentBlocks.fields.name")} htmlFor="content-block-name" error={text("name")} errorTestId="content-block-error-name">
            <Input id="content-block-name" {...register("name")} maxLength={255} aria-invalid={!!text("name")} data-testid="content-block-name" />
          </Field>
          <Field
            label={t("customerSuite.contentBlocks.fields.placement")}
            htmlFor="content-block-placement"
            hint={t("customerSuite.contentBlocks.form.placementHint")}
            error={text("placement")}
            errorTestId="content-block-error-placement"
          >
            <Input
              id="content-block-placement"
              list="content-block-placements"
              {...register("placement")}
              maxLength={100}
              placeholder="home-hero"
              aria-invalid={!!text("placement")}
              data-testid="content-block-placement"
            />
            <datalist id="content-block-placements">
              {placements.data?.placements.map((p) => (
                <option key={p.placement} value={p.placement} />
              ))}
            </datalist>
          </Field>
          <Field
            label={t("customerSuite.contentBlocks.fields.priority")}
            htmlFor="content-block-priority"
            hint={t("customerSuite.contentBlocks.form.priorityHint")}
            error={text("priority")}
            errorTestId="content-block-error-priority"
          >
            <Input id="content-block-priority" type="number" step={1} {...register("priority")} className="w-32" aria-invalid={!!text("priority")} data-testid="content-block-priority" />
          </Field>
          <Field
            label={t("customerSuite.contentBlocks.fields.locale")}
            htmlFor="content-block-locale"
            optional={t("customerSuite.common.optional")}
            hint={t("customerSuite.contentBlocks.form.localeHint")}
            error={text("locale")}
            errorTestId="content-block-error-locale"
          >
            <Input id="content-block-locale" {...register("locale")} maxLength={35} placeholder="de-DE" className="w-40" aria-invalid={!!text("locale")} data-testid="content-block-locale" />
          </Field>
          <Controller
            control={control}
            name="status"
            render={({ field }) => (
              <SwitchField
                id="content-block-status"
                label={t("customerSuite.contentBlocks.form.activeLabel")}
                hint={t("customerSuite.contentBlocks.form.statusHint")}
                error={text("status")}
                checked={field.value === "active"}
                onCheckedChange={(on) => field.onChange(on ? "active" : "inactive")}
                testId="content-block-status"
              />
            )}
          />
        </div>
      </Container>

      <Container className="flex flex-col gap-y-4 p-6">
        <TitleBlock level="h2" title={t("customerSuite.contentBlocks.form.content")} hint={t("customerSuite.contentBlocks.form.contentHint")} />
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <div className="flex flex-col gap-y-4">
            <Field label={t("customerSuite.contentBlocks.fields.format")} htmlFor="content-block-format" error={text("format")}>
              <FormSelect
                control={control}
                name="format"
                id="content-block-format"
                size="small"
                className="w-48"
                options={BLOCK_FORMATS.map((f) => ({ value: f, label: t(`customerSuite.contentBlocks.format.${f}`) }))}
                testId="content-block-format"
              />
            </Field>
            <Field
              label={t("customerSuite.contentBlocks.fields.content")}
              htmlFor="content-block-content"
              hint={t(`customerSuite.contentBlocks.formatHint.${values.format}`)}
              error={text("content")}
              errorTestId="content-block-error-content"
            >
              <Textarea
                id="content-block-content"
                rows={10}
                {...register("content")}
                className="font-mono"
                aria-invalid={!!text("content")}
                data-testid="content-block-content"
              />
            </Field>
            <Field
              label={t("customerSuite.contentBlocks.fields.imageUrl")}
              htmlFor="content-block-image"
              optional={t("customerSuite.common.optional")}
              error={text("image_url")}
              errorTestId="content-block-error-image_url"
            >
              <Input id="content-block-image" {...register("image_url")} maxLength={2000} placeholder="https://…" aria-invalid={!!text("image_url")} data-testid="content-block-image" />
            </Field>
            <Field
              label={t("customerSuite.contentBlocks.fields.linkUrl")}
              htmlFor="content-block-link"
              optional={t("customerSuite.common.optional")}
              hint={t("customerSuite.contentBlocks.form.urlHint")}
              error={text("link_url")}
              errorTestId="content-block-error-link_url"
            >
              <Input id="content-block-link" {...register("link_url")} maxLength={2000} placeholder="/sale" aria-invalid={!!text("link_url")} data-testid="content-block-link" />
            </Field>
          </div>
          <div className="flex flex-col gap-y-1" data-testid="content-block-live-preview">
            <Label size="small" weight="plus">
              {t("customerSuite.contentBlocks.form.livePreview")}
              {rendered.isFetching && <span className="text-ui-fg-muted font-normal"> · {t("customerSuite.common.updating")}</span>}
            </Label>
            {!body ? (
              <Text size="small" className="text-ui-fg-subtle rounded-md border border-dashed px-3 py-6 text-center">
                {t(values.format === "json" && values.content.trim() ? "customerSuite.contentBlocks.form.previewJson" : "customerSuite.contentBlocks.form.previewEmpty")}
              </Text>
            ) : rendered.isError ? (
              <FieldError error={Object.entries(renderError).map(([f, m]) => labelledMessage(f, m)).join("; ")} testId="content-block-preview-error" />
            ) : rendered.data ? (
              <RenderedContent html={rendered.data.html} imageUrl={values.image_url.trim() || null} linkUrl={values.link_url.trim() || null} testId="content-block-preview-frame" minHeight={160} />
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                {t("customerSuite.common.loading")}
              </Text>
            )}
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("customerSuite.contentBlocks.form.sanitisedHint")}
            </Text>
          </div>
        </div>
      </Container>

      <Container className="flex flex-col gap-y-4 p-6" data-testid="content-block-targeting">
        <TitleBlock level="h2" title={t("customerSuite.contentBlocks.form.targeting")} hint={t("customerSuite.contentBlocks.form.targetingHint")} />
        <Field label={t("customerSuite.contentBlocks.fields.shopperKind")} htmlFor="content-block-shopper-kind" error={text("shopper_kind")}>
          <FormSelect
            control={control}
            name="shopper_kind"
            id="content-block-shopper-kind"
            size="small"
            className="w-64"
            options={BLOCK_SHOPPER_KINDS.map((k) => ({ value: k, label: t(`customerSuite.contentBlocks.shopperKind.${k}`) }))}
            testId="content-block-shopper-kind"
          />
        </Field>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field label={t("customerSuite.contentBlocks.fields.segments")} error={text("target_segment_ids")} errorTestId="content-block-error-target_segment_ids">
            <Controller
              control={control}
              name="target_segment_ids"
              render={({ field }) => (
                <ValuePickerInput picker="segment" value={field.value} onChange={field.onChange} invalid={!!text("target_segment_ids")} testId="content-block-segments" />
              )}
            />
          </Field>
          <Field label={t("customerSuite.contentBlocks.fields.groups")} error={text("target_group_ids")} errorTestId="content-block-error-target_group_ids">
            <Controller
              control={control}
              name="target_group_ids"
              render={({ field }) => (
                <ValuePickerInput picker="customer_group" value={field.value} onChange={field.onChange} invalid={!!text("target_group_ids")} testId="content-block-groups" />
              )}
            />
          </Field>
          <Field label={t("customerSuite.contentBlocks.fields.audiences")} error={text("target_audience_ids")} errorTestId="content-block-error-target_audience_ids">
            <Controller
              control={control}
              name="target_audience_ids"
              render={({ field }) => <AudiencePicker value={field.value} onChange={field.onChange} invalid={!!text("target_audience_ids")} testId="content-block-audiences" />}
            />
          </Field>
          <Field
            label={t("customerSuite.contentBlocks.fields.exclude")}
            hint={t("customerSuite.contentBlocks.form.excludeHint")}
            error={text("exclude_segment_ids")}
            errorTestId="content-block-error-exclude_segment_ids"
          >
            <Controller
              control={control}
              name="exclude_segment_ids"
              render={({ field }) => (
                <ValuePickerInput picker="segment" value={field.value} onChange={field.onChange} invalid={!!text("exclude_segment_ids")} testId="content-block-exclude" />
              )}
            />
          </Field>
        </div>
        <Text size="small" className="text-ui-fg-subtle" data-testid="content-block-targeting-sentence">
          {values.target_segment_ids.length + values.target_group_ids.length + values.target_audience_ids.length === 0
            ? t("customerSuite.contentBlocks.form.untargeted")
            : t("customerSuite.contentBlocks.form.targetedAny")}
        </Text>
      </Container>

      <Container className="flex flex-col gap-y-4 p-6">
        <TitleBlock level="h2" title={t("customerSuite.contentBlocks.form.schedule")} hint={t("customerSuite.contentBlocks.form.scheduleHint", { timeZone })} />
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {(["starts_at", "ends_at"] as const).map((name) => {
            const iso = fromLocalInput(values[name])
            return (
              <Field
                key={name}
                label={t(`customerSuite.contentBlocks.fields.${name === "starts_at" ? "startsAt" : "endsAt"}`)}
                htmlFor={`content-block-${name}`}
                optional={t("customerSuite.common.optional")}
                hint={iso ? t("customerSuite.contentBlocks.form.storedAs", { utc: utcText(iso) }) : t(`customerSuite.contentBlocks.form.${name === "starts_at" ? "noStart" : "noEnd"}`)}
                error={text(name)}
                errorTestId={`content-block-error-${name}`}
              >
                <Input id={`content-block-${name}`} type="datetime-local" {...register(name)} aria-invalid={!!text(name)} data-testid={`content-block-${name}`} />
              </Field>
            )
          })}
        </div>
      </Container>

      {unplaced.length > 0 && (
        <Text size="small" className="text-ui-fg-error px-1" role="alert" data-testid="content-block-error-other">
          {unplaced.map(([field, m]) => labelledMessage(field, isMessageKey(m) ? t(m) : m)).join("; ")}
        </Text>
      )}
      <FormActions cancelTo={cancelTo} submitting={submitting} saveTestId="content-block-save" />
    </form>
  )
}
