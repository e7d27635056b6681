import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

export type CapabilitySettings = {
  id: string
  name: string
  description: string
  enabled: boolean
  available: boolean
  settings: Record<string, unknown>
  /** Keys changed in the admin. */
  overridden: string[]
  /** Keys the admin may change. */
  editable: string[]
}

export type SuiteSettingsResponse = {
  settings: { capabilities: CapabilitySettings[] }
}

export const suiteSettingsQueryKeys = {
  all: ["customer-suite", "settings"] as const,
  detail: () => [...suiteSettingsQueryKeys.all, "detail"] as const,
}

export const useSuiteSettings = () =>
  useQuery({
    queryKey: suiteSettingsQueryKeys.detail(),
    queryFn: () =>
      sdk.client.fetch<SuiteSettingsResponse>("/admin/customer-suite/settings"),
  })

/** Login-as-customer settings as the settings page sends them (each one optional). */
export type AssistanceSettingsUpdate = {
  enabled?: boolean
  consent?: "opt_in" | "not_required"
  code_ttl_seconds?: number
  session_ttl_minutes?: number
  storefront_url?: string | null
  require_reason?: boolean
  denied_actions?: string[]
}

export type SettingsUpdate = {
  customer_groups?: { default_group?: string | null; guest_group?: string | null }
  assistance?: AssistanceSettingsUpdate
  reset?: string[]
}

/** Changes settings an admin may change; the page and its dependants refetch. */
export const useUpdateSuiteSettings = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: SettingsUpdate) =>
      sdk.client.fetch<SuiteSettingsResponse>("/admin/customer-suite/settings", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: suiteSettingsQueryKeys.all }),
  })
}
