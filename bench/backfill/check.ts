/**
 * Proves the generated orders are what Medusa reads: for a sample of orders
 * (every status, spread over the whole table), Medusa's Query
 * (`query.graph({ entity: "order" })`, which computes `total` from the items,
 * their tax lines and the shipping methods) must give the total that
 * order_summary stores, and the items (product, quantity, unit price) that
 * were written to order_item / order_line_item.
 *
 *   npx medusa exec ./bench/backfill/check.ts sample=300
 *
 * Prints `[check] result {"sampled":…,"mismatches":…}` (generate.mjs reads it).
 */
import pg from "pg"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type QueryOrder = {
  id: string
  status: string
  total: unknown
  items?: { product_id: string | null; quantity: unknown; unit_price: unknown }[]
}

const itemsKey = (items: { product_id: string | null; quantity: unknown; unit_price: unknown }[]) =>
  items
    .map((i) => `${i.product_id}×${Number(i.quantity)}@${Number(i.unit_price)}`)
    .sort()
    .join(",")

export default async function checkGeneratedOrders({ container, args }: ExecArgs) {
  const options = new Map((args ?? []).map((a) => a.split("=") as [string, string]))
  const sample = Number(options.get("sample") ?? 300)
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const db = new pg.Client({ connectionString: config.projectConfig.databaseUrl })
  await db.connect()
  try {
    // Every n-th order by display id, and the first few of each status.
    const { rows: picked } = await db.query<{ id: string }>(
      `WITH n AS (SELECT greatest(1, count(*) / $1)::int AS step FROM "order")
       SELECT id FROM "order", n WHERE display_id % n.step = 0
       UNION SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY status ORDER BY display_id) AS r FROM "order") s WHERE r <= 5`,
      [sample]
    )
    const ids = picked.map((r) => r.id)
    const { rows: stored } = await db.query<{ id: string; status: string; stored_total: string; items: { product_id: string; quantity: string; unit_price: string }[] }>(
      `SELECT o.id, o.status, s.totals -> 'raw_current_order_total' ->> 'value' AS stored_total,
         (SELECT json_agg(json_build_object('product_id', li.product_id, 'quantity', oi.quantity, 'unit_price', li.unit_price))
          FROM order_item oi JOIN order_line_item li ON li.id = oi.item_id
          WHERE oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL) AS items
       FROM "order" o JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
       WHERE o.id = ANY($1::text[])`,
      [ids]
    )
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "status", "total", "items.product_id", "items.quantity", "items.unit_price"],
      filters: { id: ids },
    })
    const read = new Map((data as QueryOrder[]).map((o) => [o.id, o]))
    const mismatches: unknown[] = []
    const statuses: Record<string, number> = {}
    for (const row of stored) {
      statuses[row.status] = (statuses[row.status] ?? 0) + 1
      const order = read.get(row.id)
      const expectedItems = itemsKey(row.items ?? [])
      const readItems = order ? itemsKey(order.items ?? []) : null
      if (!order || Number(order.total) !== Number(row.stored_total) || readItems !== expectedItems) {
        mismatches.push({ id: row.id, stored_total: row.stored_total, query_total: order?.total ?? null, stored_items: expectedItems, query_items: readItems })
      }
    }
    for (const m of mismatches.slice(0, 5)) {
      console.log(`[check] mismatch ${JSON.stringify(m)}`)
    }
    const first = stored.find((r) => read.has(r.id))
    console.log(
      `[check] result ${JSON.stringify({
        sampled: ids.length,
        read_through_query: read.size,
        statuses,
        mismatches: mismatches.length + (ids.length - stored.length),
        example: first ? { id: first.id, stored_total: first.stored_total, query_total: read.get(first.id)?.total, items: itemsKey(first.items) } : null,
      })}`
    )
  } finally {
    await db.end()
  }
}
