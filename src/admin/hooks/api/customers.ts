import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

/** The core customers our pages name (read through the SDK, cached under our own keys). */

export const customerLookupQueryKeys = {
  all: ["customer-suite", "customers"] as const,
  search: (q: string) => [...customerLookupQueryKeys.all, "search", q] as const,
  emails: (ids: string[]) => [...customerLookupQueryKeys.all, "emails", [...ids].sort()] as const,
  detail: (id: string) => [...customerLookupQueryKeys.all, "detail", id] as const,
}

/** Customers matching a search (the first 20), to pick from. */
export const useCustomerSearch = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: customerLookupQueryKeys.search(q),
    queryFn: () => sdk.admin.customer.list({ q: q || undefined, limit: 20, fields: "id,email,first_name,last_name,has_account" }),
    enabled,
  })

/** The customers' emails by id (one request for a page's rows). */
export const useCustomerEmails = (ids: string[]) =>
  useQuery({
    queryKey: customerLookupQueryKeys.emails(ids),
    queryFn: async () => {
      const { customers } = await sdk.admin.customer.list({ id: ids, limit: ids.length, fields: "id,email" })
      return Object.fromEntries(customers.map((c) => [c.id, c.email]))
    },
    enabled: ids.length > 0,
  })

/** One customer's name and email (no retry: the customer may have been deleted). */
export const useCustomerName = (id: string) =>
  useQuery({
    queryKey: customerLookupQueryKeys.detail(id),
    queryFn: () => sdk.admin.customer.retrieve(id, { fields: "id,email,first_name,last_name" }),
    retry: false,
  })
