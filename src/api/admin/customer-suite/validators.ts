import { z } from "@medusajs/framework/zod"
import { compileTrust } from "../../../modules/customer_activity/client-ip"
import {
  ActivitySettingsSchema,
  AssistanceSettingsSchema,
  OVERRIDABLE_SETTINGS,
  PasswordPolicyOptionsSchema,
  PasswordResetOptionsSchema,
  PresenceOptionsSchema,
  SignInOptionsSchema,
} from "../../../modules/customer_suite/options"

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

/** Only the keys that were sent: the option schemas fill in their defaults for the rest. */
const sentOnly = <T extends Record<string, unknown>>(parsed: T, sent: unknown): Partial<T> => {
  const keys = Object.keys(sent as object)
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => keys.includes(key))) as Partial<T>
}

/** The settings groups of `activity`, each stored whole (the route fills in the keys not sent from the settings in force). */
export const ACTIVITY_GROUPS = ["sign_in", "password_reset", "password_policy", "presence"] as const
export type ActivityGroup = (typeof ACTIVITY_GROUPS)[number]

const ActivitySettingsPatchSchema = ActivitySettingsSchema.extend({
  sign_in: SignInOptionsSchema.partial().strict(),
  password_reset: PasswordResetOptionsSchema.partial().strict(),
  password_policy: PasswordPolicyOptionsSchema.partial().strict(),
  presence: PresenceOptionsSchema.partial().strict(),
})
  .partial()
  .strict()

/** The activity settings as sent: each group's sent keys only, to be merged over the group in force. */
export type ActivitySettingsPatch = z.output<typeof ActivitySettingsPatchSchema>

/**
 * Account-security settings, checked as the plugin options are, with messages
 * naming the field ("activity.sign_in.max_failures: …"). A group may be sent
 * in part; trusted proxies must be addresses, ranges or proxy-addr's names.
 */
const ActivitySettings = z.unknown().transform((value, ctx): ActivitySettingsPatch => {
  const parsed = ActivitySettingsPatchSchema.safeParse(value)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = ["activity", ...issue.path].join(".")
      ctx.addIssue({
        code: "custom",
        message: issue.code === "unrecognized_keys" ? `${field}: unknown setting(s) ${(issue as { keys?: string[] }).keys?.join(", ")}` : `${field}: ${issue.message}`,
      })
    }
    return z.NEVER
  }
  const patch: Record<string, unknown> = sentOnly(parsed.data, value)
  for (const group of ACTIVITY_GROUPS) {
    if (patch[group]) {
      patch[group] = sentOnly(patch[group] as Record<string, unknown>, (value as Record<string, unknown>)[group])
    }
  }
  const proxies = (patch.trusted_proxies ?? []) as string[]
  proxies.forEach((entry, index) => {
    try {
      compileTrust([entry])
    } catch {
      ctx.addIssue({ code: "custom", message: `activity.trusted_proxies.${index}: "${entry}" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal` })
    }
  })
  return patch as ActivitySettingsPatch
})

const RESETTABLE = [
  ...OVERRIDABLE_SETTINGS.customer_groups.map((k) => `customer_groups.${k}` as const),
  ...OVERRIDABLE_SETTINGS.assistance.map((k) => `assistance.${k}` as const),
  ...OVERRIDABLE_SETTINGS.activity.map((k) => `activity.${k}` as const),
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
    activity: ActivitySettings.optional(),
    reset: z
      .array(z.enum(RESETTABLE))
      .max(40)
      .optional(),
  })
  .strict()
