import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stringify, type Stringifier } from "csv-stringify"

/**
 * A CSV stringifier (csv-stringify) for the exports: a header line, cells
 * quoted when needed, and a leading = + - @ (or tab / CR) made inert with a
 * leading ' (`escape_formulas`), so a spreadsheet never runs a customer's
 * name as a formula. Dates are ISO 8601, booleans true / false, null empty.
 */
export function csvStringifier(columns: readonly string[]): Stringifier {
  return stringify({
    header: true,
    columns: [...columns],
    escape_formulas: true,
    cast: { boolean: (value) => String(value), date: (value) => value.toISOString() },
  })
}

/**
 * Streams `rows` (produced page by page) to the response as a CSV download.
 * Backpressure: the next page is read only when the client has taken the
 * previous ones. A failure once the download has started cuts the connection,
 * so the file fails instead of ending short.
 */
export async function streamCsv<Row extends Record<string, unknown>>(
  scope: MedusaContainer,
  res: MedusaResponse,
  options: { filename: string; columns: readonly (keyof Row & string)[]; rows: AsyncIterable<Row> }
): Promise<void> {
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${options.filename}"`)
  try {
    await pipeline(Readable.from(options.rows), csvStringifier(options.columns), res)
  } catch (error) {
    // pipeline has destroyed the response: the status line is gone, so only the log can say why.
    scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`customer-suite: CSV export ${options.filename} failed: ${(error as Error).message}`)
  }
}
