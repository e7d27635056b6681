import { useQuery } from "@tanstack/react-query"
import { post } from "../../lib/api"
import { sdk } from "../../lib/sdk"
import type { AdminCapabilitySettingsOf, AdminSuiteSettingsResponse, AdminUpdateSuiteSettingsBody, CapabilityId } from "../../../types/http"
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
    queryFn: () => sdk.client.fetch<AdminSuiteSettingsResponse>(SETTINGS),
  })

/** Changes settings an admin may change; answers the settings as they are now (the page and its dependants refetch). */
export const useUpdateSuiteSettings = () =>
  useWrite(
    (body: AdminUpdateSuiteSettingsBody) => post<AdminSuiteSettingsResponse>(SETTINGS, body),
    (client) => client.invalidateQueries({ queryKey: suiteSettingsQueryKeys.all })
  )

/** One capability of a settings answer, typed by its id (its settings are that capability's). */
export const capabilityOf = <K extends CapabilityId>(answer: AdminSuiteSettingsResponse | undefined, id: K) =>
  answer?.settings.capabilities.find((c): c is AdminCapabilitySettingsOf<K> => c.id === id)
