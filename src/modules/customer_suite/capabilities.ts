import type { CapabilityId, ResolvedCustomerSuiteOptions } from "./options"

export type CapabilityDescription = {
  id: CapabilityId
  name: string
  description: string
  /** Whether this version of the plugin ships the capability (false: planned). */
  available: boolean
}

/** The plugin's capabilities, in the order the admin shows them. */
export const CAPABILITIES: readonly CapabilityDescription[] = [
  {
    id: "segments",
    name: "Customer segments",
    description:
      "Rule-based segments over profile, addresses, groups, orders, purchases and cart, refreshed in real time and on a schedule.",
    available: true,
  },
  {
    id: "customer_groups",
    name: "Customer groups",
    description: "Default group on sign-up and an optional group for guests' carts.",
    available: true,
  },
  {
    id: "tax_classes",
    name: "Tax classes",
    description: "Customer and product tax classes with a rate matrix applied at checkout by the tax-class provider.",
    available: true,
  },
  {
    id: "group_pricing",
    name: "Group pricing",
    description: "Group price rules (percentage, amount off, fixed price, quantity tiers) kept as native price lists.",
    available: true,
  },
  {
    id: "assistance",
    name: "Login as customer",
    description:
      "Shopping assistance with customer consent, one-time codes, short revocable sessions and an audit of every action.",
    available: true,
  },
  {
    id: "activity",
    name: "Account security",
    description:
      "Sign-in throttling with lockout and staff unlock, password-reset throttling, a password policy, sign out everywhere, a security log, Now Online and where shoppers land after signing in.",
    available: true,
  },
  {
    id: "personalization",
    name: "Personalization",
    description: "Segment-targeted content blocks and audiences from an external CDP.",
    available: true,
  },
  {
    id: "companies",
    name: "Company accounts",
    description: "B2B companies with members, roles and a linked customer group.",
    available: false,
  },
]

/** A capability with its settings in force (plugin options with the admin's changes), typed per capability. */
export type CapabilitySettingsOf<K extends CapabilityId> = CapabilityDescription & {
  id: K
  enabled: boolean
  settings: Omit<ResolvedCustomerSuiteOptions[K], "enabled">
  /** Keys the admin changed (their values replace the plugin options'). */
  overridden: string[]
  /** Keys the admin may change. */
  editable: string[]
  /**
   * The plugin option (medusa-config.ts, after defaults) of each key the
   * admin may change: what applies again when the admin's change is reset.
   */
  plugin_options: Partial<ResolvedCustomerSuiteOptions[K]>
}

export type CapabilitySettingsById = { [K in CapabilityId]: CapabilitySettingsOf<K> }

/** Any capability's settings; `id` tells which. */
export type CapabilitySettings = CapabilitySettingsById[CapabilityId]

export type EffectiveSettings = {
  capabilities: CapabilitySettings[]
}

/** A capability's settings as shown to admins: without secrets (the password of `activity.redis_url`). */
export function redacted<T>(id: CapabilityId, settings: T): T {
  const activity = settings as { redis_url?: string | null }
  if (id === "activity" && activity.redis_url) {
    try {
      const url = new URL(activity.redis_url)
      if (url.password) {
        url.password = "redacted"
        activity.redis_url = url.toString()
      }
    } catch {
      activity.redis_url = "redacted"
    }
  }
  return settings
}
