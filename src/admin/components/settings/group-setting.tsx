import { Badge, Button, Text } from "@medusajs/ui"
import { toast } from "../common/toast"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useCustomerGroupOptions } from "../../hooks/api/customer-groups"
import { useUpdateSuiteSettings } from "../../hooks/api/settings"
import type { AdminCapabilitySettingsOf } from "../../../types/http"
import { OptionSelect } from "../common/option-select"
import { readableMessage } from "../../lib/field-errors"

const RESET = "__option__"
const NONE = "__none__"

/**
 * Settings → Customer suite: pick the group new registered customers (or
 * guests) join. Existing customers are never moved; "plugin option" removes
 * the admin's choice so medusa-config.ts applies again.
 */
export const GroupSetting = ({ capability, settingKey }: { capability: AdminCapabilitySettingsOf<"customer_groups">; settingKey: "default_group" | "guest_group" }) => {
  const { t } = useTranslation()
  const groups = useCustomerGroupOptions()
  const update = useUpdateSuiteSettings()
  const current = capability.settings[settingKey]
  const overridden = capability.overridden.includes(settingKey)
  // The setting holds a group id or name.
  const match = groups.data?.find((g) => g.value === current || g.label === current)
  // What "plugin option" stands for: the option's group by name (the option holds an id or a name), or no group.
  const option = capability.plugin_options[settingKey] ?? null
  const optionName = option === null ? t("customerSuite.settings.noGroup") : (groups.data?.find((g) => g.value === option || g.label === option)?.label ?? option)
  const selected = !overridden ? RESET : current === null ? NONE : (match?.value ?? NONE)
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
      toast.error(t("customerSuite.settings.saveFailed"), { description: readableMessage(error) })
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
        <OptionSelect
          size="small"
          label={t(`customerSuite.settings.${settingKey}.label`)}
          value={chosen}
          onValueChange={setValue}
          disabled={groups.isPending}
          options={[
            { value: RESET, label: t("customerSuite.settings.pluginOption", { value: optionName }) },
            { value: NONE, label: t("customerSuite.settings.noGroup") },
            ...(groups.data ?? []),
          ]}
        />
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
