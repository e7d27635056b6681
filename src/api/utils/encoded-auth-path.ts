import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * Refuses (400) an /auth request whose path holds a percent-encoded
 * character. Express matches middleware paths against the raw path but
 * decodes route parameters, so `/auth/customer/email%70ass` would skip every
 * middleware matched on a fixed segment (sign-in and reset throttles, the
 * password policy, sign out after a reset, the assistance guard's denied
 * actions) and still reach Medusa's `/auth/:actor_type/:auth_provider` routes
 * as "emailpass". No actor type, provider or action needs an encoded character.
 */
export function refuseEncodedAuthPath() {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const url = req.originalUrl ?? req.url
    const query = url.indexOf("?")
    const path = query === -1 ? url : url.slice(0, query)
    if (path.includes("%")) {
      res.status(400).json({ type: "invalid_data", message: "The request path must not contain percent-encoded characters" })
      return
    }
    next()
  }
}
