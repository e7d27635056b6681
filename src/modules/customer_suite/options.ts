import { z } from "@medusajs/framework/zod"
import { parseCron } from "./cron"
import { trustedProxyProblem } from "../customer_activity/client-ip"

/**
 * The plugin's options, as a merchant writes them in `medusa-config.ts`:
 *
 *   plugins: [{ resolve: "medusa-customer-suite", options: { assistance: { enabled: true } } }]
 *
 * Every key is optional; what is left out takes the default shown here.
 * Unknown keys are refused so that a typo never silently falls back to a default.
 */

const cronExpression = z.string().superRefine((value, ctx) => {
  try {
    parseCron(value)
  } catch (error) {
    ctx.addIssue({
      code: "custom",
      message: `must be a 5-field cron expression in UTC, e.g. "0 * * * *": ${(error as Error).message}`,
    })
  }
})

const groupReference = z
  .string()
  .trim()
  .min(1, { message: "must be a customer group id or name, or null" })
  .max(255)
  .nullable()

export const DEFAULT_DENIED_ACTIONS = [
  "POST /store/customers/me/password",
  "POST /auth/customer/emailpass/update",
  "POST /store/customers/me/email",
  "DELETE /store/customers/me",
  "POST /store/payment-methods*",
  "DELETE /store/payment-methods*",
] as const

const deniedAction = z
  .string()
  .regex(/^(GET|POST|PUT|PATCH|DELETE|\*) \/\S+$/, {
    message: 'must look like "METHOD /path" (METHOD one of GET POST PUT PATCH DELETE *; "*" at the end of the path matches any rest)',
  })

const SegmentsOptionsSchema = z
  .object({
    enabled: z.boolean().default(true),
    realtime: z.boolean().default(true),
    refresh_schedule: cronExpression.default("0 * * * *"),
    batch_size: z.number().int().min(100).max(50_000).default(5_000),
    /** A cart with items left this long without being completed counts as abandoned (abandoned_cart_date). */
    abandoned_after_minutes: z.number().int().min(5).max(43_200).default(60),
  })
  .strict()

const CustomerGroupsOptionsSchema = z
  .object({
    enabled: z.boolean().default(true),
    default_group: groupReference.default(null),
    guest_group: groupReference.default(null),
  })
  .strict()

/**
 * Who answers Medusa's `setTaxLineContext` hooks (one handler per workflow):
 * "plugin" registers the plugin's own handlers; "manual" leaves the hooks to
 * the store, whose handler calls `buildTaxClassContext` (README, Tax classes).
 */
export const TAX_CONTEXT_HOOK_MODES = ["plugin", "manual"] as const
export type TaxContextHookMode = (typeof TAX_CONTEXT_HOOK_MODES)[number]

const TaxClassesOptionsSchema = z
  .object({
    enabled: z.boolean().default(true),
    context_hook: z.enum(TAX_CONTEXT_HOOK_MODES).default("plugin"),
  })
  .strict()

const ToggleOnlySchema = (enabled: boolean) =>
  z.object({ enabled: z.boolean().default(enabled) }).strict()

const AssistanceOptionsSchema = z
  .object({
    enabled: z.boolean().default(false),
    consent: z.enum(["opt_in", "not_required"]).default("opt_in"),
    code_ttl_seconds: z.number().int().min(10).max(600).default(60),
    session_ttl_minutes: z.number().int().min(5).max(480).default(60),
    storefront_url: z
      .string()
      .url({ message: "must be an absolute URL containing {code}" })
      .refine((url) => url.includes("{code}"), {
        message: "must contain the {code} placeholder, e.g. https://shop.example/account/assist?code={code}",
      })
      .nullable()
      .default(null),
    require_reason: z.boolean().default(true),
    /** The storefront's words for the consent switch (GET /store/customer-suite/config). */
    consent_label: z.string().trim().min(1).max(200).default("Allow the store's support team to sign in to my account to help me"),
    consent_help: z
      .string()
      .trim()
      .max(1_000)
      .default("A team member can then see and change your cart and place orders for you, for a limited time. Every action is recorded, and you can withdraw this at any time."),
    denied_actions: z.array(deniedAction).max(100).default([...DEFAULT_DENIED_ACTIONS]),
  })
  .strict()

/** Audiences pushed by a CDP through the signed webhook (POST /hooks/customer-suite/audiences). */
export const AudiencesOptionsSchema = z
  .object({
    /** How long a rotated-out secret still verifies batches, so the CDP can switch over. */
    secret_grace_period_hours: z.number().int().min(0).max(720).default(24),
    /** Members (added plus removed) one batch may carry; a larger batch is refused whole (413). */
    max_members_per_batch: z.number().int().min(1).max(10_000).default(10_000),
    /** How far a batch's signed timestamp may be from the server's clock. */
    max_clock_skew_seconds: z.number().int().min(30).max(300).default(300),
  })
  .strict()

/**
 * Account security and presence (issue 15). Defaults follow NIST SP 800-63B
 * rev 4 and OWASP ASVS 5; Adobe Commerce's equivalents are in the README's
 * table (e.g. `lockout_mode: "account"`, `password_policy.required_classes: 3`).
 */
export const LOCKOUT_MODES = ["account_and_ip", "account"] as const
export const RESET_PROTECTIONS = ["ip_and_email", "ip", "email", "none"] as const
export const LOGIN_LANDINGS = ["account", "stay"] as const

export const SignInOptionsSchema = z
  .object({
    /** account_and_ip: one account from one IP locks (an attacker elsewhere cannot lock the owner out); account: Adobe's rule. */
    lockout_mode: z.enum(LOCKOUT_MODES).default("account_and_ip"),
    /** Failures (one account from one IP, or one account anywhere in "account" mode) before the lock. */
    max_failures: z.number().int().min(1).max(1_000).default(10),
    lockout_minutes: z.number().int().min(1).max(1_440).default(10),
    /** account_and_ip mode: failures of one account from all IPs in an hour before the account locks. */
    max_failures_per_account: z.number().int().min(1).max(100_000).default(100),
    /** Failures from one IP (IPv6: one /64) across accounts in `ip_window_minutes` before the IP is refused. */
    max_failures_per_ip: z.number().int().min(1).max(100_000).default(50),
    ip_window_minutes: z.number().int().min(1).max(1_440).default(15),
  })
  .strict()

export const PasswordResetOptionsSchema = z
  .object({
    protection: z.enum(RESET_PROTECTIONS).default("ip_and_email"),
    max_requests_per_hour: z.number().int().min(1).max(1_000).default(5),
    min_seconds_between: z.number().int().min(0).max(86_400).default(600),
  })
  .strict()

export const PasswordPolicyOptionsSchema = z
  .object({
    /** NIST: at least 8 where the password is one of two factors, 15 where it is the only one. */
    min_length: z.number().int().min(1).max(64).default(8),
    /** Longest password accepted (never truncated); at least 64 as NIST asks. */
    max_length: z.number().int().min(64).max(4_096).default(256),
    /** Refuse common and breached passwords (the @zxcvbn-ts common-password list). */
    refuse_common: z.boolean().default(true),
    /** zxcvbn score 0-4 a password must reach; null: no strength rule. */
    min_strength: z.number().int().min(0).max(4).nullable().default(null),
    /** Character classes (lower, upper, digit, other) required; 0 by default, 3 is Adobe's rule. */
    required_classes: z.number().int().min(0).max(4).default(0),
  })
  .strict()

export const PresenceOptionsSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** A shopper seen within this window is online (Adobe: 15 minutes). */
    online_window_minutes: z.number().int().min(1).max(1_440).default(15),
    /** Visitor (guest cart) rows older than this are pruned by a job. */
    visitor_retention_days: z.number().int().min(1).max(365).default(7),
  })
  .strict()

const ActivityOptionsSchema = z
  .object({
    enabled: z.boolean().default(true),
    sign_in: SignInOptionsSchema.prefault({}),
    password_reset: PasswordResetOptionsSchema.prefault({}),
    password_policy: PasswordPolicyOptionsSchema.prefault({}),
    presence: PresenceOptionsSchema.prefault({}),
    /** Security log rows older than this are pruned (in bounded batches) by a job. */
    security_log_retention_days: z.number().int().min(1).max(3_650).default(365),
    /**
     * Proxies whose X-Forwarded-For is believed: addresses, CIDR ranges or
     * proxy-addr's names ("loopback", "linklocal", "uniquelocal"). Empty: the socket address is the client.
     */
    trusted_proxies: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(64)
          .superRefine((entry, ctx) => {
            const problem = trustedProxyProblem(entry)
            if (problem) {
              ctx.addIssue({ code: "custom", message: `${JSON.stringify(entry)} is not an IP address, a CIDR range, or "loopback", "linklocal" or "uniquelocal" (${problem})` })
            }
          })
      )
      .max(100)
      .default([]),
    /** Where sign-in and reset counters live: PostgreSQL (shared by every instance) or Redis. */
    limiter_store: z.enum(["postgres", "redis"]).default("postgres"),
    /** Redis for limiter_store "redis" (default: the REDIS_URL environment variable). */
    redis_url: z.string().url().nullable().default(null),
    /** Where the storefront sends a shopper after sign-in: the account page (Adobe's default) or the page they were on. */
    login_landing: z.enum(LOGIN_LANDINGS).default("account"),
  })
  .strict()
  .superRefine((activity, ctx) => {
    // Caught at boot rather than at the first sign-in: a Redis store needs a URL.
    if (activity.limiter_store === "redis" && !activity.redis_url && !process.env.REDIS_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["redis_url"],
        message: 'activity.limiter_store is "redis": set activity.redis_url or the REDIS_URL environment variable',
      })
    }
  })

const PersonalizationOptionsSchema = z
  .object({
    enabled: z.boolean().default(true),
    audiences: AudiencesOptionsSchema.prefault({}),
  })
  .strict()

export const CustomerSuiteOptionsSchema = z
  .object({
    segments: SegmentsOptionsSchema.prefault({}),
    customer_groups: CustomerGroupsOptionsSchema.prefault({}),
    tax_classes: TaxClassesOptionsSchema.prefault({}),
    group_pricing: ToggleOnlySchema(true).prefault({}),
    assistance: AssistanceOptionsSchema.prefault({}),
    activity: ActivityOptionsSchema.prefault({}),
    personalization: PersonalizationOptionsSchema.prefault({}),
    companies: ToggleOnlySchema(false).prefault({}),
  })
  .strict()

/** What a merchant may pass (every key optional). */
export type CustomerSuiteOptions = z.input<typeof CustomerSuiteOptionsSchema>
/** The options after defaults are applied. */
export type ResolvedCustomerSuiteOptions = z.output<typeof CustomerSuiteOptionsSchema>
export type CapabilityId = keyof ResolvedCustomerSuiteOptions

/**
 * Keys Medusa itself may put into a module's options next to ours
 * (plugin options reach every module of the plugin as its options).
 */
const MEDUSA_INJECTED_KEYS = new Set(["providers", "database", "definition"])

export class InvalidCustomerSuiteOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `medusa-customer-suite: invalid plugin options:\n` +
        problems.map((p) => `  - ${p}`).join("\n") +
        `\nFix them in the plugin's "options" in medusa-config.ts.`
    )
    this.name = "InvalidCustomerSuiteOptionsError"
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join(".")
  const where = path ? `"${path}"` : "options"
  switch (issue.code) {
    case "unrecognized_keys":
      return `${issue.keys
        .map((k) => `"${path ? `${path}.` : ""}${k}"`)
        .join(", ")}: unknown option${issue.keys.length > 1 ? "s" : ""}`
    case "invalid_value":
      return `${where}: must be one of ${issue.values
        .map((v) => JSON.stringify(v))
        .join(", ")}`
    default:
      return `${where}: ${issue.message}`
  }
}

/** The environment variables that stand in for an option the merchant did not set. */
export type OptionEnv = { CUSTOMER_SUITE_TAX_HOOKS?: string }

/** `tax_classes.context_hook` as the merchant wrote it, or undefined when left out. */
function explicitContextHook(raw: unknown): unknown {
  const taxClasses = raw && typeof raw === "object" ? (raw as { tax_classes?: unknown }).tax_classes : undefined
  return taxClasses && typeof taxClasses === "object" ? (taxClasses as { context_hook?: unknown }).context_hook : undefined
}

/**
 * When `CUSTOMER_SUITE_TAX_HOOKS` (the older switch, kept as an alias of
 * `tax_classes.context_hook`) says otherwise than the option the merchant set,
 * a sentence saying which one applies; otherwise null. The option wins.
 */
export function taxContextHookConflict(raw: unknown, env: OptionEnv = process.env): string | null {
  const option = explicitContextHook(raw)
  const alias = env.CUSTOMER_SUITE_TAX_HOOKS
  if (option === undefined || alias === undefined) {
    return null
  }
  const aliasMode: TaxContextHookMode = alias === "false" ? "manual" : "plugin"
  return option === aliasMode
    ? null
    : `CUSTOMER_SUITE_TAX_HOOKS=${alias} is ignored: the plugin option tax_classes.context_hook is ${JSON.stringify(option)}, and the option wins`
}

/**
 * Validates raw plugin options and applies defaults.
 * Throws InvalidCustomerSuiteOptionsError naming every wrong option.
 * `CUSTOMER_SUITE_TAX_HOOKS=false` means `tax_classes.context_hook: "manual"`
 * when the option is left out.
 */
export function parseCustomerSuiteOptions(raw: unknown, env: OptionEnv = process.env): ResolvedCustomerSuiteOptions {
  const input =
    raw && typeof raw === "object" && !Array.isArray(raw)
      ? Object.fromEntries(
          Object.entries(raw as Record<string, unknown>).filter(
            ([key]) => !MEDUSA_INJECTED_KEYS.has(key)
          )
        )
      : raw ?? {}
  const result = CustomerSuiteOptionsSchema.safeParse(input)
  if (!result.success) {
    throw new InvalidCustomerSuiteOptionsError(result.error.issues.map(describeIssue))
  }
  if (explicitContextHook(input) === undefined && env.CUSTOMER_SUITE_TAX_HOOKS === "false") {
    result.data.tax_classes.context_hook = "manual"
  }
  return result.data
}

/** Settings an admin may change on the settings page (merged over the plugin options). */
export const OVERRIDABLE_SETTINGS = {
  customer_groups: ["default_group", "guest_group"],
  assistance: ["enabled", "consent", "code_ttl_seconds", "session_ttl_minutes", "storefront_url", "require_reason", "consent_label", "consent_help", "denied_actions"],
  activity: ["sign_in", "password_reset", "password_policy", "presence", "security_log_retention_days", "trusted_proxies", "login_landing"],
} as const

/** The assistance settings as the settings page may send them (each one optional). */
export const AssistanceSettingsSchema = AssistanceOptionsSchema.partial()

/** The activity settings as the settings page may send them (each group whole, each one optional). */
export const ActivitySettingsSchema = ActivityOptionsSchema.pick({
  sign_in: true,
  password_reset: true,
  password_policy: true,
  presence: true,
  security_log_retention_days: true,
  trusted_proxies: true,
  login_landing: true,
}).partial()

export type SettingsOverrides = {
  customer_groups?: { default_group?: string | null; guest_group?: string | null }
  assistance?: Partial<ResolvedCustomerSuiteOptions["assistance"]>
  activity?: Partial<Pick<ResolvedCustomerSuiteOptions["activity"], (typeof OVERRIDABLE_SETTINGS)["activity"][number]>>
}
