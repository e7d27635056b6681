import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

/** The store's settings our forms need. */

export const storeCurrenciesQueryKeys = {
  all: ["customer-suite", "store-currencies"] as const,
}

/** The store's currencies, lower case, the default first (money values, amounts per currency). */
export const useStoreCurrencies = () =>
  useQuery({
    queryKey: storeCurrenciesQueryKeys.all,
    queryFn: async () => {
      const { stores } = await sdk.admin.store.list({ fields: "id,*supported_currencies" })
      const currencies = stores[0]?.supported_currencies ?? []
      return [...currencies].sort((a, b) => Number(b.is_default) - Number(a.is_default)).map((c) => c.currency_code.toLowerCase())
    },
    staleTime: Infinity,
  })
