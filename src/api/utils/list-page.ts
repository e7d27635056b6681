import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** A page of a list route: its rows and Medusa's envelope fields. */
export type ListPage<T> = { rows: T[]; count: number; offset: number; limit: number }

/**
 * One page of an entity as a list route answers it: the fields and paging of
 * the route's query config (`req.queryConfig`, set by validateAndTransformQuery),
 * its order or `defaultOrder`, and `filters`, read with `query.graph`.
 */
export async function listPage<T>(
  req: AuthenticatedMedusaRequest<unknown, unknown>,
  entity: string,
  filters: Record<string, unknown>,
  defaultOrder?: Record<string, "ASC" | "DESC">
): Promise<ListPage<T>> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { pagination } = req.queryConfig
  const { data, metadata } = await query.graph({
    entity,
    fields: req.queryConfig.fields,
    filters,
    pagination: { ...pagination, order: pagination?.order ?? defaultOrder },
  })
  const rows = data as T[]
  return { rows, count: metadata?.count ?? rows.length, offset: metadata?.skip ?? 0, limit: metadata?.take ?? rows.length }
}
