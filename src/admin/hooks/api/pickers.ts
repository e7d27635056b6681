import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { toSearch } from "../../lib/api"
import { countryLabel, searchCountries, type PickerOption } from "../../lib/countries"
import { sdk } from "../../lib/sdk"
import type { AdminAudienceListResponse, AdminCustomerSegment, ValuePicker } from "../../../types/http"

/**
 * The searchable lists of the value pickers: customer groups, customer
 * segments, audiences, countries, products, collections, categories and product types.
 * Values are ids (country codes for countries); pickers show labels.
 */

export type { PickerOption } from "../../lib/countries"

const PAGE = 20

export const pickerQueryKeys = {
  all: ["customer-suite", "picker"] as const,
  options: (picker: ValuePicker, q: string, language: string | null) => [...pickerQueryKeys.all, picker, q, language] as const,
  labels: (picker: ValuePicker | undefined, ids: string[], language: string | null) =>
    [...pickerQueryKeys.all, "labels", picker, [...ids].sort(), language] as const,
}

type Lister = (params: { q?: string; id?: string[]; limit: number }) => Promise<PickerOption[]>

const listers: Record<Exclude<ValuePicker, "country">, Lister> = {
  customer_group: async ({ q, id, limit }) => {
    const { customer_groups } = await sdk.admin.customerGroup.list({ q, id, limit, fields: "id,name" })
    return customer_groups.map((g) => ({ value: g.id, label: g.name ?? g.id }))
  },
  segment: async ({ q, id, limit }) => {
    const { customer_segments } = await sdk.client.fetch<{ customer_segments: Pick<AdminCustomerSegment, "id" | "name">[] }>(
      `/admin/customer-segments${toSearch({ q, id, limit, fields: "id,name" })}`
    )
    return customer_segments.map((s) => ({ value: s.id, label: s.name }))
  },
  audience: async ({ q, id, limit }) => {
    const { audiences } = await sdk.client.fetch<AdminAudienceListResponse>(`/admin/audiences${toSearch({ q, id, limit })}`)
    return audiences.map((a) => ({ value: a.id, label: a.name, hint: a.source.name }))
  },
  product: async ({ q, id, limit }) => {
    const { products } = await sdk.admin.product.list({ q, id, limit, fields: "id,title,handle" })
    return products.map((p) => ({ value: p.id, label: p.title, hint: p.handle ?? undefined }))
  },
  collection: async ({ q, id, limit }) => {
    const { collections } = await sdk.admin.productCollection.list({ q, id, limit, fields: "id,title,handle" })
    return collections.map((c) => ({ value: c.id, label: c.title, hint: c.handle ?? undefined }))
  },
  category: async ({ q, id, limit }) => {
    const { product_categories } = await sdk.admin.productCategory.list({ q, id, limit, fields: "id,name,handle" })
    return product_categories.map((c) => ({ value: c.id, label: c.name, hint: c.handle ?? undefined }))
  },
  product_type: async ({ q, id, limit }) => {
    const { product_types } = await sdk.admin.productType.list({ q, id, limit, fields: "id,value" })
    return product_types.map((t) => ({ value: t.id, label: t.value }))
  },
}

/** The admin's language: country names depend on it, other lists do not. */
const useLanguage = (picker: ValuePicker | undefined) => {
  const { i18n } = useTranslation()
  return picker === "country" ? i18n.language || "en" : null
}

/** Options matching a search (the first page). */
export const usePickerOptions = (picker: ValuePicker, q: string, enabled: boolean) => {
  const language = useLanguage(picker)
  return useQuery({
    queryKey: pickerQueryKeys.options(picker, q, language),
    queryFn: () =>
      picker === "country" ? searchCountries(language ?? "en", q).slice(0, 50) : listers[picker]({ q: q.trim() || undefined, limit: PAGE }),
    enabled,
    staleTime: 30_000,
  })
}

/** Labels of stored ids (values saved earlier or typed in text mode). */
export const usePickerLabels = (picker: ValuePicker | undefined, ids: string[]) => {
  const language = useLanguage(picker)
  return useQuery({
    queryKey: pickerQueryKeys.labels(picker, ids, language),
    queryFn: async (): Promise<Record<string, string>> => {
      if (!picker || !ids.length) {
        return {}
      }
      if (picker === "country") {
        return Object.fromEntries(ids.map((id) => [id, countryLabel(id, language ?? "en")]))
      }
      const options = await listers[picker]({ id: ids, limit: ids.length })
      return Object.fromEntries(options.map((o) => [o.value, o.label]))
    },
    enabled: !!picker && ids.length > 0,
    staleTime: 60_000,
  })
}
