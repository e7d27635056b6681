import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import type { ValuePicker } from "./segments"
import { sdk } from "./sdk"

/**
 * Value pickers of the rule builder: searchable lists of customer groups,
 * countries, products, collections, categories and product types. Rules store
 * ids (country codes for countries); the builder shows labels.
 */
export type PickerOption = { value: string; label: string; hint?: string }

const PAGE = 20

/** Codes with a region name that are not current countries: groupings, reserved and withdrawn codes (East Germany, Yugoslavia, …). */
const NOT_COUNTRIES = new Set("EU EZ UN QO XA XB ZZ DD FX YU CS SU TP ZR BU NT AN DG EA IC TA CP AC".split(" "))

const countryLists = new Map<string, PickerOption[]>()

/** ISO 3166-1 alpha-2 codes the browser can name in this language (no country list shipped). */
export function countries(language: string): PickerOption[] {
  const cached = countryLists.get(language)
  if (cached) {
    return cached
  }
  let names: Intl.DisplayNames | null = null
  try {
    names = new Intl.DisplayNames([language, "en"], { type: "region" })
  } catch {
    names = null
  }
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
  const options: PickerOption[] = []
  for (const a of letters) {
    for (const b of letters) {
      const code = `${a}${b}`
      const name = names?.of(code)
      // Unknown codes come back unchanged.
      if (name && name !== code && !NOT_COUNTRIES.has(code)) {
        options.push({ value: code.toLowerCase(), label: name, hint: code })
      }
    }
  }
  const sorted = options.sort((x, y) => x.label.localeCompare(y.label, language))
  countryLists.set(language, sorted)
  return sorted
}

export const countryLabel = (code: string, language: string) =>
  countries(language).find((c) => c.value === code.toLowerCase())?.label ?? code.toUpperCase()

type Lister = (params: { q?: string; id?: string[]; limit: number }) => Promise<PickerOption[]>

const listers: Record<Exclude<ValuePicker, "country">, Lister> = {
  customer_group: async ({ q, id, limit }) => {
    const { customer_groups } = await sdk.admin.customerGroup.list({ q, id, limit, fields: "id,name" })
    return customer_groups.map((g) => ({ value: g.id, label: g.name ?? g.id }))
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
  segment: async ({ q, id, limit }) => {
    const { customer_segments } = await sdk.client.fetch<{ customer_segments: { id: string; name: string }[] }>(
      "/admin/customer-segments",
      { query: { q, id, limit, fields: "id,name" } }
    )
    return customer_segments.map((s) => ({ value: s.id, label: s.name }))
  },
}

/** Options matching a search (the first page). */
export const usePickerOptions = (picker: ValuePicker, q: string, enabled: boolean) => {
  const { i18n } = useTranslation()
  const language = i18n.language || "en"
  return useQuery({
    queryKey: ["customer-suite", "picker", picker, q, picker === "country" ? language : null],
    queryFn: async () => {
      if (picker === "country") {
        const needle = q.trim().toLowerCase()
        return countries(language).filter(
          (c) => !needle || c.label.toLowerCase().includes(needle) || c.value === needle
        ).slice(0, 50)
      }
      return listers[picker]({ q: q.trim() || undefined, limit: PAGE })
    },
    enabled,
    staleTime: 30_000,
  })
}

/** Labels of stored ids (for values saved earlier or typed in text mode). */
export const usePickerLabels = (picker: ValuePicker | undefined, ids: string[]) => {
  const { i18n } = useTranslation()
  const language = i18n.language || "en"
  return useQuery({
    queryKey: ["customer-suite", "picker-labels", picker, [...ids].sort(), picker === "country" ? language : null],
    queryFn: async (): Promise<Record<string, string>> => {
      if (!picker || !ids.length) {
        return {}
      }
      if (picker === "country") {
        return Object.fromEntries(ids.map((id) => [id, countryLabel(id, language)]))
      }
      const options = await listers[picker]({ id: ids, limit: ids.length })
      return Object.fromEntries(options.map((o) => [o.value, o.label]))
    },
    enabled: !!picker && ids.length > 0,
    staleTime: 60_000,
  })
}
