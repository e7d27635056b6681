import { useQuery } from "@tanstack/react-query"
import { adminName } from "../../lib/assistance"
import { sdk } from "../../lib/sdk"

/** The store's admins (the assistance log's filter). */

export const adminOptionsQueryKeys = {
  all: ["customer-suite", "admin-options"] as const,
}

/** Admins (the first 200) as select options, by name. */
export const useAdminOptions = () =>
  useQuery({
    queryKey: adminOptionsQueryKeys.all,
    queryFn: async () => {
      const { users } = await sdk.admin.user.list({ limit: 200, fields: "id,email,first_name,last_name" })
      return users.map((u) => ({ value: u.id, label: adminName(u) ?? u.id }))
    },
  })
