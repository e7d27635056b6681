/**
 * The real-time benchmark's store and its changes (bench/realtime/run.mjs).
 *
 * Customers i = 1..N, id 'cus_01RTLOAD' || lpad(i, 15, '0'), written in SQL
 * straight into Medusa's customer tables (the facts projection is left to
 * the plugin's backfill). Customer i is in block (i − 1) mod 8, which sets
 * its starting state and the one change the load makes to it:
 *
 *   block  starts as                     change (admin route)                                   effect
 *   0      in no group                   POST /admin/customer-groups/:vip/customers add         joins vip
 *   1      in group vip                  POST /admin/customer-groups/:vip/customers remove      leaves vip
 *   2      no address                    POST /admin/customers/:id/addresses (de)               joins de
 *   3      one address in de             DELETE /admin/customers/:id/addresses/:address_id      leaves de
 *   4      metadata tier silver          POST /admin/customers/:id metadata tier gold           joins gold
 *   5      metadata tier gold            POST /admin/customers/:id metadata tier silver         leaves gold
 *   6      last name Smith               POST /admin/customers/:id last_name Rtload             joins name
 *   7      last name Rtload              POST /admin/customers/:id last_name Smith              leaves name
 *
 * Blocks 4–7 also have an address in fr. Change k touches block k mod 8,
 * customer floor(k / 8) of it: every change has a customer of its own.
 */

export const VIP_GROUP = "cusgroup_rt_vip"

/** The segments (dynamic, active), each reading the facts one pair of blocks changes. */
export const SEGMENTS = {
  vip: { name: "RT: VIP group", query: `customer_groups CONTAINS '${VIP_GROUP}'` },
  de: { name: "RT: German address", query: "countries CONTAINS 'de'" },
  gold: { name: "RT: gold tier", query: "metadata.tier = 'gold'" },
  name: { name: "RT: last name Rtload", query: "last_name = 'Rtload'" },
}

export const BLOCKS = [
  { kind: "group_join", segment: "vip", expect_member: true },
  { kind: "group_leave", segment: "vip", expect_member: false },
  { kind: "address_add", segment: "de", expect_member: true },
  { kind: "address_delete", segment: "de", expect_member: false },
  { kind: "metadata_join", segment: "gold", expect_member: true },
  { kind: "metadata_leave", segment: "gold", expect_member: false },
  { kind: "name_join", segment: "name", expect_member: true },
  { kind: "name_leave", segment: "name", expect_member: false },
]

const pad = (i) => String(i).padStart(15, "0")
export const customerId = (i) => `cus_01RTLOAD${pad(i)}`
const addressId = (i) => `cuaddr_01RTLOAD${pad(i)}`

/** Change k: what to send, to which customer, and the membership it must leave. */
export function changeFor(k, segmentIds) {
  const block = k % BLOCKS.length
  const i = Math.floor(k / BLOCKS.length) * BLOCKS.length + block + 1
  const id = customerId(i)
  const { kind, segment, expect_member } = BLOCKS[block]
  const request = {
    group_join: { method: "POST", path: `/admin/customer-groups/${VIP_GROUP}/customers?fields=id`, body: { add: [id] } },
    group_leave: { method: "POST", path: `/admin/customer-groups/${VIP_GROUP}/customers?fields=id`, body: { remove: [id] } },
    address_add: { method: "POST", path: `/admin/customers/${id}/addresses?fields=id`, body: { country_code: "de", address_1: `Lastweg ${k}`, city: "Berlin" } },
    address_delete: { method: "DELETE", path: `/admin/customers/${id}/addresses/${addressId(i)}?fields=id` },
    metadata_join: { method: "POST", path: `/admin/customers/${id}?fields=id`, body: { metadata: { tier: "gold" } } },
    metadata_leave: { method: "POST", path: `/admin/customers/${id}?fields=id`, body: { metadata: { tier: "silver" } } },
    name_join: { method: "POST", path: `/admin/customers/${id}?fields=id`, body: { last_name: "Rtload" } },
    name_leave: { method: "POST", path: `/admin/customers/${id}?fields=id`, body: { last_name: "Smith" } },
  }[kind]
  return { kind, segment, segment_id: segmentIds?.[segment], customer_id: id, expect_member, ...request }
}

/** The members of each segment the generated data implies (before any change). */
export function expectedMembers(size) {
  const sets = Object.fromEntries(Object.keys(SEGMENTS).map((k) => [k, new Set()]))
  for (let i = 1; i <= size; i++) {
    const block = (i - 1) % BLOCKS.length
    if (block === 1) sets.vip.add(customerId(i))
    if (block === 3) sets.de.add(customerId(i))
    if (block === 5) sets.gold.add(customerId(i))
    if (block === 7) sets.name.add(customerId(i))
  }
  return sets
}

const TABLES = [
  "customer",
  "customer_address",
  "customer_group",
  "customer_group_customer",
  "customer_profile",
  "customer_purchase",
  "customer_order",
  "customer_segment",
  "customer_segment_membership",
  "customer_segment_refresh_run",
  "customer_facts_backfill",
]

/** Empties the customer and segment tables and writes `size` customers in their starting states. */
export async function generate(client, size, log = console.log) {
  const started = Date.now()
  await client.query(`TRUNCATE ${TABLES.join(", ")} CASCADE`)
  await client.query(`INSERT INTO customer_group (id, name) VALUES ($1, 'RT VIP'), ('cusgroup_rt_other', 'RT other')`, [VIP_GROUP])
  await client.query(
    `INSERT INTO customer (id, email, first_name, last_name, has_account, metadata, created_at, updated_at)
     SELECT 'cus_01RTLOAD' || lpad(i::text, 15, '0'), 'rt' || i || '@bench.test',
       (ARRAY['Anna','Ben','Clara','David','Emma','Felix','Greta','Hugo'])[1 + i % 8],
       CASE WHEN (i - 1) % 8 = 7 THEN 'Rtload' ELSE 'Smith' END,
       true,
       CASE (i - 1) % 8 WHEN 4 THEN '{"tier":"silver"}'::jsonb WHEN 5 THEN '{"tier":"gold"}'::jsonb END,
       now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
     FROM generate_series(1, $1::int) AS i`,
    [size]
  )
  await client.query(
    `INSERT INTO customer_group_customer (id, customer_id, customer_group_id)
     SELECT 'cusgc_01RTLOAD' || lpad(i::text, 15, '0'), 'cus_01RTLOAD' || lpad(i::text, 15, '0'), $2
     FROM generate_series(1, $1::int) AS i WHERE (i - 1) % 8 = 1`,
    [size, VIP_GROUP]
  )
  await client.query(
    `INSERT INTO customer_address (id, customer_id, address_1, city, country_code, is_default_shipping, is_default_billing)
     SELECT 'cuaddr_01RTLOAD' || lpad(i::text, 15, '0'), 'cus_01RTLOAD' || lpad(i::text, 15, '0'),
       'Teststrasse ' || i, CASE WHEN (i - 1) % 8 = 3 THEN 'Berlin' ELSE 'Paris' END,
       CASE WHEN (i - 1) % 8 = 3 THEN 'de' ELSE 'fr' END, true, true
     FROM generate_series(1, $1::int) AS i WHERE (i - 1) % 8 IN (3, 4, 5, 6, 7)`,
    [size]
  )
  await client.query("ANALYZE")
  log(`generated ${size.toLocaleString("en")} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
