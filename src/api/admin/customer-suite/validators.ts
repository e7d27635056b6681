import { z } from "@medusajs/framework/zod"

export type AdminGetSuiteSettingsParamsType = z.infer<typeof AdminGetSuiteSettingsParams>
export const AdminGetSuiteSettingsParams = z.object({}).strict()

export type AdminGetCustomerOverviewParamsType = z.infer<typeof AdminGetCustomerOverviewParams>
export const AdminGetCustomerOverviewParams = z.object({}).strict()

/** A group by id or name; null: no group; omitted: unchanged. */
const groupSetting = (field: string) =>
  z
    .string()
    .trim()
    // refine, not min/max: Medusa shows a refinement's message as written, naming the field.
    .refine((v) => v.length >= 1 && v.length <= 255, { message: `${field}: must be a customer group id or name (1 to 255 characters), or null` })
    .nullable()
    .optional()

export type AdminUpdateSuiteSettingsType = z.infer<typeof AdminUpdateSuiteSettings>
/**
 * Settings the admin may change (merged over the plugin options). `reset`
 * lists keys (`customer_groups.default_group`) that go back to the option.
 */
export const AdminUpdateSuiteSettings = z
  .object({
    customer_groups: z
      .object({
        default_group: groupSetting("customer_groups.default_group"),
        guest_group: groupSetting("customer_groups.guest_group"),
      })
      .strict()
      .optional(),
    reset: z
      .array(z.enum(["customer_groups.default_group", "customer_groups.guest_group"]))
      .max(10)
      .optional(),
  })
  .strict()
