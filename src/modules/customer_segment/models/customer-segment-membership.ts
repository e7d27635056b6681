import { model } from "@medusajs/framework/utils"

/**
 * A customer in a segment. Written in bulk with SQL (refresh = set
 * difference) and row by row by real-time checks; removed rows are deleted,
 * not soft-deleted.
 */
const CustomerSegmentMembership = model
  .define("customer_segment_membership", {
    id: model.id({ prefix: "csegm" }).primaryKey(),
    segment_id: model.text(),
    customer_id: model.text(),
    /** `rule`: matched the rule; `manual`: added by hand to a static segment. */
    source: model.enum(["rule", "manual"]).default("rule"),
    matched_at: model.dateTime(),
  })
  .indexes([
    { on: ["segment_id", "customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default CustomerSegmentMembership
