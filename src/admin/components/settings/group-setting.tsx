import { Badge, Button, Select, Text, toast } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useUpdateSuiteSettings, type CapabilitySettings } from "../../hooks/api/settings"
import { sdk } from "../../lib/sdk"

const RESET = "__option__"
const NONE = "__none__"

/**
 * Settings → Customer suite: pick the group new registered customers (or
 * guests) join. Existing customers are never moved; "plugin option" removes
 * the admin's choice so medusa-config.ts applies again.
 */
export const GroupSetting = ({ capability, settingKey }: { capability: CapabilitySettings; settingKey: "default_group" | "guest_group" }) => {
  const { t } = useTranslation()
  const groups = useQuery({
    queryKey: ["customer-suite", "settings-groups"],
    queryFn: () => sdk.admin.customerGroup.list({ limit: 200, fields: "id,name", order: "name" }),
  })
  const update = useUpdateSuiteSettings()
  const current = capability.settings[settingKey] as string | null
  const overridden = capability.overridden.includes(settingKey)
  const match = groups.data?.customer_groups.find((g) => g.id === current || g.name === current)
  const selected = !overridden ? RESET : current === null ? NONE : (match?.id ?? NONE)
  const [value, setValue] = useState<string | null>(null)
  const chosen = value ?? selected

  const save = async () => {
    try {
      await update.mutateAsync(
        chosen === RESET
          ? { reset: [`customer_groups.${settingKey}`] }
          : { customer_groups: { [settingKey]: chosen === NONE ? null : chosen } }
      )
      setValue(null)
      toast.success(t("customerSuite.settings.saved"))
    } catch (error) {
      toast.error(t("customerSuite.settings.saveFailed"), { description: error instanceof Error ? error.message : undefined })
    }
  }

  return (
    <div className="grid grid-cols-2 items-center gap-x-4 px-6 py-3" data-testid={`customer-suite-setting-${settingKey}`}>
      <div>
        <Text size="small" weight="plus" leading="compact" className="text-ui-fg-subtle">
          {t(`customerSuite.settings.${settingKey}.label`)}
          {overridden && (
            <Badge size="2xsmall" className="ml-2">
              {t("customerSuite.settings.changedHere")}
            </Badge>
          )}
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted">
          {t(`customerSuite.settings.${settingKey}.hint`)}
        </Text>
      </div>
      <div className="flex items-center gap-x-2">
        <Select size="small" value={chosen} onValueChange={setValue} disabled={groups.isPending}>
          <Select.Trigger aria-label={t(`customerSuite.settings.${settingKey}.label`)}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={RESET}>{t("customerSuite.settings.pluginOption")}</Select.Item>
            <Select.Item value={NONE}>{t("customerSuite.settings.noGroup")}</Select.Item>
            {groups.data?.customer_groups.map((g) => (
              <Select.Item key={g.id} value={g.id}>
                {g.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Button size="small" variant="secondary" onClick={save} disabled={chosen === selected} isLoading={update.isPending}>
          {t("customerSuite.common.save")}
        </Button>
      </div>
      {groups.isError && (
        <Text size="small" className="text-ui-fg-error col-span-2" role="alert">
          {t("customerSuite.common.loadError")}
        </Text>
      )}
    </div>
  )
}
