import { defineRouteConfig } from "@medusajs/admin-sdk"
import { UsersSolid } from "@medusajs/icons"
import { Badge, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { ActivitySettings } from "../../../components/settings/activity-settings"
import { AssistanceSettings } from "../../../components/settings/assistance-settings"
import { GroupSetting } from "../../../components/settings/group-setting"
import { BackfillPanel } from "../../../components/segments/backfill-panel"
import { useSuiteSettings } from "../../../hooks/api/settings"
import { ACTIVITY_FIELDS, ACTIVITY_FORMS, ASSISTANCE_KEYS } from "../../../lib/types/settings"
import type { AdminCapabilitySettings } from "../../../../types/http"
import { TitleBlock } from "../../../components/common/query-state"
import { useTranslation } from "react-i18next"
import { describeSchedule } from "../../../lib/schedule"

const formatValue = (value: unknown): string => {
  if (value === null || value === undefined) {
    return "—"
  }
  if (Array.isArray(value)) {
    return value.length ? value.join(", ") : "none"
  }
  if (typeof value === "boolean") {
    return value ? "Yes" : "No"
  }
  if (typeof value === "number") {
    return value.toLocaleString()
  }
  return String(value)
}

/** The settings this page edits (others the API accepts are shown read-only here). */
const EDITORS: Record<string, readonly string[]> = {
  customer_groups: ["default_group", "guest_group"],
  assistance: ASSISTANCE_KEYS,
  activity: [...ACTIVITY_FORMS.filter((form) => form !== "general"), ...ACTIVITY_FIELDS.general.map((field) => field.key)],
}

const humanize = (key: string) =>
  key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, " ")

/** A read-only setting: its label and value in words (schedules as words and the raw cron, minutes with their unit). */
const ReadOnlySetting = ({ settingKey, value }: { settingKey: string; value: unknown }) => {
  const { t } = useTranslation()
  const label = t(`customerSuite.settings.readOnly.${settingKey}`, { defaultValue: humanize(settingKey) })
  const schedule = settingKey.endsWith("_schedule") && typeof value === "string" ? describeSchedule(value) : null
  return (
    <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-3" data-testid={`customer-suite-setting-${settingKey}`}>
      <Text size="small" weight="plus" leading="compact">
        {label}
      </Text>
      {schedule ? (
        <div>
          <Text size="small" leading="compact" data-testid="customer-suite-schedule-words">
            {schedule}
          </Text>
          <Text size="xsmall" leading="compact" className="text-ui-fg-muted font-mono">
            {String(value)}
          </Text>
        </div>
      ) : (
        <Text size="small" leading="compact" className="break-words">
          {settingKey.endsWith("_minutes") && typeof value === "number" ? t("customerSuite.settings.minutes", { count: value }) : formatValue(value)}
        </Text>
      )}
    </div>
  )
}

const CapabilitySection = ({ capability }: { capability: AdminCapabilitySettings }) => {
  // Settings with an editor on this page are shown by it instead of a read-only row.
  const entries = Object.entries(capability.settings).filter(([key]) => !(EDITORS[capability.id] ?? []).includes(key))
  return (
    <Container
      className="divide-y p-0"
      data-testid={`customer-suite-capability-${capability.id}`}
    >
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <TitleBlock level="h2" title={capability.name} hint={capability.description} />
        <div className="flex shrink-0 items-center gap-x-2">
          {!capability.available && <Badge size="2xsmall">Planned</Badge>}
          <StatusBadge color={capability.enabled ? "green" : "grey"}>
            {capability.enabled ? "Enabled" : "Disabled"}
          </StatusBadge>
        </div>
      </div>
      {entries.map(([key, value]) => (
        <ReadOnlySetting key={key} settingKey={key} value={value} />
      ))}
      {capability.id === "customer_groups" &&
        (["default_group", "guest_group"] as const).map((key) => <GroupSetting key={key} capability={capability} settingKey={key} />)}
      {capability.id === "assistance" && <AssistanceSettings capability={capability} />}
      {capability.id === "activity" && <ActivitySettings capability={capability} />}
    </Container>
  )
}

const CustomerSuiteSettingsPage = () => {
  const { data, isPending, isError, error } = useSuiteSettings()

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="px-6 py-4">
        <Heading level="h1">Customer suite</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The effective configuration of medusa-customer-suite: plugin options from
          medusa-config.ts after defaults.
        </Text>
      </Container>
      {isPending && (
        <Container className="px-6 py-4" aria-busy="true">
          <Text size="small">Loading settings…</Text>
        </Container>
      )}
      {isError && (
        <Container className="px-6 py-4" role="alert">
          <Text size="small" className="text-ui-fg-error">
            Could not load the settings: {error instanceof Error ? error.message : "unknown error"}
          </Text>
        </Container>
      )}
      {data?.settings.capabilities.map((capability) => (
        <CapabilitySection key={capability.id} capability={capability} />
      ))}
      {data?.settings.capabilities.some((c) => c.id === "segments" && c.enabled) && <BackfillPanel />}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Customer suite",
  icon: UsersSolid,
})

export default CustomerSuiteSettingsPage
