import { model } from "@medusajs/framework/utils"

/** One request that changed something, made with a session's token: what, where, with which result. */
const AssistanceAction = model
  .define("assistance_action", {
    id: model.id({ prefix: "asact" }).primaryKey(),
    session_id: model.text(),
    method: model.text(),
    /** The route pattern when known (/store/carts/:id/line-items), else the path. */
    route: model.text(),
    path: model.text(),
    status_code: model.number(),
    /** Ids the request named: path parameters and *_id fields of the body, e.g. { id: "cart_…", variant_id: "variant_…" }. */
    resource_ids: model.json<Record<string, string>>().nullable(),
    /** "denied" when the plugin refused it (403), else null. */
    outcome: model.text().nullable(),
  })
  .indexes([{ on: ["session_id", "created_at"] }])

export default AssistanceAction
