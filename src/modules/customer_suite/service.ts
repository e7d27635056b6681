import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { CAPABILITIES, redacted, type CapabilitySettingsById, type CapabilitySettingsOf, type EffectiveSettings } from "./capabilities"
import CustomerBulkAction from "./models/customer-bulk-action"
import CustomerBulkActionFailure from "./models/customer-bulk-action-failure"
import CustomerGridPreference from "./models/customer-grid-preference"
import CustomerGridView from "./models/customer-grid-view"
import CustomerGroupAssignment from "./models/customer-group-assignment"
import CustomerSuiteSetting from "./models/customer-suite-setting"
import {
  OVERRIDABLE_SETTINGS,
  parseCustomerSuiteOptions,
  type CapabilityId,
  type ResolvedCustomerSuiteOptions,
  type SettingsOverrides,
} from "./options"

export type { CapabilitySettings, EffectiveSettings } from "./capabilities"


/**
 * Holds the plugin's validated options and the settings changed in the
 * admin. Other parts of the plugin (routes, subscribers, workflows) read
 * configuration through this service, since subscribers do not receive
 * plugin options directly.
 */
export default class CustomerSuiteModuleService extends MedusaService({
  CustomerSuiteSetting,
  CustomerGroupAssignment,
  CustomerGridView,
  CustomerGridPreference,
  CustomerBulkAction,
  CustomerBulkActionFailure,
}) {
  protected readonly options_: ResolvedCustomerSuiteOptions

  constructor(container: Record<string, unknown>, options?: unknown) {
    super(...arguments)
    this.options_ = parseCustomerSuiteOptions(options)
  }

  /** The merchant's plugin options (after defaults), without admin changes. */
  async getOptions(): Promise<ResolvedCustomerSuiteOptions> {
    return structuredClone(this.options_)
  }

  async isEnabled(capability: CapabilityId): Promise<boolean> {
    return this.options_[capability].enabled
  }

  /** The options with the admin's changes merged over them. */
  @InjectManager()
  async getResolvedOptions(@MedusaContext() context: Context = {}): Promise<ResolvedCustomerSuiteOptions> {
    const resolved = await this.getOptions()
    const rows = await this.listCustomerSuiteSettings({}, {}, context)
    for (const row of rows) {
      const capability = row.capability as keyof SettingsOverrides
      const editable = OVERRIDABLE_SETTINGS[capability] as readonly string[] | undefined
      if (!editable) {
        continue
      }
      const target = resolved[capability] as Record<string, unknown>
      for (const [key, value] of Object.entries((row.values ?? {}) as Record<string, unknown>)) {
        if (editable.includes(key)) {
          target[key] = value
        }
      }
    }
    return resolved
  }

  async getEffectiveSettings(): Promise<EffectiveSettings> {
    const resolved = await this.getResolvedOptions()
    const options = await this.getOptions()
    const rows = await this.listCustomerSuiteSettings()
    const overridden = new Map(rows.map((r) => [r.capability, Object.keys(r.values ?? {})]))
    const describe = <K extends CapabilityId>(id: K): CapabilitySettingsOf<K> => {
      const capability = CAPABILITIES.find((c) => c.id === id)!
      const { enabled, ...settings } = resolved[id]
      const editable: string[] = [...((OVERRIDABLE_SETTINGS as Partial<Record<CapabilityId, readonly string[]>>)[id] ?? [])]
      return {
        ...capability,
        id,
        enabled,
        settings: redacted(id, structuredClone(settings)),
        overridden: editable.filter((k) => (overridden.get(id) ?? []).includes(k)),
        editable,
        plugin_options: Object.fromEntries(
          editable.map((key) => [key, structuredClone((options[id] as Record<string, unknown>)[key])])
        ) as Partial<ResolvedCustomerSuiteOptions[K]>,
      }
    }
    // Every capability listed: a new one fails to compile until it is here.
    const byId: CapabilitySettingsById = {
      segments: describe("segments"),
      customer_groups: describe("customer_groups"),
      tax_classes: describe("tax_classes"),
      group_pricing: describe("group_pricing"),
      assistance: describe("assistance"),
      activity: describe("activity"),
      personalization: describe("personalization"),
      companies: describe("companies"),
    }
    return { capabilities: CAPABILITIES.map((capability) => byId[capability.id]) }
  }

  /**
   * Stores admin changes (validated by the caller) and drops the `reset`
   * ones (`"customer_groups.default_group"`), so the plugin option applies again.
   */
  @InjectManager()
  async overrideSettings(
    changes: SettingsOverrides,
    reset: string[] = [],
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    await this.overrideSettings_(changes, reset, context)
  }

  @InjectTransactionManager()
  protected async overrideSettings_(
    changes: SettingsOverrides,
    reset: string[],
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    const capabilities = new Set([...Object.keys(changes), ...reset.map((path) => path.split(".")[0])])
    for (const capability of capabilities) {
      const [existing] = await this.listCustomerSuiteSettings({ capability }, {}, context)
      const merged: Record<string, unknown> = {
        ...((existing?.values ?? {}) as Record<string, unknown>),
        ...((changes as Record<string, Record<string, unknown> | undefined>)[capability] ?? {}),
      }
      for (const path of reset) {
        const [owner, key] = path.split(".")
        if (owner === capability) {
          delete merged[key]
        }
      }
      await this.replaceSetting_(capability, existing?.id ?? null, merged, context)
    }
  }

  /** The stored changes of some capabilities, as `restoreSettings` takes them back. */
  @InjectManager()
  async snapshotSettings(
    capabilities: string[],
    @MedusaContext() context: Context = {}
  ): Promise<Record<string, Record<string, unknown> | null>> {
    const rows = await this.listCustomerSuiteSettings({ capability: capabilities }, {}, context)
    return Object.fromEntries(
      capabilities.map((c) => [c, (rows.find((r) => r.capability === c)?.values as Record<string, unknown>) ?? null])
    )
  }

  /** Puts the snapshot back exactly (null: the capability had no stored change). */
  @InjectManager()
  async restoreSettings(
    snapshot: Record<string, Record<string, unknown> | null>,
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    await this.restoreSettings_(snapshot, context)
  }

  @InjectTransactionManager()
  protected async restoreSettings_(
    snapshot: Record<string, Record<string, unknown> | null>,
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    for (const [capability, values] of Object.entries(snapshot)) {
      const [existing] = await this.listCustomerSuiteSettings({ capability }, {}, context)
      await this.replaceSetting_(capability, existing?.id ?? null, values, context)
    }
  }

  // Replaced, not updated: an update merges JSON and would keep reset keys.
  // One transaction, so a failed create never leaves the row deleted.
  @InjectTransactionManager()
  protected async replaceSetting_(
    capability: string,
    existingId: string | null,
    values: Record<string, unknown> | null,
    @MedusaContext() context: Context = {}
  ) {
    if (existingId) {
      await this.deleteCustomerSuiteSettings(existingId, context)
    }
    if (values) {
      await this.createCustomerSuiteSettings({ capability, values }, context)
    }
  }
}
