import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import CustomerGroupTaxClass from "../../../links/customer-group-tax-class"
import ProductTaxClass from "../../../links/product-tax-class"
import { cached, remember } from "./context-cache"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"
import { TAX_CLASS_MODULE } from "../../../modules/tax_class"
import type TaxClassModuleService from "../../../modules/tax_class/service"
import { CONTEXT_KEY, type MatrixRow, type TaxClassContext } from "../../../providers/tax-class/apply-matrix"

export type TaxClassContextInput = {
  /** The customer's group ids (none for a guest without groups). */
  customer_group_ids: string[]
  /** The products of the lines being taxed. */
  product_ids: string[]
  /** The destination country (shipping address); without one no rows are passed. */
  country_code: string | null | undefined
}

/** The parts of a cart or an order (as the tax-lines workflows pass them to their hook) the context needs. */
export type TaxedHolder = {
  customer?: { groups?: { id: string }[] | null } | null
  shipping_address?: { country_code?: string | null } | null
  items?: { product_id?: string | null }[] | null
}

/**
 * The input of `buildTaxClassContext` from a `setTaxLineContext` hook's
 * `cart` (or `order`) and `items`: the customer's groups, the products of the
 * lines being taxed (`items`, else the holder's), the shipping country.
 */
export function taxClassContextInput(
  holder: TaxedHolder | null | undefined,
  items?: { product_id?: string | null }[] | null
): TaxClassContextInput {
  return {
    customer_group_ids: (holder?.customer?.groups ?? []).map((g) => g.id),
    product_ids: (items ?? holder?.items ?? []).map((i) => i.product_id ?? "").filter(Boolean),
    country_code: holder?.shipping_address?.country_code,
  }
}

type GroupWithClass = { id: string; created_at: string | Date | number; tax_class?: { id: string; type: string } | null }

/**
 * The customer's tax class: the class of their groups; when groups carry
 * different classes, the class of the oldest such group (created first, then
 * by id) wins, so adding someone to a new group never changes an existing
 * arrangement (decision 0012). No group with a class: the default class.
 */
export function customerClassOf(groups: GroupWithClass[], defaultClassId: string | null): string | null {
  const classed = groups
    .filter((g) => g.tax_class && g.tax_class.type === "customer")
    .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id))
  return classed[0]?.tax_class?.id ?? defaultClassId
}

/**
 * What the `tax-class` provider needs, for the `setTaxLineContext` hooks:
 * `{ customer_suite_tax_class: { customer_class_id, product_class_ids, ... rows } }`,
 * or undefined when tax classes are turned off. Exported so that a store with
 * its own `setTaxLineContext` handler (only one is allowed per workflow) can
 * merge it into its result; see the README.
 */
export async function buildTaxClassContext(
  container: MedusaContainer,
  input: TaxClassContextInput
): Promise<Record<string, TaxClassContext> | undefined> {
  const suite = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  if (!(await suite.isEnabled("tax_classes"))) {
    return undefined
  }
  const taxClasses = container.resolve<TaxClassModuleService>(TAX_CLASS_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const groupIds = [...new Set(input.customer_group_ids.filter(Boolean))]
  const productIds = [...new Set(input.product_ids.filter(Boolean))]
  const country = input.country_code?.toLowerCase()

  // At most two round trips, and none when the memo (context-cache.ts) holds
  // it all: the link rows and the defaults, then the linked classes' types,
  // the matrix rows of every candidate customer class and (only when the
  // customer's groups disagree) the groups' ages.
  type ClassRef = { id: string; type: string }
  const first = cached<unknown>(["defaults", ...groupIds.map((id) => `g:${id}`), ...productIds.map((id) => `p:${id}`)])
  const missingGroups = first.misses.filter((k) => k.startsWith("g:")).map((k) => k.slice(2))
  const missingProducts = first.misses.filter((k) => k.startsWith("p:")).map((k) => k.slice(2))
  const [groupLinks, productLinks, fetchedDefaults] = await Promise.all([
    missingGroups.length
      ? query.graph({ entity: CustomerGroupTaxClass.entryPoint, fields: ["customer_group_id", "tax_class_id"], filters: { customer_group_id: missingGroups } })
      : { data: [] },
    missingProducts.length
      ? query.graph({ entity: ProductTaxClass.entryPoint, fields: ["product_id", "tax_class_id"], filters: { product_id: missingProducts } })
      : { data: [] },
    first.misses.includes("defaults") ? taxClasses.listTaxClasses({ is_default: true }, { select: ["id", "type"] }) : null,
  ])
  const fetchedGroups = new Map<string, string | null>(missingGroups.map((id) => [id, null]))
  for (const l of groupLinks.data as { customer_group_id: string; tax_class_id: string }[]) {
    fetchedGroups.set(l.customer_group_id, l.tax_class_id)
  }
  const fetchedProducts = new Map<string, string | null>(missingProducts.map((id) => [id, null]))
  for (const l of productLinks.data as { product_id: string; tax_class_id: string }[]) {
    fetchedProducts.set(l.product_id, l.tax_class_id)
  }
  remember([
    ...(fetchedDefaults ? [["defaults", fetchedDefaults] as [string, unknown]] : []),
    ...[...fetchedGroups].map(([id, c]) => [`g:${id}`, c] as [string, unknown]),
    ...[...fetchedProducts].map(([id, c]) => [`p:${id}`, c] as [string, unknown]),
  ])
  const defaults = (fetchedDefaults ?? first.hits.get("defaults")) as ClassRef[]
  const classOfGroup = (id: string) => (fetchedGroups.has(id) ? fetchedGroups.get(id) : (first.hits.get(`g:${id}`) as string | null)) ?? null
  const classOfProduct = (id: string) => (fetchedProducts.has(id) ? fetchedProducts.get(id) : (first.hits.get(`p:${id}`) as string | null)) ?? null
  const defaultOf = (type: string) => defaults.find((c) => c.type === type)?.id ?? null
  const groupClass = new Map(groupIds.map((id) => [id, classOfGroup(id)]).filter((e): e is [string, string] => !!e[1]))

  const linkedIds = [...new Set([...groupClass.values(), ...productIds.map(classOfProduct).filter((c): c is string => !!c)])].filter(
    (id) => !defaults.some((d) => d.id === id)
  )
  const candidates = [...new Set([...groupClass.values(), defaultOf("customer")].filter((id): id is string => !!id))]
  const disagree = new Set(groupClass.values()).size > 1
  const second = cached<unknown>([
    ...linkedIds.map((id) => `t:${id}`),
    ...(country ? candidates.map((id) => `r:${id}|${country}`) : []),
    ...(disagree ? [...groupClass.keys()].map((id) => `a:${id}`) : []),
  ])
  const missing = (prefix: string) => second.misses.filter((k) => k.startsWith(prefix)).map((k) => k.slice(2))
  const [linked, rates, ages] = await Promise.all([
    missing("t:").length ? taxClasses.listTaxClasses({ id: missing("t:") }, { select: ["id", "type"] }) : [],
    missing("r:").length && country
      ? taxClasses.listTaxClassRates(
          { customer_class_id: missing("r:").map((k) => k.split("|")[0]), country_code: country },
          { select: ["id", "customer_class_id", "product_class_id", "country_code", "province_code", "rate", "is_exempt", "code", "name"] }
        )
      : [],
    missing("a:").length ? container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: missing("a:") }, { select: ["id", "created_at"] }) : [],
  ])
  const rowsOf = new Map<string, MatrixRow[]>(missing("r:").map((k) => [k.split("|")[0], []]))
  for (const r of rates) {
    rowsOf.get(r.customer_class_id)?.push({ ...r, rate: r.rate === null ? null : Number(r.rate) } as MatrixRow)
  }
  remember([
    ...linked.map((c) => [`t:${c.id}`, c.type] as [string, unknown]),
    ...[...rowsOf].map(([id, rows]) => [`r:${id}|${country}`, rows] as [string, unknown]),
    ...ages.map((g) => [`a:${g.id}`, g.created_at] as [string, unknown]),
  ])
  const typeOf = new Map<string, string>([
    ...defaults.map((c) => [c.id, c.type] as [string, string]),
    ...linked.map((c) => [c.id, c.type] as [string, string]),
    ...linkedIds.filter((id) => second.hits.has(`t:${id}`)).map((id) => [id, second.hits.get(`t:${id}`) as string] as [string, string]),
  ])
  const ageOf = (id: string) => (ages.find((g) => g.id === id)?.created_at ?? second.hits.get(`a:${id}`) ?? 0) as string
  const groups = [...groupClass.keys()].map((id) => ({ id, created_at: disagree ? ageOf(id) : 0 }))
  const customerClassId = customerClassOf(
    groups.map((g) => {
      const classId = groupClass.get(g.id)!
      return { id: g.id, created_at: g.created_at, tax_class: { id: classId, type: typeOf.get(classId) ?? "" } }
    }),
    defaultOf("customer")
  )
  const productClassIds: Record<string, string> = {}
  for (const id of productIds) {
    const classId = classOfProduct(id)
    if (classId && typeOf.get(classId) === "product") {
      productClassIds[id] = classId
    }
  }
  const rows = customerClassId && country ? (rowsOf.get(customerClassId) ?? (second.hits.get(`r:${customerClassId}|${country}`) as MatrixRow[]) ?? []) : []
  return {
    [CONTEXT_KEY]: {
      customer_class_id: customerClassId,
      product_class_ids: productClassIds,
      default_product_class_id: defaultOf("product"),
      shipping_class_id: defaultOf("product"),
      rows,
    },
  }
}
