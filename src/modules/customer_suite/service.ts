import { CAPABILITIES } from "./capabilities"
import {
  parseCustomerSuiteOptions,
  type CapabilityId,
  type ResolvedCustomerSuiteOptions,
} from "./options"

export type CapabilitySettings = {
  id: CapabilityId
  name: string
  description: string
  enabled: boolean
  available: boolean
  settings: Record<string, unknown>
}

export type EffectiveSettings = {
  capabilities: CapabilitySettings[]
}

/**
 * Holds the plugin's validated options. Other parts of the plugin
 * (routes, subscribers, workflows) read configuration through this service,
 * since subscribers do not receive plugin options directly.
 */
export default class CustomerSuiteModuleService {
  protected readonly options_: ResolvedCustomerSuiteOptions

  constructor(_container: Record<string, unknown>, options?: unknown) {
    this.options_ = parseCustomerSuiteOptions(options)
  }

  getOptions(): ResolvedCustomerSuiteOptions {
    return structuredClone(this.options_)
  }

  isEnabled(capability: CapabilityId): boolean {
    return this.options_[capability].enabled
  }

  getEffectiveSettings(): EffectiveSettings {
    return {
      capabilities: CAPABILITIES.map((capability) => {
        const { enabled, ...settings } = this.options_[capability.id]
        return {
          ...capability,
          enabled,
          settings: structuredClone(settings),
        }
      }),
    }
  }
}
