import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

export type CapabilitySettings = {
  id: string
  name: string
  description: string
  enabled: boolean
  available: boolean
  settings: Record<string, unknown>
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
