import { Badge, Button, Input, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useState, type FormEvent, type ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { useUpdateSuiteSettings, type AssistanceSettingsUpdate, type CapabilitySettings } from "../../hooks/api/settings"
import { messageOf } from "../../lib/api"
import { ASSISTANCE_KEYS, CONSENT_MODES, type AssistanceKey } from "../../lib/assistance-model"

type Key = AssistanceKey

/** The form's values as typed (numbers and lists as text until saved). */
type Draft = Record<Key, string | boolean>

const draftOf = (capability: CapabilitySettings): Draft => {
  const s = capability.settings
  return {
    enabled: capability.enabled,
    consent: String(s.consent ?? "opt_in"),
    code_ttl_seconds: String(s.code_ttl_seconds ?? ""),
    session_ttl_minutes: String(s.session_ttl_minutes ?? ""),
    storefront_url: typeof s.storefront_url === "string" ? s.storefront_url : "",
    require_reason: s.require_reason !== false,
    denied_actions: Array.isArray(s.denied_actions) ? s.denied_actions.join("\n") : "",
  }
}

/** What the API takes for a key (blank numbers stay text so the API names the field). */
const valueOf = (key: Key, value: string | boolean): unknown => {
  if (typeof value === "boolean") {
    return value
  }
  switch (key) {
    case "code_ttl_seconds":
    case "session_ttl_minutes":
      return value.trim() === "" || Number.isNaN(Number(value)) ? value : Number(value)
    case "storefront_url":
      return value.trim() || null
    case "denied_actions":
      return value
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
    default:
      return value
  }
}

/**
 * "assistance.code_ttl_seconds: must be …; assistance.storefront_url: …" →
 * each message under its field; what names no field goes under the form.
 */
const splitAssistanceErrors = (message: string) => {
  const fields: Partial<Record<Key, string>> = {}
  const pattern = /assistance\.([a-z_]+)[^:\s]*: /g
  const matches = [...message.matchAll(pattern)]
  matches.forEach((match, i) => {
    const key = match[1] as Key
    if (!(ASSISTANCE_KEYS as readonly string[]).includes(key)) {
      return
    }
    const end = i + 1 < matches.length ? matches[i + 1].index : message.length
    const text = message.slice(match.index, end).replace(/[;,\s]+$/, "")
    fields[key] = fields[key] ? `${fields[key]}; ${text}` : text
  })
  return { fields, form: matches.length ? null : message }
}

/**
 * Settings → Customer suite → Login as customer: every setting an admin may
 * change, saved together (only the changed ones are sent); "Use plugin option"
 * puts one back to medusa-config.ts. API errors show next to their field.
 */
export const AssistanceSettings = ({ capability }: { capability: CapabilitySettings }) => {
  const { t } = useTranslation()
  const update = useUpdateSuiteSettings()
  const saved = draftOf(capability)
  const [draft, setDraft] = useState<Partial<Draft>>({})
  const [errors, setErrors] = useState<{ fields: Partial<Record<Key, string>>; form: string | null }>({ fields: {}, form: null })
  const value = <K extends Key>(key: K) => draft[key] ?? saved[key]
  const changed = ASSISTANCE_KEYS.filter((key) => key in draft && draft[key] !== saved[key])
  const set = (key: Key, next: string | boolean) => setDraft((d) => ({ ...d, [key]: next }))

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setErrors({ fields: {}, form: null })
    const assistance = Object.fromEntries(changed.map((key) => [key, valueOf(key, value(key))])) as AssistanceSettingsUpdate
    try {
      await update.mutateAsync({ assistance })
      setDraft({})
      toast.success(t("customerSuite.settings.saved"))
    } catch (error) {
      setErrors(splitAssistanceErrors(messageOf(error)))
      toast.error(t("customerSuite.settings.saveFailed"))
    }
  }

  const reset = async (key: Key) => {
    try {
      await update.mutateAsync({ reset: [`assistance.${key}`] })
      setDraft(({ [key]: _dropped, ...rest }) => rest)
      setErrors((e) => ({ ...e, fields: { ...e.fields, [key]: undefined } }))
      toast.success(t("customerSuite.settings.saved"))
    } catch (error) {
      toast.error(t("customerSuite.settings.saveFailed"), { description: messageOf(error) })
    }
  }

  const row = (key: Key, editor: ReactNode) => (
    <Row
      key={key}
      settingKey={key}
      overridden={capability.overridden.includes(key)}
      error={errors.fields[key]}
      onReset={() => reset(key)}
      busy={update.isPending}
    >
      {editor}
    </Row>
  )
  const id = (key: Key) => `customer-suite-assistance-${key}`

  return (
    <form onSubmit={onSubmit} className="divide-y" data-testid="customer-suite-assistance-settings">
      {row(
        "enabled",
        <Switch id={id("enabled")} checked={value("enabled") === true} onCheckedChange={(checked) => set("enabled", checked)} />
      )}
      {row(
        "consent",
        <Select size="small" value={String(value("consent"))} onValueChange={(v) => set("consent", v)}>
          <Select.Trigger id={id("consent")} aria-label={t("customerSuite.assistance.settings.consent.label")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {CONSENT_MODES.map((mode) => (
              <Select.Item key={mode} value={mode}>
                {t(`customerSuite.assistance.settings.consentMode.${mode}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      )}
      {(["code_ttl_seconds", "session_ttl_minutes"] as const).map((key) =>
        row(key, <Input id={id(key)} size="small" type="number" value={String(value(key))} onChange={(e) => set(key, e.target.value)} />)
      )}
      {row(
        "storefront_url",
        <Input
          id={id("storefront_url")}
          size="small"
          value={String(value("storefront_url"))}
          placeholder="https://shop.example/account/assist?code={code}"
          onChange={(e) => set("storefront_url", e.target.value)}
        />
      )}
      {row(
        "require_reason",
        <Switch id={id("require_reason")} checked={value("require_reason") === true} onCheckedChange={(checked) => set("require_reason", checked)} />
      )}
      {row(
        "denied_actions",
        <Textarea id={id("denied_actions")} rows={6} className="font-mono text-xs" value={String(value("denied_actions"))} onChange={(e) => set("denied_actions", e.target.value)} />
      )}
      <div className="flex items-center justify-end gap-x-2 px-6 py-3">
        {errors.form && (
          <Text size="small" className="text-ui-fg-error mr-auto" role="alert">
            {errors.form}
          </Text>
        )}
        <Button size="small" variant="secondary" type="button" disabled={!changed.length} onClick={() => setDraft({})}>
          {t("customerSuite.common.cancel")}
        </Button>
        <Button size="small" type="submit" disabled={!changed.length} isLoading={update.isPending} data-testid="customer-suite-assistance-save">
          {t("customerSuite.common.save")}
        </Button>
      </div>
    </form>
  )
}

const Row = ({
  settingKey,
  overridden,
  error,
  onReset,
  busy,
  children,
}: {
  settingKey: Key
  overridden: boolean
  error?: string
  onReset: () => void
  busy: boolean
  children: ReactNode
}) => {
  const { t } = useTranslation()
  return (
    <div className="grid grid-cols-2 items-start gap-x-4 px-6 py-3" data-testid={`customer-suite-assistance-setting-${settingKey}`}>
      <div>
        <label htmlFor={`customer-suite-assistance-${settingKey}`} className="txt-compact-small-plus text-ui-fg-subtle">
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
            {t("customerSuite.assistance.settings.reset")}
          </Button>
        )}
      </div>
      <div className="flex flex-col gap-y-1">
        {children}
        {error && (
          <Text size="small" className="text-ui-fg-error" role="alert" data-testid={`customer-suite-assistance-error-${settingKey}`}>
            {error}
          </Text>
        )}
      </div>
    </div>
  )
}
