import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_SUITE_MODULE } from ".."
import type CustomerSuiteModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<CustomerSuiteModuleService>({
  moduleName: CUSTOMER_SUITE_MODULE,
  resolve: "./src/modules/customer_suite",
  moduleModels: [],
  moduleOptions: {
    assistance: { enabled: true, consent: "not_required" },
    companies: { enabled: true },
  },
  testSuite: ({ service }) => {
    describe("CustomerSuiteModuleService", () => {
      it("exposes the validated options with defaults", () => {
        const options = service.getOptions()
        expect(options.assistance.enabled).toBe(true)
        expect(options.assistance.consent).toBe("not_required")
        expect(options.assistance.code_ttl_seconds).toBe(60)
        expect(service.isEnabled("companies")).toBe(true)
        expect(service.isEnabled("segments")).toBe(true)
      })

      it("returns a copy: callers cannot change the module's options", () => {
        service.getOptions().assistance.enabled = false
        expect(service.isEnabled("assistance")).toBe(true)
      })

      it("describes every capability with its enabled flag and settings", () => {
        const { capabilities } = service.getEffectiveSettings()
        expect(capabilities.map((c) => c.id)).toEqual([
          "segments",
          "customer_groups",
          "tax_classes",
          "group_pricing",
          "assistance",
          "activity",
          "personalization",
          "companies",
        ])
        const assistance = capabilities.find((c) => c.id === "assistance")!
        expect(assistance).toMatchObject({
          name: "Login as customer",
          enabled: true,
          settings: { consent: "not_required", session_ttl_minutes: 60 },
        })
        expect(assistance.settings).not.toHaveProperty("enabled")
        for (const capability of capabilities) {
          expect(typeof capability.available).toBe("boolean")
          expect(capability.description.length).toBeGreaterThan(10)
        }
      })
    })
  },
})
