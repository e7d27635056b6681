import { zodResolver } from "@hookform/resolvers/zod"
import { Text } from "@medusajs/ui"
import { toast } from "../common/toast"
import { useEffect, useMemo } from "react"
import { FormProvider, useForm } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { useDraftPreview } from "../../hooks/api/group-pricing"
import { useStoreCurrencies } from "../../hooks/api/store"
import { useDebounced } from "../../hooks/use-debounced"
import { useSaveFailed } from "../../hooks/use-save-failed"
import { messageOf } from "../../lib/api"
import { NO_FIELD, fieldErrorsOf, flattenFormErrors, labelledMessage, type FieldErrors } from "../../lib/field-errors"
import {
  groupPriceRuleFormSchema,
  groupPriceRuleFormValues,
  groupPriceRulePreview,
  isPlacedField,
  type GroupPriceRuleForm,
  type GroupPriceRulePreviewInput,
} from "../../lib/forms/group-price-rule"
import type { AdminCreateGroupPriceRuleBody, AdminGroupPriceRule } from "../../../types/http"
import { FormActions } from "../common/form-actions"
import { PricePreviewPanel, type PreviewState } from "./price-preview"
import { RuleAdjustmentSection } from "./rule-adjustment-section"
import { RuleDetailsSection } from "./rule-details-section"
import { RuleScheduleSection } from "./rule-schedule-section"
import { RuleScopeSection } from "./rule-scope-section"
import { RuleTiersSection } from "./rule-tiers-section"

/**
 * Create / edit a group pricing rule, with a live preview of the prices it
 * gives. Errors, ours (the form's zod schema), the preview's or the save's
 * (the API's), sit next to the field they name; all go once the rule changes.
 */
export const RuleForm = ({
  rule,
  initialGroupId,
  onSubmit,
  submitting,
  cancelTo,
}: {
  rule?: AdminGroupPriceRule
  initialGroupId?: string
  onSubmit: (input: AdminCreateGroupPriceRuleBody) => Promise<void>
  submitting: boolean
  cancelTo: string
}) => {
  const { t } = useTranslation()
  const form = useForm<GroupPriceRuleForm, unknown, AdminCreateGroupPriceRuleBody>({
    defaultValues: groupPriceRuleFormValues(rule, initialGroupId),
    resolver: zodResolver(groupPriceRuleFormSchema),
    reValidateMode: "onSubmit",
  })
  const values = form.watch()
  const storeCurrencies = useStoreCurrencies()

  // Errors describe the rule as it was: gone once it changes.
  useEffect(() => {
    const subscription = form.watch(() => form.clearErrors())
    return () => subscription.unsubscribe()
  }, [form])

  // The store's currencies first, then any the rule names that the store no longer has.
  const named = [values.amounts, ...values.tiers.map((tier) => tier.amounts)].flatMap((amounts) => Object.keys(amounts))
  const currencies = [...new Set([...(storeCurrencies.data ?? []), ...named])]

  // The preview follows the form (debounced); compared as text, so a re-render alone asks nothing.
  const previewText = useDebounced(JSON.stringify(groupPriceRulePreview(values)), 400)
  const previewBody = useMemo((): GroupPriceRulePreviewInput | null => JSON.parse(previewText), [previewText])
  const preview = useDraftPreview(previewBody)
  const previewErrors = useMemo(() => (preview.error ? fieldErrorsOf(preview.error) : {}), [preview.error])
  const errors: FieldErrors = { ...(previewBody ? previewErrors : {}), ...flattenFormErrors(form.formState.errors) }
  const unplaced = Object.entries(errors).filter(([field]) => !isPlacedField(field, values))
  const previewState: PreviewState = !previewBody
    ? "idle"
    : preview.isError
      ? Object.keys(previewErrors).some((field) => field !== NO_FIELD)
        ? "invalid"
        : "error"
      : preview.data
        ? "ready"
        : "loading"

  const saveFailed = useSaveFailed(form.setError, t("customerSuite.groupPricing.form.saveFailed"))
  const submit = form.handleSubmit(
    (input) => onSubmit(input).catch(saveFailed),
    () => toast.error(t("customerSuite.groupPricing.form.saveFailed"), { description: t("customerSuite.groupPricing.form.fixFields") })
  )

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-y-3" data-testid="group-pricing-form">
        <RuleDetailsSection errors={errors} />
        <RuleAdjustmentSection errors={errors} currencies={currencies} />
        <RuleScopeSection errors={errors} />
        <RuleTiersSection errors={errors} currencies={currencies} />
        <RuleScheduleSection errors={errors} />
        <PricePreviewPanel
          state={previewState}
          fetching={preview.isFetching}
          preview={preview.data?.preview}
          error={previewState === "error" ? messageOf(preview.error) : undefined}
        />
        {unplaced.length > 0 && (
          <Text size="small" className="text-ui-fg-error px-1" role="alert" data-testid="group-pricing-error-other">
            {unplaced.map(([field, m]) => labelledMessage(field, m)).join("; ")}
          </Text>
        )}
        <FormActions cancelTo={cancelTo} submitting={submitting} saveTestId="group-pricing-save" />
      </form>
    </FormProvider>
  )
}
