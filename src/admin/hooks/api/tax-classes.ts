import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query"
import { post, remove, toSearch } from "../../lib/api"
import { sdk } from "../../lib/sdk"
import type { TaxClassOwner, TaxClassRateFilters, TaxClassType } from "../../lib/types/tax-classes"
import type {
  AdminCreateTaxClassBody,
  AdminCreateTaxClassRateBody,
  AdminCustomerGroupTaxClassResponse,
  AdminLinkedTaxClassResponse,
  AdminProductTaxClassResponse,
  AdminSetTaxClassBody,
  AdminTaxClass,
  AdminTaxClassListResponse,
  AdminTaxClassRateListParams,
  AdminTaxClassRateListResponse,
  AdminTaxClassRateResponse,
  AdminTaxClassResponse,
  AdminUpdateTaxClassBody,
  AdminUpdateTaxClassRateBody,
} from "../../../types/http"
import { useWrite } from "./use-write"

/** Tax classes and the rate matrix (src/api/admin/tax-classes, tax-class-rates, …/:id/tax-class). */

const CLASSES = "/admin/tax-classes"
const RATES = "/admin/tax-class-rates"
/** The API's largest page of classes. */
const CLASS_PAGE = 200
/** The matrix's page (the API's largest). */
export const RATE_PAGE = 50

export const taxClassQueryKeys = {
  all: ["customer-suite", "tax-classes"] as const,
  classes: () => [...taxClassQueryKeys.all, "classes"] as const,
  rates: (query?: Record<string, unknown>) => [...taxClassQueryKeys.all, "rates", ...(query ? [query] : [])] as const,
  ofOwner: (owner: TaxClassOwner) => [...taxClassQueryKeys.all, owner.kind === "customer_group" ? "customer-group" : "product", owner.id] as const,
}

/** Classes, rows and the classes shown on groups and products all name each other: refetch them all. */
export const invalidateTaxClasses = (client: QueryClient) => client.invalidateQueries({ queryKey: taxClassQueryKeys.all })

/** Every class of both types (read page by page; stores have a handful). */
export const useTaxClasses = () =>
  useQuery({
    queryKey: taxClassQueryKeys.classes(),
    queryFn: async () => {
      const classes: AdminTaxClass[] = []
      for (let offset = 0; ; offset += CLASS_PAGE) {
        const page = await sdk.client.fetch<AdminTaxClassListResponse>(`${CLASSES}${toSearch({ offset, limit: CLASS_PAGE })}`)
        classes.push(...page.tax_classes)
        if (!page.tax_classes.length || classes.length >= page.count) {
          return classes
        }
      }
    },
  })

export const classesOfType = (classes: AdminTaxClass[] | undefined, type: TaxClassType) => (classes ?? []).filter((c) => c.type === type)

export const useCreateTaxClass = () =>
  useWrite((body: AdminCreateTaxClassBody) => post<AdminTaxClassResponse>(CLASSES, body), invalidateTaxClasses)

export const useUpdateTaxClass = () =>
  useWrite(({ id, ...body }: AdminUpdateTaxClassBody & { id: string }) => post<AdminTaxClassResponse>(`${CLASSES}/${id}`, body), invalidateTaxClasses)

/** Refused (400) while matrix rows use the class. */
export const useDeleteTaxClass = () => useWrite((id: string) => remove(`${CLASSES}/${id}`), invalidateTaxClasses)

export const useTaxClassRates = (filters: TaxClassRateFilters, offset: number) => {
  const query: AdminTaxClassRateListParams = { ...filters, offset, limit: RATE_PAGE }
  return useQuery({
    queryKey: taxClassQueryKeys.rates(query),
    queryFn: () => sdk.client.fetch<AdminTaxClassRateListResponse>(`${RATES}${toSearch(query)}`),
    placeholderData: keepPreviousData,
  })
}

export const useCreateTaxClassRate = () =>
  useWrite((body: AdminCreateTaxClassRateBody) => post<AdminTaxClassRateResponse>(RATES, body), invalidateTaxClasses)

export const useUpdateTaxClassRate = () =>
  useWrite(({ id, ...body }: AdminUpdateTaxClassRateBody & { id: string }) => post<AdminTaxClassRateResponse>(`${RATES}/${id}`, body), invalidateTaxClasses)

export const useDeleteTaxClassRate = () => useWrite((id: string) => remove(`${RATES}/${id}`), invalidateTaxClasses)

const ownerPath = (owner: TaxClassOwner) => `/admin/${owner.kind === "customer_group" ? "customer-groups" : "products"}/${owner.id}/tax-class`

/** The class linked to a group or product; null: none (the type's default applies). */
export const useOwnerTaxClass = (owner: TaxClassOwner) =>
  useQuery({
    queryKey: taxClassQueryKeys.ofOwner(owner),
    queryFn: () => sdk.client.fetch<AdminLinkedTaxClassResponse>(ownerPath(owner)),
    enabled: !!owner.id,
  })

/** Gives a group or product a class, or none with `null`. */
export const useSetOwnerTaxClass = (owner: TaxClassOwner) =>
  useWrite(
    (taxClassId: string | null) =>
      post<AdminCustomerGroupTaxClassResponse | AdminProductTaxClassResponse>(ownerPath(owner), { tax_class_id: taxClassId } satisfies AdminSetTaxClassBody),
    (client) => client.invalidateQueries({ queryKey: taxClassQueryKeys.ofOwner(owner) })
  )
