import type { ConfigModule, Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import {
  parseCustomerSuiteOptions,
  taxContextHookConflict,
  type OptionEnv,
  type TaxContextHookMode,
} from "../../../modules/customer_suite/options"

/**
 * Registering the plugin's `setTaxLineContext` handlers next to a store's own
 * (Medusa allows one handler per workflow hook, and the error it throws for a
 * second one names neither side). Decision 0018.
 */

export const PLUGIN_NAME = "medusa-customer-suite"
const DUPLICATE_HOOK_MESSAGE = "Cannot define multiple hook handlers"
const README_POINTER = `README of ${PLUGIN_NAME}, "Tax classes" → "Your own setTaxLineContext handler"`

/** The store-side handler to copy, printed when the two handlers collide. */
export const COMPOSE_EXAMPLE = [
  `  // src/workflows/hooks/tax-context.ts, with tax_classes: { context_hook: "manual" }`,
  `  import { updateTaxLinesWorkflow } from "@medusajs/medusa/core-flows"`,
  `  import { StepResponse } from "@medusajs/framework/workflows-sdk"`,
  `  import { buildTaxClassContext, taxClassContextInput } from "${PLUGIN_NAME}/workflows"`,
  `  updateTaxLinesWorkflow.hooks.setTaxLineContext(async ({ cart, items }, { container }) => {`,
  `    const classes = await buildTaxClassContext(container, taxClassContextInput(cart, items))`,
  `    return new StepResponse({ ...classes, /* your own keys */ })`,
  `  })`,
  `  // the same for upsertTaxLinesWorkflow ({ cart, items }) and updateOrderTaxLinesWorkflow ({ order, items })`,
].join("\n")

/** A workflow whose `setTaxLineContext` hook the plugin answers. */
export type TaxContextHookTarget = {
  /** The workflow's export name, for messages (`updateTaxLinesWorkflow`). */
  workflow: string
  /** The workflow's `hooks` object; its `setTaxLineContext` is wrapped once the plugin holds the hook. */
  hooks: { setTaxLineContext: (...args: never[]) => unknown }
  /** Registers the plugin's handler (throws Medusa's error when the hook already has one). */
  register: () => void
}

type ModuleEntry = { resolve?: unknown; options?: unknown } | boolean | undefined
type ConfigLike = Pick<ConfigModule, "modules"> & { plugins?: unknown[] }

/**
 * The plugin's options as the merchant wrote them, read from the loaded
 * medusa-config: Medusa gives every module of a plugin the plugin's options
 * (and the development store passes them to `customer_suite` itself), and the
 * plugin's modules are merged into `modules` before workflows are loaded.
 * Undefined when the config has no `customer_suite` module.
 */
export function rawPluginOptions(config: ConfigLike | undefined): unknown {
  const modules = (config?.modules ?? {}) as Record<string, ModuleEntry>
  const byKey = modules[CUSTOMER_SUITE_MODULE]
  const entry =
    byKey && typeof byKey === "object"
      ? byKey
      : Object.values(modules).find(
          (m): m is { resolve?: unknown; options?: unknown } =>
            !!m && typeof m === "object" && typeof m.resolve === "string" && /(^|[\\/])modules[\\/]customer_suite([\\/]index(\.[jt]s)?)?$/.test(m.resolve)
        )
  return entry ? entry.options ?? {} : undefined
}

/** Which handler answers the hooks, from the options (or, when left out, CUSTOMER_SUITE_TAX_HOOKS). */
export function taxContextHookMode(
  raw: unknown,
  env: OptionEnv = process.env
): { mode: TaxContextHookMode; enabled: boolean; warning: string | null } {
  const { tax_classes } = parseCustomerSuiteOptions(raw ?? {}, env)
  return { mode: tax_classes.context_hook, enabled: tax_classes.enabled, warning: taxContextHookConflict(raw, env) }
}

const list = (names: string[]) =>
  names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`

const composeAdvice =
  `To run both, set the plugin option tax_classes: { context_hook: "manual" } in medusa-config.ts and call ` +
  `buildTaxClassContext from "${PLUGIN_NAME}/workflows" in your handler, merging its result into yours:\n` +
  COMPOSE_EXAMPLE +
  `\nSee the ${README_POINTER}.`

/** The error a store's second handler gets once the plugin holds the hook. */
export function heldByPluginMessage(workflow: string): string {
  return (
    `${DUPLICATE_HOOK_MESSAGE} for the setTaxLineContext hook of ${workflow}: ` +
    `${PLUGIN_NAME} registered one already (tax classes at checkout). ${composeAdvice}`
  )
}

/** The error thrown when the store's (or another plugin's) handler was there first. */
export function takenBeforePluginMessage(workflows: string[]): string {
  return (
    `${PLUGIN_NAME}: ${list(workflows)} already ${workflows.length > 1 ? "have" : "has"} a setTaxLineContext handler ` +
    `(your store's or another plugin's), and Medusa allows one per workflow, so the plugin cannot apply tax classes ` +
    `there (tax_classes.context_hook is "plugin"). ${composeAdvice}`
  )
}

export const DISABLED_MESSAGE =
  `${PLUGIN_NAME}: tax_classes.enabled is false: the plugin registers no setTaxLineContext handler.`

export function heldMessage(workflows: string[]): string {
  return (
    `${PLUGIN_NAME}: the plugin's setTaxLineContext handlers are registered on ${list(workflows)} ` +
    `(tax classes at checkout; option tax_classes.context_hook: "plugin"). A store with its own handler for these hooks ` +
    `sets tax_classes: { context_hook: "manual" } and calls buildTaxClassContext (${README_POINTER}).`
  )
}

export const MANUAL_MESSAGE =
  `${PLUGIN_NAME}: tax_classes.context_hook is "manual": the plugin registers no setTaxLineContext handler; ` +
  `tax classes apply only where your own handler merges buildTaxClassContext into its result (${README_POINTER}).`

const isDuplicateHookError = (error: unknown) => error instanceof Error && error.message.includes(DUPLICATE_HOOK_MESSAGE)

/**
 * Registers the plugin's handlers on `targets` unless `mode` is "manual".
 * - A hook that already has a handler stops the boot with an error naming the
 *   workflows, the option and how to compose both, as the store's second
 *   registration does in the other order: which file Medusa imports first
 *   never decides whether a store boots with or without tax classes.
 * - A hook the plugin now holds explains itself to whoever comes second: its
 *   `setTaxLineContext` rethrows Medusa's error with our name and the advice.
 * - One info line says what the plugin holds (or that it holds nothing).
 */
export function registerTaxContextHooks(targets: TaxContextHookTarget[], mode: TaxContextHookMode, logger: Pick<Logger, "info" | "error">) {
  if (mode === "manual") {
    logger.info(MANUAL_MESSAGE)
    return { held: [] as string[], taken: [] as string[] }
  }
  const held: string[] = []
  const taken: string[] = []
  for (const target of targets) {
    try {
      target.register()
    } catch (error) {
      if (!isDuplicateHookError(error)) {
        throw error
      }
      taken.push(target.workflow)
      continue
    }
    held.push(target.workflow)
    explainLaterRegistrations(target)
  }
  if (taken.length) {
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, takenBeforePluginMessage(taken))
  }
  if (held.length) {
    logger.info(heldMessage(held))
  }
  return { held, taken }
}

function explainLaterRegistrations(target: TaxContextHookTarget) {
  const original = target.hooks.setTaxLineContext
  const descriptor = Object.getOwnPropertyDescriptor(target.hooks, "setTaxLineContext")
  if (!descriptor?.writable) {
    return
  }
  target.hooks.setTaxLineContext = (...args: never[]) => {
    try {
      return original(...args)
    } catch (error) {
      if (isDuplicateHookError(error)) {
        throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, heldByPluginMessage(target.workflow))
      }
      throw error
    }
  }
}
