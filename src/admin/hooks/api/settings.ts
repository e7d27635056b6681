import { useQuery } from "@tanstack/react-query"
import { post } from "../../lib/api"
import { sdk } from "../../lib/sdk"
import type { SettingsUpdate, SuiteSettingsResponse } from "../../lib/types/settings"
import { useWrite } from "./use-write"

/** The plugin's settings (src/api/admin/customer-suite/settings). */

const SETTINGS = "/admin/customer-suite/settings"

export const suiteSettingsQueryKeys = {
  all: ["customer-suite", "settings"] as const,
  detail: () => [...suiteSettingsQueryKeys.all, "detail"] as const,
}

export const useSuiteSettings = () =>
  useQuery({
    queryKey: suiteSettingsQueryKeys.detail(),
    queryFn: () => sdk.client.fetch<SuiteSettingsResponse>(SETTINGS),
  })

/** Changes settings an admin may change; answers the settings as they are now (the page and its dependants refetch). */
export const useUpdateSuiteSettings = () =>
  useWrite(
    (body: SettingsUpdate) => post<SuiteSettingsResponse>(SETTINGS, body),
    (client) => client.invalidateQueries({ queryKey: suiteSettingsQueryKeys.all })
  )
