import { model } from "@medusajs/framework/utils"

/**
 * Now Online: the last store request of a signed-in customer (kind
 * "customer", subject = customer id) or of a guest's cart (kind "visitor",
 * subject = cart id). Written in throttled batches, at most once per shopper
 * per minute per instance; visitor rows are pruned by a job.
 */
const CustomerPresence = model
  .define("customer_presence", {
    id: model.id({ prefix: "cpres" }).primaryKey(),
    kind: model.enum(["customer", "visitor"]),
    subject_id: model.text(),
    customer_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    first_seen_at: model.dateTime(),
    last_seen_at: model.dateTime(),
    last_path: model.text().nullable(),
  })
  .indexes([
    { on: ["kind", "subject_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["last_seen_at"] },
    { on: ["customer_id"] },
  ])

export default CustomerPresence
