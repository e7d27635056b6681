import { zodResolver } from "@hookform/resolvers/zod"
import { Badge, Button, Input, Switch, Text, Textarea } from "@medusajs/ui"
import { toast } from "../common/toast"
import { useEffect, type ReactNode } from "react"
import { Controller, useForm } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { capabilityOf, useUpdateSuiteSettings } from "../../hooks/api/settings"
import { NO_FIELD, fieldErrorsOf, flattenFormErrors, readableMessage, setApiErrors } from "../../lib/field-errors"
import {
  assistanceSettingsErrors,
  assistanceSettingsFormSchema,
  assistanceSettingsFormValues,
  assistanceSettingsUpdate,
  changedSettings,
  type AssistanceSettingsForm,
} from "../../lib/forms/assistance-settings"
import { CONSENT_MODES, type AssistanceKey } from "../../lib/types/settings"
import type { AdminCapabilitySettingsOf, AdminSuiteSettingsResponse } from "../../../types/http"
import { FieldError } from "../common/field"
import { FormSelect } from "../common/option-select"

const id = (key: AssistanceKey) => `customer-suite-assistance-${key}`

/** The settings in force for login as customer, from an answer of the settings API. */
const assistanceOf = (answer: AdminSuiteSettingsResponse, fallback: AdminCapabilitySettingsOf<"assistance">) =>
  assistanceSettingsFormValues(capabilityOf(answer, "assistance") ?? fallback)

/**
 * Settings → Customer suite → Login as customer: every setting an admin may
 * change, saved together (only the changed ones are sent); "Use plugin option"
 * puts one back to medusa-config.ts. API errors show next to their field.
 */
export const AssistanceSettings = ({ capability }: { capability: AdminCapabilitySettingsOf<"assistance"> }) => {
  const { t } = useTranslation()
  const update = useUpdateSuiteSettings()
  const saved = assistanceSettingsFormValues(capability)
  const form = useForm<AssistanceSettingsForm>({ defaultValues: saved, resolver: zodResolver(assistanceSettingsFormSchema), reValidateMode: "onSubmit" })
  const { control, register } = form
  // Settings nobody is editing follow the ones in force (after a save or a reset here, or elsewhere).
  const savedText = JSON.stringify(saved)
  useEffect(() => form.reset(JSON.parse(savedText), { keepDirtyValues: true }), [savedText, form])
  const changed = changedSettings(form.watch(), saved)
  const errors = flattenFormErrors(form.formState.errors)

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      form.reset(assistanceOf(await update.mutateAsync(assistanceSettingsUpdate(values, saved)), capability))
      toast.success(t("customerSuite.settings.saved"))
    } catch (error) {
      setApiErrors(form.setError, assistanceSettingsErrors(fieldErrorsOf(error)))
      toast.error(t("customerSuite.settings.saveFailed"))
    }
  })

  const reset = async (key: AssistanceKey) => {
    try {
      const answer = await update.mutateAsync({ reset: [`assistance.${key}`] })
      form.resetField(key, { defaultValue: assistanceOf(answer, capability)[key] })
      form.clearErrors(key)
      toast.success(t("customerSuite.settings.saved"))
    } catch (error) {
      toast.error(t("customerSuite.settings.saveFailed"), { description: readableMessage(error) })
    }
  }

  /** The plugin option a reset goes back to, in words. */
  const optionText = (key: AssistanceKey): string => {
    const value: unknown = capability.plugin_options[key]
    if (value === null || value === undefined || value === "") {
      return t("customerSuite.settings.notSet")
    }
    if (typeof value === "boolean") {
      return t(value ? "customerSuite.settings.on" : "customerSuite.settings.off")
    }
    if (Array.isArray(value)) {
      return t("customerSuite.settings.entries", { count: value.length })
    }
    if (key === "consent") {
      return t(`customerSuite.assistance.settings.consentMode.${String(value)}`)
    }
    const text = String(value)
    return text.length > 40 ? `${text.slice(0, 39)}…` : text
  }

  const row = (key: AssistanceKey, editor: ReactNode) => (
    <SettingRow
      key={key}
      settingKey={key}
      overridden={capability.overridden.includes(key)}
      option={optionText(key)}
      error={errors[key]}
      onReset={() => reset(key)}
      busy={update.isPending}
    >
      {editor}
    </SettingRow>
  )
  const toggle = (key: "enabled" | "require_reason") => (
    <Controller control={control} name={key} render={({ field }) => <Switch id={id(key)} checked={field.value} onCheckedChange={field.onChange} />} />
  )

  return (
    <form onSubmit={onSubmit} className="divide-y" data-testid="customer-suite-assistance-settings">
      {row("enabled", toggle("enabled"))}
      {row(
        "consent",
        <FormSelect
          control={control}
          name="consent"
          size="small"
          id={id("consent")}
          label={t("customerSuite.assistance.settings.consent.label")}
          options={CONSENT_MODES.map((mode) => ({ value: mode, label: t(`customerSuite.assistance.settings.consentMode.${mode}`) }))}
        />
      )}
      {(["code_ttl_seconds", "session_ttl_minutes"] as const).map((key) => row(key, <Input id={id(key)} size="small" type="number" {...register(key)} />))}
      {row("storefront_url", <Input id={id("storefront_url")} size="small" placeholder="https://shop.example/account/assist?code={code}" {...register("storefront_url")} />)}
      {row("require_reason", toggle("require_reason"))}
      {row("consent_label", <Input id={id("consent_label")} size="small" {...register("consent_label")} />)}
      {row("consent_help", <Textarea id={id("consent_help")} rows={3} {...register("consent_help")} />)}
      {row("denied_actions", <Textarea id={id("denied_actions")} rows={6} className="font-mono text-xs" {...register("denied_actions")} />)}
      <div className="flex items-center justify-end gap-x-2 px-6 py-3">
        {errors[NO_FIELD] && (
          <Text size="small" className="text-ui-fg-error mr-auto" role="alert">
            {errors[NO_FIELD]}
          </Text>
        )}
        <Button size="small" variant="secondary" type="button" disabled={!changed.length} onClick={() => form.reset(saved)}>
          {t("customerSuite.common.cancel")}
        </Button>
        <Button size="small" type="submit" disabled={!changed.length} isLoading={update.isPending} data-testid="customer-suite-assistance-save">
          {t("customerSuite.common.save")}
        </Button>
      </div>
    </form>
  )
}

/** One setting: its label, hint and whether it was changed here (with a way back to the plugin option), then its editor and error. */
const SettingRow = ({
  settingKey,
  overridden,
  option,
  error,
  onReset,
  busy,
  children,
}: {
  settingKey: AssistanceKey
  overridden: boolean
  /** The plugin option's value, in words. */
  option: string
  error?: string
  onReset: () => void
  busy: boolean
  children: ReactNode
}) => {
  const { t } = useTranslation()
  return (
    <div className="grid grid-cols-2 items-start gap-x-4 px-6 py-3" data-testid={`customer-suite-assistance-setting-${settingKey}`}>
      <div>
        <label htmlFor={id(settingKey)} className="txt-compact-small-plus text-ui-fg-subtle">
          {t(`customerSuite.assistance.settings.${settingKey}.label`)}
        </label>
        {overridden && (
          <Badge size="2xsmall" className="ml-2">
            {t("customerSuite.settings.changedHere")}
          </Badge>
        )}
        <Text size="xsmall" className="text-ui-fg-muted">
          {t(`customerSuite.assistance.settings.${settingKey}.hint`)}
        </Text>
        {overridden && (
          <Button size="small" variant="transparent" type="button" className="-ml-2 mt-1" onClick={onReset} disabled={busy} data-testid={`customer-suite-assistance-reset-${settingKey}`}>
            {t("customerSuite.assistance.settings.reset", { value: option })}
          </Button>
        )}
      </div>
      <div className="flex flex-col gap-y-1">
        {children}
        <FieldError error={error} testId={`customer-suite-assistance-error-${settingKey}`} />
      </div>
    </div>
  )
}
