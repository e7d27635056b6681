import type { MedusaRequest } from "@medusajs/framework/http"
import { generateJwtToken } from "@medusajs/framework/utils"
import { customerIdentities, exemptFromRevocation, isRevokedRequest } from "../session-revocations"

const secret = "unit-test-secret"
const config = { projectConfig: { http: { jwtSecret: secret } } }

/** A request whose container fails the test when anything but the config is resolved (no I/O). */
function request(init: { authorization?: string; session?: unknown; url?: string; method?: string }): MedusaRequest {
  return {
    method: init.method ?? "GET",
    originalUrl: init.url ?? "/store/customers/me",
    headers: init.authorization ? { authorization: init.authorization } : {},
    session: init.session,
    scope: {
      resolve: (key: string) => {
        if (key === "configModule") {
          return config
        }
        throw new Error(`resolved ${key}: I/O on a request that needs none`)
      },
    },
  } as unknown as MedusaRequest
}

describe("sign out everywhere on the request path", () => {
  it("does no I/O for a request without a customer identity (guest, admin token, garbage)", async () => {
    const admin = generateJwtToken({ actor_id: "user_1", actor_type: "user", auth_identity_id: "a" }, { secret, expiresIn: "1h" })
    for (const req of [
      request({}),
      request({ authorization: `Bearer ${admin}` }),
      request({ authorization: "Bearer not-a-jwt" }),
      request({ authorization: "Basic c2tfMTIz" }),
      request({ session: { auth_context: { actor_type: "user", actor_id: "user_1" } } }),
    ]) {
      expect(await isRevokedRequest(req)).toBe(false)
    }
  })

  it("reads a verified customer bearer token and a cookie session, with their iat", () => {
    const token = generateJwtToken({ actor_id: "cus_1", actor_type: "customer", auth_identity_id: "a" }, { secret, expiresIn: "1h" })
    const forged = generateJwtToken({ actor_id: "cus_1", actor_type: "customer", auth_identity_id: "a" }, { secret: "another", expiresIn: "1h" })
    const [fromBearer] = customerIdentities(request({ authorization: `Bearer ${token}` }))
    expect(fromBearer).toEqual({ customer_id: "cus_1", iat: expect.any(Number), via: "bearer" })
    expect(Math.abs(fromBearer.iat! - Date.now() / 1000)).toBeLessThan(5)
    expect(customerIdentities(request({ authorization: `Bearer ${forged}` }))).toEqual([])
    expect(customerIdentities(request({ session: { auth_context: { actor_type: "customer", actor_id: "cus_2", iat: 1700000000 } } }))).toEqual([
      { customer_id: "cus_2", iat: 1700000000, via: "session" },
    ])
  })

  it("leaves credential routes (sign-in, register, reset, sign-out) to their owner", () => {
    for (const [method, path] of [
      ["POST", "/auth/customer/emailpass"],
      ["POST", "/auth/customer/emailpass/register"],
      ["POST", "/auth/customer/emailpass/reset-password"],
      ["POST", "/auth/customer/emailpass/update"],
      ["GET", "/auth/customer/google/callback"],
      ["DELETE", "/auth/session"],
    ]) {
      expect([method, path, exemptFromRevocation(method, path)]).toEqual([method, path, true])
    }
    for (const [method, path] of [
      ["POST", "/auth/token/refresh"],
      ["POST", "/auth/session"],
      ["GET", "/auth/mfa/factors"],
      ["GET", "/store/customers/me"],
      ["POST", "/store/customers/me/sessions/revoke"],
    ]) {
      expect([method, path, exemptFromRevocation(method, path)]).toEqual([method, path, false])
    }
  })
})
