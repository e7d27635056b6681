import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("GET /admin/customer-suite/settings", () => {
      let admin: AuthHeaders

      beforeEach(async () => {
        admin = await createAdminUser(getContainer())
      })

      it("returns every capability with its effective settings", async () => {
        const response = await api.get("/admin/customer-suite/settings", admin)

        expect(response.status).toBe(200)
        const { capabilities } = response.data.settings
        expect(capabilities).toHaveLength(8)
        expect(capabilities.map((c: { id: string }) => c.id)).toContain("segments")

        // medusa-config.ts passes no assistance overrides in tests: the defaults apply.
        const assistance = capabilities.find((c: { id: string }) => c.id === "assistance")
        expect(assistance).toEqual({
          id: "assistance",
          name: "Login as customer",
          description: expect.any(String),
          enabled: false,
          available: false,
          settings: expect.objectContaining({
            consent: "opt_in",
            code_ttl_seconds: 60,
            session_ttl_minutes: 60,
            storefront_url: null,
            require_reason: true,
            denied_actions: expect.arrayContaining(["DELETE /store/customers/me"]),
          }),
        })
        const segments = capabilities.find((c: { id: string }) => c.id === "segments")
        expect(segments).toMatchObject({
          enabled: true,
          settings: { realtime: true, refresh_schedule: "0 * * * *", batch_size: 5000 },
        })
      })

      it("refuses a request without an admin session", async () => {
        const error = await api.get("/admin/customer-suite/settings").catch((e: any) => e)
        expect(error.response.status).toBe(401)
      })
    })
  },
})
