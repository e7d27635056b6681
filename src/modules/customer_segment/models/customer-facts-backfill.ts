import { model } from "@medusajs/framework/utils"

/**
 * One rebuild of the facts projection from Medusa's customers and orders
 * (install or repair), run in the background batch by batch in customer id
 * order. `checkpoint` is the last customer id written: a run resumes after it.
 * At most one run is queued or running at a time (a unique partial index,
 * Migration20261203072538). While it runs, an instance holds it under a lease
 * (`lease_until`, the database's clock) renewed by every batch; once the lease
 * runs out (the instance stopped), another instance takes it over.
 */
const CustomerFactsBackfill = model
  .define("customer_facts_backfill", {
    id: model.id({ prefix: "cfbf" }).primaryKey(),
    status: model.enum(["queued", "running", "succeeded", "failed", "canceled"]).default("queued"),
    /** manual: POST /admin/customer-segments/backfill; install: the job found the projection empty. */
    trigger: model.enum(["manual", "install"]),
    /** The admin user who asked (manual). */
    requested_by: model.text().nullable(),
    batch_size: model.number(),
    /** Customers in the store when the run was queued (its progress is measured against it). */
    customers_estimate: model.number().default(0),
    customers_done: model.number().default(0),
    orders_done: model.number().default(0),
    batches_done: model.number().default(0),
    /** The last customer id written (ids compare in the database's collation, like its primary key index). */
    checkpoint: model.text().nullable(),
    lease_until: model.dateTime().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    /** Milliseconds spent running (summed over the instances that ran it: a resumed run leaves out the time it lay still). */
    running_ms: model.number().default(0),
    error: model.text().nullable(),
    /** The segment refresh runs queued when the facts were built. */
    refresh_run_ids: model.array().default([]),
    /**
     * Secondary indexes of the projection dropped while this run writes into an
     * empty projection, to be built again when it ends (sql/backfill-indexes.ts,
     * decision 0060): `[{ name, table, definition }]`, each struck off once built.
     */
    deferred_indexes: model.json().nullable(),
  })
  .indexes([{ on: ["created_at"], where: "deleted_at IS NULL" }])

export default CustomerFactsBackfill
