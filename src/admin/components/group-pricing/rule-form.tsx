import { Plus, Trash } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Input, Label, Select, Switch, Text, clx, toast } from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { messageOf } from "../../lib/api"
import {
  ADJUSTMENT_TYPES,
  SCOPE_TYPES,
  useDraftPreview,
  type AdjustmentType,
  type GroupPriceRule,
  type GroupPriceRuleInput,
  type ScopeType,
} from "../../lib/group-pricing"
import {
  draftFromRule,
  draftToInput,
  draftToPreview,
  emptyDraft,
  emptyTier,
  errorsUnder,
  isPlacedField,
  parseFieldErrors,
  type FieldErrors,
  type RuleDraft,
  type TierDraft,
} from "../../lib/group-pricing-model"
import { useDebounced, ValuePickerInput } from "../segments/pickers"
import { useStoreCurrencies } from "../segments/value-input"
import { PricePreviewPanel, type PreviewState } from "./price-preview"
import { SCOPE_PICKERS } from "./scope"
import { FormActions } from "../common/form-actions"
import { TitleBlock } from "../common/query-state"


/**
 * Create / edit a group pricing rule, with a live preview of the prices it
 * gives. Errors, ours or the API's, sit next to the field they name.
 */
export const RuleForm = ({
  rule,
  initialGroupId,
  onSubmit,
  submitting,
  cancelTo,
}: {
  rule?: GroupPriceRule
  initialGroupId?: string
  onSubmit: (input: GroupPriceRuleInput) => Promise<void>
  submitting: boolean
  cancelTo: string
}) => {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftFromRule(rule) : emptyDraft(initialGroupId)))
  const [checked, setChecked] = useState<FieldErrors>({})
  const [saveErrors, setSaveErrors] = useState<FieldErrors>({})
  const storeCurrencies = useStoreCurrencies()

  // Errors from a save or our own checks describe the rule as it was: gone once it changes.
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    setChecked({})
    setSaveErrors({})
  }, [draft])

  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const setTier = (index: number, patch: Partial<TierDraft>) =>
    setDraft((d) => ({ ...d, tiers: d.tiers.map((tier, i) => (i === index ? { ...tier, ...patch } : tier)) }))

  // The store's currencies first, then any the rule names that the store no longer has.
  const currencies = useMemo(() => {
    const named = [draft.amounts, ...draft.tiers.map((tier) => tier.amounts)].flatMap((a) => Object.keys(a))
    return [...new Set([...(storeCurrencies.data ?? []), ...named])]
  }, [storeCurrencies.data, draft.amounts, draft.tiers])

  const previewBody = useDebounced(
    useMemo(() => draftToPreview(draft), [draft]),
    400
  )
  const preview = useDraftPreview(previewBody)
  const previewErrors = useMemo(() => (preview.error ? parseFieldErrors(messageOf(preview.error)) : {}), [preview.error])
  const errors: FieldErrors = { ...(previewBody ? previewErrors : {}), ...checked, ...saveErrors }
  const unplaced = Object.entries(errors).filter(([field]) => !isPlacedField(field, draft))
  const previewState: PreviewState = !previewBody
    ? "idle"
    : preview.isError
      ? Object.keys(previewErrors).some((field) => field !== "_")
        ? "invalid"
        : "error"
      : preview.data
        ? "ready"
        : "loading"

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    const { input, errors: found } = draftToInput(draft)
    if (!input) {
      setChecked(found)
      toast.error(t("customerSuite.groupPricing.form.saveFailed"), { description: t("customerSuite.groupPricing.form.fixFields") })
      return
    }
    try {
      await onSubmit(input)
    } catch (error) {
      setSaveErrors(parseFieldErrors(messageOf(error)))
      toast.error(t("customerSuite.groupPricing.form.saveFailed"), { description: messageOf(error) })
    }
  }

  /** What a message under a field is about: "Min. quantity", "Percentage", "EUR". */
  const subLabel = (sub: string) => {
    const last = sub.split(".").pop() ?? sub
    if (last === "min_quantity") {
      return t("customerSuite.groupPricing.form.minQuantity")
    }
    if (last === "percentage") {
      return t("customerSuite.groupPricing.fields.percentage")
    }
    return /^[a-z]{3}$/.test(last) && last !== "amounts" ? last.toUpperCase() : sub
  }
  /** The messages for a field, and with `under`, for the fields below it (each named). */
  const errorOf = (path: string, under = false) => {
    const messages = Object.entries(errors)
      .filter(([field]) => field === path || (under && field.startsWith(`${path}.`)))
      .map(([field, m]) => {
        const text = m.startsWith("customerSuite.") ? t(m) : m
        return field === path ? text : `${subLabel(field.slice(path.length + 1))}: ${text}`
      })
    return messages.length ? (
      <Text size="small" className="text-ui-fg-error" role="alert" data-testid={`group-pricing-error-${path}`}>
        {messages.join("; ")}
      </Text>
    ) : null
  }
  const byPercentage = draft.adjustment_type === "percentage"
  const tierErrors = (index: number) => errorsUnder(errors, `tiers.${index}`).length > 0
  // "tiers" and "tiers.min_quantity" style messages: about the tiers, not one row.
  const generalTierErrors = Object.entries(errors).filter(([field]) => /^tiers(\.[a-z_]+)*$/.test(field))

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-y-3" data-testid="group-pricing-form">
      <Container className="flex flex-col gap-y-4 p-6">
        <Heading level="h2">{t("customerSuite.groupPricing.form.details")}</Heading>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field label={t("customerSuite.groupPricing.fields.name")} htmlFor="group-pricing-name">
            <Input
              id="group-pricing-name"
              value={draft.name}
              onChange={(e) => set("name", e.target.value)}
              aria-invalid={!!errors.name}
              maxLength={255}
              placeholder={t("customerSuite.groupPricing.form.namePlaceholder")}
              data-testid="group-pricing-name"
            />
            {errorOf("name")}
          </Field>
          <Field label={t("customerSuite.groupPricing.fields.group")}>
            <ValuePickerInput
              picker="customer_group"
              single
              value={draft.customer_group_id ? [draft.customer_group_id] : []}
              onChange={(ids) => set("customer_group_id", ids[0] ?? "")}
              invalid={!!errors.customer_group_id}
              testId="group-pricing-group"
              chooseLabel={t("customerSuite.groupPricing.form.chooseGroup")}
            />
            {errorOf("customer_group_id")}
          </Field>
          <Field label={t("customerSuite.groupPricing.fields.priority")} htmlFor="group-pricing-priority" hint={t("customerSuite.groupPricing.form.priorityHint")}>
            <Input
              id="group-pricing-priority"
              type="number"
              min={0}
              max={1000}
              step={1}
              value={draft.priority}
              onChange={(e) => set("priority", e.target.value)}
              aria-invalid={!!errors.priority}
              className="w-32"
              data-testid="group-pricing-priority"
            />
            {errorOf("priority")}
          </Field>
          <div className="flex items-start gap-x-3 pt-6">
            <Switch
              id="group-pricing-status"
              checked={draft.status === "active"}
              onCheckedChange={(on) => set("status", on ? "active" : "inactive")}
              data-testid="group-pricing-status"
            />
            <div>
              <Label htmlFor="group-pricing-status" size="small" weight="plus">
                {t("customerSuite.groupPricing.form.activeLabel")}
              </Label>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t("customerSuite.groupPricing.form.statusHint")}
              </Text>
              {errorOf("status")}
            </div>
          </div>
        </div>
      </Container>

      <Container className="flex flex-col gap-y-4 p-6">
        <Heading level="h2">{t("customerSuite.groupPricing.form.adjustmentSection")}</Heading>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field label={t("customerSuite.groupPricing.fields.adjustmentType")} htmlFor="group-pricing-adjustment-type">
            <Select value={draft.adjustment_type} onValueChange={(v) => set("adjustment_type", v as AdjustmentType)}>
              <Select.Trigger id="group-pricing-adjustment-type" data-testid="group-pricing-adjustment-type">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {ADJUSTMENT_TYPES.map((v) => (
                  <Select.Item key={v} value={v}>
                    {t(`customerSuite.groupPricing.adjustmentType.${v}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t(`customerSuite.groupPricing.adjustmentHint.${draft.adjustment_type}`)}
            </Text>
          </Field>
          {byPercentage ? (
            <Field label={t("customerSuite.groupPricing.fields.percentage")} htmlFor="group-pricing-percentage">
              <PercentInput
                id="group-pricing-percentage"
                value={draft.percentage}
                onChange={(v) => set("percentage", v)}
                invalid={!!errors.percentage}
                testId="group-pricing-percentage"
              />
              {errorOf("percentage")}
            </Field>
          ) : (
            <Field label={t(`customerSuite.groupPricing.fields.amounts_${draft.adjustment_type}`)} hint={t("customerSuite.groupPricing.form.amountsHint")}>
              <AmountsInput
                currencies={currencies}
                value={draft.amounts}
                onChange={(v) => set("amounts", v)}
                errors={errors}
                path="amounts"
                testId="group-pricing-amount"
              />
              {errorOf("amounts", true)}
            </Field>
          )}
        </div>
      </Container>

      <Container className="flex flex-col gap-y-4 p-6">
        <TitleBlock level="h2" title={t("customerSuite.groupPricing.form.scopeSection")} hint={t("customerSuite.groupPricing.form.scopeHint")} />
        <div className="grid grid-cols-1 gap-4 md:grid-cols-[240px_1fr]">
          <Field label={t("customerSuite.groupPricing.fields.scopeType")} htmlFor="group-pricing-scope-type">
            <Select
              value={draft.scope_type}
              onValueChange={(v) => setDraft((d) => ({ ...d, scope_type: v as ScopeType, scope_ids: v === d.scope_type ? d.scope_ids : [] }))}
            >
              <Select.Trigger id="group-pricing-scope-type" data-testid="group-pricing-scope-type">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {SCOPE_TYPES.map((v) => (
                  <Select.Item key={v} value={v}>
                    {t(`customerSuite.groupPricing.scopeType.${v}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            {errorOf("scope_type")}
          </Field>
          {draft.scope_type !== "all" && (
            <Field label={t(`customerSuite.groupPricing.scopeType.${draft.scope_type}`)}>
              <ValuePickerInput
                key={draft.scope_type}
                picker={SCOPE_PICKERS[draft.scope_type]}
                value={draft.scope_ids}
                onChange={(ids) => set("scope_ids", ids)}
                invalid={!!errors.scope_ids}
                testId="group-pricing-scope"
              />
              {errorOf("scope_ids")}
            </Field>
          )}
        </div>
      </Container>

      <Container className="flex flex-col gap-y-4 p-6" data-testid="group-pricing-tiers">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <TitleBlock level="h2" title={t("customerSuite.groupPricing.form.tiersSection")} hint={t("customerSuite.groupPricing.form.tiersHint")} />
          <Button
            type="button"
            size="small"
            variant="secondary"
            onClick={() => setDraft((d) => ({ ...d, tiers: [...d.tiers, emptyTier()] }))}
            disabled={draft.tiers.length >= 20}
            data-testid="group-pricing-add-tier"
          >
            <Plus />
            {t("customerSuite.groupPricing.form.addTier")}
          </Button>
        </div>
        {draft.tiers.length === 0 && (
          <Text size="small" className="text-ui-fg-muted">
            {t("customerSuite.groupPricing.form.noTiers")}
          </Text>
        )}
        {draft.tiers.map((tier, i) => (
          <div
            key={tier.key}
            className={clx("bg-ui-bg-subtle flex flex-col gap-y-2 rounded-lg border px-4 py-3", tierErrors(i) && "border-ui-border-error")}
            data-testid="group-pricing-tier"
          >
            <div className="flex flex-wrap items-end gap-3">
              <Field label={t("customerSuite.groupPricing.form.minQuantity")} htmlFor={`group-pricing-tier-${tier.key}-min`}>
                <Input
                  id={`group-pricing-tier-${tier.key}-min`}
                  type="number"
                  min={2}
                  step={1}
                  value={tier.min_quantity}
                  onChange={(e) => setTier(i, { min_quantity: e.target.value })}
                  aria-invalid={!!errors[`tiers.${i}.min_quantity`]}
                  className="w-32"
                  data-testid="group-pricing-tier-min"
                />
              </Field>
              {byPercentage ? (
                <Field label={t("customerSuite.groupPricing.fields.percentage")} htmlFor={`group-pricing-tier-${tier.key}-percentage`}>
                  <PercentInput
                    id={`group-pricing-tier-${tier.key}-percentage`}
                    value={tier.percentage}
                    onChange={(v) => setTier(i, { percentage: v })}
                    invalid={!!errors[`tiers.${i}.percentage`]}
                    testId="group-pricing-tier-percentage"
                  />
                </Field>
              ) : (
                <Field label={t(`customerSuite.groupPricing.fields.amounts_${draft.adjustment_type}`)}>
                  <AmountsInput
                    currencies={currencies}
                    value={tier.amounts}
                    onChange={(v) => setTier(i, { amounts: v })}
                    errors={errors}
                    path={`tiers.${i}.amounts`}
                    testId="group-pricing-tier-amount"
                  />
                </Field>
              )}
              <IconButton
                type="button"
                variant="transparent"
                className="mb-1 ml-auto"
                aria-label={t("customerSuite.groupPricing.form.removeTier", { index: i + 1 })}
                onClick={() => setDraft((d) => ({ ...d, tiers: d.tiers.filter((_, j) => j !== i) }))}
                data-testid="group-pricing-remove-tier"
              >
                <Trash />
              </IconButton>
            </div>
            {errorOf(`tiers.${i}`, true)}
          </div>
        ))}
        {generalTierErrors.length > 0 && (
          <Text size="small" className="text-ui-fg-error" role="alert" data-testid="group-pricing-error-tiers">
            {generalTierErrors.map(([field, m]) => (field === "tiers" ? m : `${field}: ${m}`)).join("; ")}
          </Text>
        )}
      </Container>

      <Container className="flex flex-col gap-y-4 p-6">
        <TitleBlock level="h2" title={t("customerSuite.groupPricing.form.scheduleSection")} hint={t("customerSuite.groupPricing.form.scheduleHint")} />
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field label={t("customerSuite.groupPricing.fields.startsAt")} htmlFor="group-pricing-starts-at">
            <Input
              id="group-pricing-starts-at"
              type="datetime-local"
              value={draft.starts_at}
              onChange={(e) => set("starts_at", e.target.value)}
              aria-invalid={!!errors.starts_at}
              data-testid="group-pricing-starts-at"
            />
            {errorOf("starts_at")}
          </Field>
          <Field label={t("customerSuite.groupPricing.fields.endsAt")} htmlFor="group-pricing-ends-at">
            <Input
              id="group-pricing-ends-at"
              type="datetime-local"
              value={draft.ends_at}
              onChange={(e) => set("ends_at", e.target.value)}
              aria-invalid={!!errors.ends_at}
              data-testid="group-pricing-ends-at"
            />
            {errorOf("ends_at")}
          </Field>
        </div>
      </Container>

      <PricePreviewPanel
        state={previewState}
        fetching={preview.isFetching}
        preview={preview.data?.preview}
        error={previewState === "error" ? messageOf(preview.error) : undefined}
      />

      {unplaced.length > 0 && (
        <Text size="small" className="text-ui-fg-error px-1" role="alert" data-testid="group-pricing-error-other">
          {unplaced.map(([field, m]) => (field === "_" ? m : `${field}: ${m}`)).join("; ")}
        </Text>
      )}
      <FormActions cancelTo={cancelTo} submitting={submitting} saveTestId="group-pricing-save" />
    </form>
  )
}

const Field = ({ label, htmlFor, hint, children }: { label: string; htmlFor?: string; hint?: string; children: React.ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={htmlFor} size="small" weight="plus">
      {label}
    </Label>
    {children}
    {hint && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {hint}
      </Text>
    )}
  </div>
)

const PercentInput = ({
  id,
  value,
  onChange,
  invalid,
  testId,
}: {
  id: string
  value: string
  onChange: (value: string) => void
  invalid: boolean
  testId: string
}) => (
  <div className="flex items-center gap-x-2">
    <Input
      id={id}
      type="number"
      min={0}
      max={100}
      step="any"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={invalid}
      className="w-32"
      data-testid={testId}
    />
    <Text size="small" className="text-ui-fg-subtle">
      %
    </Text>
  </div>
)

/** One amount per currency; a currency left empty is left out of the rule. */
const AmountsInput = ({
  currencies,
  value,
  onChange,
  errors,
  path,
  testId,
}: {
  currencies: string[]
  value: Record<string, string>
  onChange: (value: Record<string, string>) => void
  errors: FieldErrors
  path: string
  testId: string
}) => (
  <div className="flex flex-wrap gap-2">
    {currencies.map((currency) => (
      <div key={currency} className="flex items-center gap-x-1">
        <Text size="small" className="text-ui-fg-subtle w-9">
          {currency.toUpperCase()}
        </Text>
        <Input
          type="number"
          min={0}
          step="any"
          value={value[currency] ?? ""}
          onChange={(e) => {
            const next = { ...value, [currency]: e.target.value }
            if (!e.target.value) {
              delete next[currency]
            }
            onChange(next)
          }}
          aria-label={currency.toUpperCase()}
          aria-invalid={!!errors[`${path}.${currency}`] || !!errors[path]}
          className="w-28"
          data-testid={`${testId}-${currency}`}
        />
      </div>
    ))}
  </div>
)
