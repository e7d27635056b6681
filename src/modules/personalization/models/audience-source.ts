import { model } from "@medusajs/framework/utils"

/**
 * A system (a CDP) that pushes audiences through the signed webhook. Its
 * HMAC-SHA256 secret is shown once; stored encrypted (AES-256-GCM, see
 * docs/decisions/0022). After a rotation the previous secret still verifies
 * until `previous_secret_expires_at`.
 */
const AudienceSource = model
  .define("audience_source", {
    id: model.id({ prefix: "audsrc" }).primaryKey(),
    name: model.text().searchable(),
    /** The secret, encrypted: "v1:<iv>:<tag>:<ciphertext>" (base64url). */
    secret_encrypted: model.text(),
    /** The secret's last 4 characters, to tell secrets apart in the admin. */
    secret_hint: model.text(),
    previous_secret_encrypted: model.text().nullable(),
    previous_secret_expires_at: model.dateTime().nullable(),
    secret_rotated_at: model.dateTime().nullable(),
    last_batch_at: model.dateTime().nullable(),
    /** The last batch refused after its signature was verified (stale timestamp, invalid body, too many members). */
    last_error: model.text().nullable(),
    last_error_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["name"], where: "deleted_at IS NULL" }])

export default AudienceSource
