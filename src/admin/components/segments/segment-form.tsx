import { zodResolver } from "@hookform/resolvers/zod"
import { toast } from "../common/toast"
import { useMemo } from "react"
import { FormProvider, useForm } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { useAttributes, useSegmentPreview } from "../../hooks/api/segments"
import { useStoreCurrencies } from "../../hooks/api/store"
import { useDebounced } from "../../hooks/use-debounced"
import { fieldErrorsOf, flattenFormErrors, isUnder, readableMessage, setApiErrors } from "../../lib/field-errors"
import { segmentFormSchema, segmentFormValues, type SegmentDetails, type SegmentForm as SegmentFormValues } from "../../lib/forms/segment"
import { errorsByNode, findCondition } from "../../lib/rule-model"
import type { AdminCreateCustomerSegmentBody, AdminCustomerSegment } from "../../../types/http"
import { FormActions } from "../common/form-actions"
import { SegmentDetailsSection } from "./segment-details-section"
import { SegmentPreviewPanel, type SegmentPreviewState } from "./segment-preview-panel"
import { SegmentRuleSection } from "./segment-rule-section"
import { useRuleEditor } from "./use-rule-editor"

/**
 * Create / edit a segment: details, then the rule in the visual builder or
 * as text, with a live preview of who matches before anything is saved.
 */
export const SegmentForm = ({
  segment,
  onSubmit,
  submitting,
  cancelTo,
}: {
  segment?: AdminCustomerSegment
  onSubmit: (input: AdminCreateCustomerSegmentBody) => Promise<void>
  submitting: boolean
  cancelTo: string
}) => {
  const { t } = useTranslation()
  const form = useForm<SegmentFormValues, unknown, SegmentDetails>({
    defaultValues: segmentFormValues(segment),
    resolver: zodResolver(segmentFormSchema),
    reValidateMode: "onSubmit",
  })
  const [kind, appliesTo] = form.watch(["kind", "applies_to"])
  const dynamic = kind === "dynamic"
  const currencies = useStoreCurrencies()
  const editor = useRuleEditor(segment, dynamic)
  const attributes = useAttributes()

  // The live preview reads the rule being edited (debounced), never a saved one.
  const previewBody = useDebounced(
    useMemo(() => (editor.previewRule ? { rule: editor.previewRule, applies_to: appliesTo } : null), [editor.previewRule, appliesTo]),
    500
  )
  const preview = useSegmentPreview(previewBody)
  // Decided on the rule as it stands, not the debounced one: no count is shown for a text with an error.
  const previewState: SegmentPreviewState =
    editor.mode === "text" && editor.textError
      ? "fixText"
      : editor.mode === "text" && editor.text.trim() && !editor.textChecked
        ? "loading"
        : editor.waitingForValues
          ? "invalid"
          : !editor.previewRule || !previewBody
            ? editor.previewRule
              ? "loading"
              : "idle"
            : preview.isError
              ? "invalid"
              : preview.data
                ? "ready"
                : "loading"
  const errors = flattenFormErrors(form.formState.errors)
  const previewErrors = editor.mode === "builder" && previewBody && preview.error ? fieldErrorsOf(preview.error) : {}
  const nodeErrors = errorsByNode({ ...previewErrors, ...editor.ruleErrors }, editor.paths)
  // The page's own message has the API's form: the attribute's label, then what is missing.
  for (const key of editor.incomplete) {
    const attribute = findCondition(editor.root, key)?.attribute ?? ""
    const label = attributes.data?.attributes.find((a) => a.name === attribute)?.label ?? attribute
    nodeErrors.byKey[key] = [t("customerSuite.segments.builder.valueRequired", { label }), ...(nodeErrors.byKey[key] ?? [])]
  }

  const submit = form.handleSubmit(async ({ kind: chosenKind, ...details }) => {
    const rule = dynamic ? editor.ruleToSave() : {}
    if (!rule) {
      return
    }
    try {
      // The kind is fixed once the segment exists.
      await onSubmit({ ...details, ...(segment ? {} : { kind: chosenKind }), ...rule })
    } catch (error) {
      const fields = fieldErrorsOf(error)
      setApiErrors(form.setError, Object.fromEntries(Object.entries(fields).filter(([field]) => !isUnder(field, "rule") && field !== "query")))
      editor.saveFailed(fields)
      toast.error(t("customerSuite.segments.form.saveFailed"), { description: readableMessage(error) })
    }
  })

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-y-3" data-testid="segment-form">
        <SegmentDetailsSection errors={errors} editing={!!segment} />
        {dynamic && (
          <div className="grid grid-cols-1 gap-3 xl:grid-cols-[1fr_320px]">
            <SegmentRuleSection
              editor={editor}
              currency={currencies.data?.[0] ?? "eur"}
              nodeErrors={nodeErrors.byKey}
              otherErrors={nodeErrors.rest}
              ruleError={editor.ruleErrors.rule}
            />
            <SegmentPreviewPanel
              state={previewState}
              fetching={preview.isFetching}
              count={preview.data?.count}
              customers={preview.data?.customers ?? []}
            />
          </div>
        )}
        <FormActions cancelTo={cancelTo} submitting={submitting} saveTestId="segment-save" />
      </form>
    </FormProvider>
  )
}
