import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_GRID_COLUMNS, type CustomerGridColumn, type CustomerGridRow } from "../../../../../types/http/customer-grid"
import { streamCsv } from "../../../../utils/csv"
import { countGrid, gridPages } from "../../../../../workflows/customer-grid/utils/grid-query"
import type { AdminExportCustomerGridParamsType } from "../validators"

/** Rows read per statement: large enough to keep the database busy, small enough to keep memory flat. */
const PAGE = 1_000

type Cell = string | number | boolean | null
const names = (list: { name: string }[]) => list.map((x) => x.name).join("; ")
/** A row's cells for the CSV: lists of named things as "a; b", amounts as "eur 12.5; usd 3". */
export function csvCells(row: CustomerGridRow): Record<CustomerGridColumn, Cell> {
  return {
    id: row.id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    phone: row.phone,
    company_name: row.company_name,
    has_account: row.has_account,
    created_at: row.created_at,
    groups: names(row.groups),
    segments: names(row.segments),
    audiences: names(row.audiences),
    countries: row.countries.join("; "),
    orders_count: row.orders_count,
    amount_spent: Object.entries(row.amount_spent)
      .map(([currency, amount]) => `${currency} ${amount}`)
      .join("; "),
    last_order_at: row.last_order_at,
    last_activity_at: row.last_activity_at,
    online: row.online,
    locked: row.locked,
    tax_classes: names(row.tax_classes),
  }
}

/**
 * GET /admin/customer-suite/customers/export: the customers the grid's filters
 * match (or the selected `ids`), in the grid's sort, with the chosen
 * `columns` (default: all), as CSV. Streamed page by page with backpressure
 * (streamCsv): the server holds the page being written and the one read ahead. `X-Customer-Suite-Count`
 * carries how many rows to expect (an estimate when `…-Count-Estimate: true`)
 * so a client can show progress.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportCustomerGridParamsType>, res: MedusaResponse) => {
  await exportCsv(req, res, req.validatedQuery as AdminExportCustomerGridParamsType)
}

/** POST /admin/customer-suite/customers/export: the same, with the parameters as a JSON body (many selected ids fit there, not in a URL). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminExportCustomerGridParamsType>, res: MedusaResponse) => {
  await exportCsv(req, res, req.validatedBody)
}

async function exportCsv(req: AuthenticatedMedusaRequest<unknown>, res: MedusaResponse, params: AdminExportCustomerGridParamsType) {
  const { sort, columns, ids, ...filters } = params
  const chosen: readonly CustomerGridColumn[] = columns ?? CUSTOMER_GRID_COLUMNS
  const now = new Date()
  const count = ids ? { count: ids.length, estimate: true } : await countGrid(req.scope, filters, { exact: false }, now)
  res.setHeader("X-Customer-Suite-Count", String(count.count))
  res.setHeader("X-Customer-Suite-Count-Estimate", String(count.estimate))
  res.setHeader("Cache-Control", "no-store")

  async function* rows(): AsyncGenerator<Record<CustomerGridColumn, Cell>> {
    for await (const page of gridPages(req.scope, { filters, sort, ids, limit: PAGE, columns: chosen }, now)) {
      for (const row of page) {
        yield csvCells(row)
      }
    }
  }

  const date = now.toISOString().slice(0, 10)
  await streamCsv(req.scope, res, { filename: `customers-${date}.csv`, columns: chosen, rows: rows() })
}
