import { z } from "@medusajs/framework/zod"
import { AssistanceSettingsSchema, OVERRIDABLE_SETTINGS } from "../../../modules/customer_suite/options"

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

/**
 * Login-as-customer settings, checked as the plugin options are, with
 * messages that name the field ("assistance.code_ttl_seconds: …").
 */
const AssistanceSettings = z.unknown().transform((value, ctx) => {
  const parsed = AssistanceSettingsSchema.strict().safeParse(value)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = ["assistance", ...issue.path].join(".")
      ctx.addIssue({ code: "custom", message: issue.code === "unrecognized_keys" ? `assistance: unknown setting(s) ${(issue as { keys?: string[] }).keys?.join(", ")}` : `${field}: ${issue.message}` })
    }
    return z.NEVER
  }
  // Only what was sent: the option schema would fill in its defaults for the rest.
  const sent = Object.keys(value as object)
  return Object.fromEntries(Object.entries(parsed.data).filter(([key]) => sent.includes(key))) as typeof parsed.data
})

const RESETTABLE = [
  ...OVERRIDABLE_SETTINGS.customer_groups.map((k) => `customer_groups.${k}` as const),
  ...OVERRIDABLE_SETTINGS.assistance.map((k) => `assistance.${k}` as const),
] as [string, ...string[]]

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
    assistance: AssistanceSettings.optional(),
    reset: z
      .array(z.enum(RESETTABLE))
      .max(20)
      .optional(),
  })
  .strict()
