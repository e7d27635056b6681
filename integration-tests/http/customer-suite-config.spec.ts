import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_SUITE_MODULE } from "../../src/modules/customer_suite"
import type CustomerSuiteModuleService from "../../src/modules/customer_suite/service"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { createPublishableKey } from "../helpers/store"

jest.setTimeout(120_000)

const SETTINGS = "/admin/customer-suite/settings"
const CONFIG = "/store/customer-suite/config"

/** The plugin's defaults for the four account-security groups (medusa-config.ts sets none of them). */
const DEFAULTS = {
  sign_in: { lockout_mode: "account_and_ip", max_failures: 10, lockout_minutes: 10, max_failures_per_account: 100, max_failures_per_ip: 50, ip_window_minutes: 15 },
  password_reset: { protection: "ip_and_email", max_requests_per_hour: 5, min_seconds_between: 600 },
  password_policy: { min_length: 8, max_length: 256, refuse_common: true, min_strength: null, required_classes: 0 },
  presence: { enabled: true, online_window_minutes: 15, visitor_retention_days: 7 },
}

/**
 * The storefront's settings route and the account-security settings on the
 * settings page: a change made in the admin is what the storefront reads next.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("storefront settings and account-security settings", () => {
      let admin: AuthHeaders
      let store: { headers: Record<string, string> }

      const failure = (promise: Promise<unknown>) =>
        promise.then(
          (ok: any) => Promise.reject(new Error(`expected a failure, got ${ok?.status} ${JSON.stringify(ok?.data)?.slice(0, 300)}`)),
          (e: any) => e.response
        )
      const activityOf = (data: any) => data.settings.capabilities.find((c: { id: string }) => c.id === "activity")
      const storedActivity = async () => {
        const rows = await getContainer().resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).listCustomerSuiteSettings({ capability: "activity" })
        return rows[0]?.values ?? null
      }

      beforeEach(async () => {
        admin = await createAdminUser(getContainer())
        store = { headers: { "x-publishable-api-key": await createPublishableKey(getContainer()) } }
      })

      describe("GET /store/customer-suite/config", () => {
        it("answers the settings in force with a publishable key alone, cacheable for a minute", async () => {
          const response = await api.get(CONFIG, store)
          expect(response.status).toBe(200)
          expect(response.headers["cache-control"]).toBe("public, max-age=60")
          expect(response.data).toEqual({
            config: {
              login_landing: "account",
              assistance: {
                enabled: false,
                consent_required: true,
                consent_label: "Allow the store's support team to sign in to my account to help me",
                consent_help: expect.stringMatching(/^A team member can then see and change your cart/),
              },
              password_policy: DEFAULTS.password_policy,
            },
          })
        })

        it("refuses a request without a publishable key, and names an unknown query parameter", async () => {
          const noKey = await failure(api.get(CONFIG))
          expect(noKey.status).toBe(400)
          expect(noKey.data.message).toMatch(/publishable/i)

          // (Not ?locale=: Medusa takes that one off every request for its translations.)
          const unknown = await failure(api.get(`${CONFIG}?verbose=true`, store))
          expect(unknown.status).toBe(400)
          expect(unknown.data.type).toBe("invalid_data")
          expect(unknown.data.message).toMatch(/verbose/)
        })

        it("shows a change made on the settings page at the next request", async () => {
          await api.post(
            SETTINGS,
            {
              activity: { login_landing: "stay", password_policy: { min_length: 15, required_classes: 3 } },
              assistance: { enabled: true, consent: "not_required", consent_label: "Let support help me", consent_help: "" },
            },
            admin
          )
          const { data } = await api.get(CONFIG, store)
          expect(data.config).toEqual({
            login_landing: "stay",
            assistance: { enabled: true, consent_required: false, consent_label: "Let support help me", consent_help: "" },
            password_policy: { ...DEFAULTS.password_policy, min_length: 15, required_classes: 3 },
          })
        })
      })

      describe("POST /admin/customer-suite/settings: activity", () => {
        it("lists account security as shipped, with its groups editable and the plugin options to go back to", async () => {
          const activity = activityOf((await api.get(SETTINGS, admin)).data)
          expect(activity).toMatchObject({
            available: true,
            enabled: true,
            overridden: [],
            editable: ["sign_in", "password_reset", "password_policy", "presence", "security_log_retention_days", "trusted_proxies", "login_landing"],
            plugin_options: { ...DEFAULTS, security_log_retention_days: 365, trusted_proxies: [], login_landing: "account" },
            settings: expect.objectContaining({ ...DEFAULTS, limiter_store: "postgres", redis_url: null }),
          })
        })

        it("stores each group whole, keeps the keys not sent, and resets one key back to the plugin option", async () => {
          const first = await api.post(
            SETTINGS,
            { activity: { sign_in: { max_failures: 5, lockout_mode: "account" }, presence: { online_window_minutes: 30 }, trusted_proxies: ["10.0.0.0/8", "loopback"] } },
            admin
          )
          expect(activityOf(first.data)).toMatchObject({
            overridden: ["sign_in", "presence", "trusted_proxies"],
            settings: {
              sign_in: { ...DEFAULTS.sign_in, max_failures: 5, lockout_mode: "account" },
              presence: { ...DEFAULTS.presence, online_window_minutes: 30 },
              password_policy: DEFAULTS.password_policy,
              trusted_proxies: ["10.0.0.0/8", "loopback"],
            },
          })
          // Stored whole: a later change of the plugin option's other keys would not leak into the group.
          expect(await storedActivity()).toEqual({
            sign_in: { ...DEFAULTS.sign_in, max_failures: 5, lockout_mode: "account" },
            presence: { ...DEFAULTS.presence, online_window_minutes: 30 },
            trusted_proxies: ["10.0.0.0/8", "loopback"],
          })

          // A second partial change of the same group starts from the values in force.
          const second = await api.post(SETTINGS, { activity: { sign_in: { lockout_minutes: 30 } } }, admin)
          expect(activityOf(second.data).settings.sign_in).toEqual({ ...DEFAULTS.sign_in, max_failures: 5, lockout_mode: "account", lockout_minutes: 30 })

          const reset = await api.post(SETTINGS, { reset: ["activity.sign_in", "activity.trusted_proxies"] }, admin)
          expect(activityOf(reset.data)).toMatchObject({
            overridden: ["presence"],
            settings: { sign_in: DEFAULTS.sign_in, trusted_proxies: [], presence: { ...DEFAULTS.presence, online_window_minutes: 30 } },
          })
          expect(await storedActivity()).toEqual({ presence: { ...DEFAULTS.presence, online_window_minutes: 30 } })
        })

        it("refuses a wrong value with a 400 naming the field, and stores nothing of the request", async () => {
          await api.post(SETTINGS, { activity: { login_landing: "stay" } }, admin)
          const cases: [unknown, RegExp][] = [
            [{ sign_in: { max_failures: 0 } }, /activity\.sign_in\.max_failures: /],
            [{ sign_in: { lockout_mode: "forever" } }, /activity\.sign_in\.lockout_mode: /],
            [{ password_policy: { max_length: 32 } }, /activity\.password_policy\.max_length: /],
            [{ password_reset: { per_hour: 5 } }, /activity\.password_reset: unknown setting\(s\) per_hour/],
            [{ login_landing: "home" }, /activity\.login_landing: /],
            [{ limiter_store: "redis" }, /activity: unknown setting\(s\) limiter_store/],
            [{ trusted_proxies: ["10.0.0.1", "proxy.example"] }, /activity\.trusted_proxies\.1: "proxy\.example" is not an IP address/],
          ]
          for (const [activity, message] of cases) {
            const refused = await failure(api.post(SETTINGS, { activity, assistance: { consent_label: "Changed" } }, admin))
            expect([refused.status, refused.data.type]).toEqual([400, "invalid_data"])
            expect(refused.data.message).toMatch(message)
          }
          const both = await failure(api.post(SETTINGS, { activity: { sign_in: { max_failures: 3 } }, reset: ["activity.sign_in"] }, admin))
          expect([both.status, both.data.message]).toEqual([400, "reset: activity.sign_in is also being set"])

          expect(await storedActivity()).toEqual({ login_landing: "stay" })
          const { data } = await api.get(CONFIG, store)
          expect(data.config.assistance.consent_label).not.toBe("Changed")
        })
      })
    })
  },
})
