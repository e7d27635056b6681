import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query"
import { messageOf, post, remove, toSearch, useWrite } from "./api"
import { splitErrors, type FieldErrors } from "./rule-model"
import { sdk } from "./sdk"
import type { MatrixRow } from "../../providers/tax-class/apply-matrix"

/** The admin's view of the tax-class API (src/api/admin/tax-classes, tax-class-rates). */

export type TaxClassType = "customer" | "product"
export const TAX_CLASS_TYPES: readonly TaxClassType[] = ["customer", "product"]

export type TaxClass = {
  id: string
  type: TaxClassType
  name: string
  code: string
  description: string | null
  is_default: boolean
  created_at: string
  updated_at: string
}

export type TaxClassInput = {
  name?: string
  code?: string
  description?: string | null
  is_default?: boolean
}

/** A matrix row, as the API answers it (the provider's own row type). */
export type TaxClassRate = MatrixRow

export type TaxClassRateInput = Omit<MatrixRow, "id">

/** What an existing row can change (its cell, the classes and place, is fixed). */
export type TaxClassRateUpdate = Pick<TaxClassRateInput, "rate" | "is_exempt" | "code" | "name">

export type TaxClassRateFilters = {
  customer_class_id?: string
  product_class_id?: string
  country_code?: string
}

const CLASSES = "/admin/tax-classes"
const RATES = "/admin/tax-class-rates"
/** The API's largest pages. */
const CLASS_PAGE = 200
export const RATE_PAGE = 50

export const taxClassQueryKeys = {
  all: ["customer-suite", "tax-classes"] as const,
  classes: () => [...taxClassQueryKeys.all, "classes"] as const,
  rates: (query?: Record<string, unknown>) => [...taxClassQueryKeys.all, "rates", ...(query ? [query] : [])] as const,
  ofGroup: (id: string) => [...taxClassQueryKeys.all, "customer-group", id] as const,
  ofProduct: (id: string) => [...taxClassQueryKeys.all, "product", id] as const,
}

/** Classes, rows and the classes shown on groups and products all name each other: refetch them all. */
export const invalidateTaxClasses = (client: QueryClient) => client.invalidateQueries({ queryKey: taxClassQueryKeys.all })

/** Every class of both types (read page by page; stores have a handful). */
export const useTaxClasses = () =>
  useQuery({
    queryKey: taxClassQueryKeys.classes(),
    queryFn: async () => {
      const classes: TaxClass[] = []
      for (let offset = 0; ; offset += CLASS_PAGE) {
        const page = await sdk.client.fetch<{ tax_classes: TaxClass[]; count: number }>(
          `${CLASSES}${toSearch({ offset, limit: CLASS_PAGE })}`
        )
        classes.push(...page.tax_classes)
        if (!page.tax_classes.length || classes.length >= page.count) {
          return classes
        }
      }
    },
  })

export const classesOfType = (classes: TaxClass[] | undefined, type: TaxClassType) =>
  (classes ?? []).filter((c) => c.type === type)

export const useCreateTaxClass = () =>
  useWrite((body: TaxClassInput & { type: TaxClassType }) => post<{ tax_class: TaxClass }>(CLASSES, body), invalidateTaxClasses)

export const useUpdateTaxClass = () =>
  useWrite(({ id, ...body }: TaxClassInput & { id: string }) => post<{ tax_class: TaxClass }>(`${CLASSES}/${id}`, body), invalidateTaxClasses)

/** Refused (400) while matrix rows use the class. */
export const useDeleteTaxClass = () => useWrite((id: string) => remove(`${CLASSES}/${id}`), invalidateTaxClasses)

export const useTaxClassRates = (filters: TaxClassRateFilters, offset: number) => {
  const query = { ...filters, offset, limit: RATE_PAGE }
  return useQuery({
    queryKey: taxClassQueryKeys.rates(query),
    queryFn: () =>
      sdk.client.fetch<{ tax_class_rates: TaxClassRate[]; count: number }>(`${RATES}${toSearch(query)}`),
    placeholderData: keepPreviousData,
  })
}

export const useCreateTaxClassRate = () =>
  useWrite((body: TaxClassRateInput) => post<{ tax_class_rate: TaxClassRate }>(RATES, body), invalidateTaxClasses)

export const useUpdateTaxClassRate = () =>
  useWrite(
    ({ id, ...body }: TaxClassRateUpdate & { id: string }) => post<{ tax_class_rate: TaxClassRate }>(`${RATES}/${id}`, body),
    invalidateTaxClasses
  )

export const useDeleteTaxClassRate = () => useWrite((id: string) => remove(`${RATES}/${id}`), invalidateTaxClasses)

/** A customer group or a product: where its class is read and written. */
export type TaxClassOwner = { kind: "customer_group" | "product"; id: string }

const ownerPath = (owner: TaxClassOwner) =>
  `/admin/${owner.kind === "customer_group" ? "customer-groups" : "products"}/${owner.id}/tax-class`
const ownerKey = (owner: TaxClassOwner) =>
  owner.kind === "customer_group" ? taxClassQueryKeys.ofGroup(owner.id) : taxClassQueryKeys.ofProduct(owner.id)

/** The class linked to a group or product; null: none (the type's default applies). */
export const useOwnerTaxClass = (owner: TaxClassOwner) =>
  useQuery({
    queryKey: ownerKey(owner),
    queryFn: () => sdk.client.fetch<{ tax_class: TaxClass | null }>(ownerPath(owner)),
    enabled: !!owner.id,
  })

/** Gives a group or product a class, or none with `null`. */
export const useSetOwnerTaxClass = (owner: TaxClassOwner) =>
  useWrite(
    (taxClassId: string | null) => post<unknown>(ownerPath(owner), { tax_class_id: taxClassId }),
    (client) => client.invalidateQueries({ queryKey: ownerKey(owner) })
  )

export { messageOf } from "./api"

/** The API names the field first ("rate: must be …"): messages by field, the rest under "_". */
export const fieldErrors = (error: unknown): FieldErrors => splitErrors(messageOf(error))

/** "trade exempt" → "trade-exempt": a code suggested from a name (the API's format: a-z, 0-9, _ and -). */
export const suggestCode = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^[-_]+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "")

/** A percentage as the merchant typed it: "7", "2.5", "19,5"; null when blank or not a number. */
export const parseRate = (text: string): number | null => {
  const trimmed = text.trim().replace(",", ".")
  if (!trimmed || !/^-?\d+(\.\d+)?$/.test(trimmed)) {
    return null
  }
  return Number(trimmed)
}
