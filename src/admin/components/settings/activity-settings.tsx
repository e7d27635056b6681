import { zodResolver } from "@hookform/resolvers/zod"
import { Badge, Button, Heading, Input, Switch, Text, Textarea } from "@medusajs/ui"
import { toast } from "../common/toast"
import { useEffect, type ReactNode } from "react"
import { Controller, useForm } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { capabilityOf, useUpdateSuiteSettings } from "../../hooks/api/settings"
import { NO_FIELD, fieldErrorsOf, flattenFormErrors, readableMessage, setApiErrors } from "../../lib/field-errors"
import {
  activityPluginOptionValues,
  activityResetPaths,
  activitySettingsErrors,
  activitySettingsFormSchema,
  activitySettingsFormValues,
  activitySettingsUpdate,
  changedActivitySettings,
  type ActivitySettingsForm,
} from "../../lib/forms/activity-settings"
import { ACTIVITY_FIELDS, ACTIVITY_FORMS, type ActivityField, type ActivityForm } from "../../lib/types/settings"
import type { AdminCapabilitySettingsOf, AdminSuiteSettingsResponse } from "../../../types/http"
import { FieldError } from "../common/field"
import { FormSelect } from "../common/option-select"

type Activity = AdminCapabilitySettingsOf<"activity">

const id = (form: ActivityForm, key: string) => `customer-suite-activity-${form}-${key}`
const text = (form: ActivityForm, key: string, part: "label" | "hint") => `customerSuite.activity.settings.${form}.${key}.${part}`

/**
 * Settings → Customer suite → Account security: a form per group of settings
 * (sign-in protection, password reset, password rules, Now Online) and one
 * for the settings beside them. A group is stored whole and goes back to the
 * plugin option whole; only changed settings are sent.
 */
export const ActivitySettings = ({ capability }: { capability: Activity }) => (
  <div className="divide-y" data-testid="customer-suite-activity-settings">
    {ACTIVITY_FORMS.map((form) => (
      <ActivityGroupForm key={form} form={form} capability={capability} />
    ))}
  </div>
)

const ActivityGroupForm = ({ form: group, capability }: { form: ActivityForm; capability: Activity }) => {
  const { t } = useTranslation()
  const update = useUpdateSuiteSettings()
  const fields: readonly ActivityField[] = ACTIVITY_FIELDS[group]
  const saved = activitySettingsFormValues(capability, group)
  const options = activityPluginOptionValues(capability, group)
  const form = useForm<ActivitySettingsForm>({ defaultValues: saved, resolver: zodResolver(activitySettingsFormSchema), reValidateMode: "onSubmit" })
  const { control, register } = form
  // Settings nobody is editing follow the ones in force (after a save or a reset here, or elsewhere).
  const savedText = JSON.stringify(saved)
  useEffect(() => form.reset(JSON.parse(savedText), { keepDirtyValues: true }), [savedText, form])
  const changed = changedActivitySettings(group, form.watch(), saved)
  const errors = flattenFormErrors(form.formState.errors)
  const valuesOf = (answer: AdminSuiteSettingsResponse) => activitySettingsFormValues(capabilityOf(answer, "activity") ?? capability, group)

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      form.reset(valuesOf(await update.mutateAsync(activitySettingsUpdate(group, values, saved))))
      toast.success(t("customerSuite.settings.saved"))
    } catch (error) {
      setApiErrors(form.setError, activitySettingsErrors(group, fieldErrorsOf(error)))
      toast.error(t("customerSuite.settings.saveFailed"))
    }
  })

  const reset = async (key?: string) => {
    try {
      form.reset(valuesOf(await update.mutateAsync({ reset: activityResetPaths(group, key) })))
      toast.success(t("customerSuite.settings.saved"))
    } catch (error) {
      toast.error(t("customerSuite.settings.saveFailed"), { description: readableMessage(error) })
    }
  }

  /** A value as the page says it (a choice in words, a switch on or off, a list by its count). */
  const inWords = (field: ActivityField, value: string): string => {
    if (field.kind === "switch") {
      return t(value === "true" ? "customerSuite.settings.on" : "customerSuite.settings.off")
    }
    if (field.kind === "choice") {
      return t(`customerSuite.activity.settings.choices.${field.key}.${value}`)
    }
    if (field.kind === "lines") {
      const count = value.split("\n").filter(Boolean).length
      return count ? t("customerSuite.settings.entries", { count }) : t("customerSuite.settings.notSet")
    }
    return value === "" ? t("customerSuite.settings.notSet") : value
  }

  const editor = (field: ActivityField): ReactNode => {
    const fieldId = id(group, field.key)
    switch (field.kind) {
      case "switch":
        return (
          <Controller
            control={control}
            name={field.key}
            render={({ field: f }) => <Switch id={fieldId} checked={f.value === "true"} onCheckedChange={(on) => f.onChange(String(on))} />}
          />
        )
      case "choice":
        return (
          <FormSelect
            control={control}
            name={field.key}
            size="small"
            id={fieldId}
            label={t(text(group, field.key, "label"))}
            options={(field.choices ?? []).map((value) => ({ value, label: t(`customerSuite.activity.settings.choices.${field.key}.${value}`) }))}
          />
        )
      case "lines":
        return <Textarea id={fieldId} rows={3} className="font-mono text-xs" {...register(field.key)} />
      default:
        return (
          <Input
            id={fieldId}
            size="small"
            type="number"
            placeholder={field.kind === "optional_number" ? t("customerSuite.settings.notSet") : undefined}
            {...register(field.key)}
          />
        )
    }
  }

  const groupOverridden = group !== "general" && capability.overridden.includes(group)
  return (
    <form onSubmit={onSubmit} className="divide-y" data-testid={`customer-suite-activity-${group}`}>
      <div className="flex items-start justify-between gap-x-4 px-6 py-3">
        <div>
          <Heading level="h3">
            {t(`customerSuite.activity.settings.groups.${group}.title`)}
            {groupOverridden && (
              <Badge size="2xsmall" className="ml-2">
                {t("customerSuite.settings.changedHere")}
              </Badge>
            )}
          </Heading>
          <Text size="xsmall" className="text-ui-fg-muted">
            {t(`customerSuite.activity.settings.groups.${group}.hint`)}
          </Text>
        </div>
        {groupOverridden && (
          <Button size="small" variant="transparent" type="button" onClick={() => reset()} disabled={update.isPending} data-testid={`customer-suite-activity-reset-${group}`}>
            {t("customerSuite.activity.settings.resetGroup")}
          </Button>
        )}
      </div>
      {fields.map((field) => {
        const overridden = group === "general" ? capability.overridden.includes(field.key) : groupOverridden
        return (
          <div key={field.key} className="grid grid-cols-2 items-start gap-x-4 px-6 py-3" data-testid={`customer-suite-activity-setting-${field.key}`}>
            <div>
              <label htmlFor={id(group, field.key)} className="txt-compact-small-plus text-ui-fg-subtle">
                {t(text(group, field.key, "label"))}
              </label>
              {group === "general" && overridden && (
                <Badge size="2xsmall" className="ml-2">
                  {t("customerSuite.settings.changedHere")}
                </Badge>
              )}
              <Text size="xsmall" className="text-ui-fg-muted">
                {t(text(group, field.key, "hint"))}
              </Text>
              {overridden && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {t("customerSuite.settings.pluginOption", { value: inWords(field, options[field.key] ?? "") })}
                </Text>
              )}
              {group === "general" && overridden && (
                <Button size="small" variant="transparent" type="button" className="-ml-2 mt-1" onClick={() => reset(field.key)} disabled={update.isPending} data-testid={`customer-suite-activity-reset-${field.key}`}>
                  {t("customerSuite.assistance.settings.reset", { value: inWords(field, options[field.key] ?? "") })}
                </Button>
              )}
            </div>
            <div className="flex flex-col gap-y-1">
              {editor(field)}
              <FieldError error={errors[field.key]} testId={`customer-suite-activity-error-${field.key}`} />
            </div>
          </div>
        )
      })}
      <div className="flex items-center justify-end gap-x-2 px-6 py-3">
        {errors[NO_FIELD] && (
          <Text size="small" className="text-ui-fg-error mr-auto" role="alert">
            {errors[NO_FIELD]}
          </Text>
        )}
        <Button size="small" variant="secondary" type="button" disabled={!changed.length} onClick={() => form.reset(saved)}>
          {t("customerSuite.common.cancel")}
        </Button>
        <Button size="small" type="submit" disabled={!changed.length} isLoading={update.isPending} data-testid={`customer-suite-activity-save-${group}`}>
          {t("customerSuite.common.save")}
        </Button>
      </div>
    </form>
  )
}
