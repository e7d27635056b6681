import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_SUITE_MODULE } from ".."
import CustomerGroupAssignment from "../models/customer-group-assignment"
import CustomerSuiteSetting from "../models/customer-suite-setting"
import type CustomerSuiteModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<CustomerSuiteModuleService>({
  moduleName: CUSTOMER_SUITE_MODULE,
  resolve: "./src/modules/customer_suite",
  moduleModels: [CustomerSuiteSetting, CustomerGroupAssignment],
  moduleOptions: {
    assistance: { enabled: true, consent: "not_required" },
    companies: { enabled: true },
  },
  testSuite: ({ service }) => {
    describe("CustomerSuiteModuleService", () => {
      it("exposes the validated options with defaults", async () => {
        const options = await service.getOptions()
        expect(options.assistance.enabled).toBe(true)
        expect(options.assistance.consent).toBe("not_required")
        expect(options.assistance.code_ttl_seconds).toBe(60)
        expect(await service.isEnabled("companies")).toBe(true)
        expect(await service.isEnabled("segments")).toBe(true)
      })

      it("returns a copy: callers cannot change the module's options", async () => {
        ;(await service.getOptions()).assistance.enabled = false
        expect(await service.isEnabled("assistance")).toBe(true)
      })

      it("describes every capability with its enabled flag and settings", async () => {
        const { capabilities } = await service.getEffectiveSettings()
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

      it("merges the admin's changes over the options, and drops them again", async () => {
        await service.overrideSettings({ customer_groups: { default_group: "Retail" } })
        expect((await service.getResolvedOptions()).customer_groups).toMatchObject({ default_group: "Retail", guest_group: null })
        expect((await service.getOptions()).customer_groups.default_group).toBeNull()
        const groups = (await service.getEffectiveSettings()).capabilities.find((c) => c.id === "customer_groups")!
        expect(groups).toMatchObject({ overridden: ["default_group"], editable: ["default_group", "guest_group"] })

        await service.overrideSettings({ customer_groups: { guest_group: null } })
        expect((await service.getResolvedOptions()).customer_groups).toMatchObject({ default_group: "Retail", guest_group: null })
        await service.overrideSettings({}, ["customer_groups.default_group"])
        expect((await service.getResolvedOptions()).customer_groups.default_group).toBeNull()
        expect(await service.listCustomerSuiteSettings()).toHaveLength(1)
      })
    })
  },
})
