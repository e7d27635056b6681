import { configManager } from "@medusajs/framework/config"
import { logger as medusaLogger } from "@medusajs/framework/logger"
import type { ConfigModule } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { updateOrderTaxLinesWorkflow, updateTaxLinesWorkflow, upsertTaxLinesWorkflow } from "@medusajs/medusa/core-flows"
import { DISABLED_MESSAGE, PLUGIN_NAME, rawPluginOptions, registerTaxContextHooks, taxContextHookMode } from "../tax-classes/utils/context-hooks"
import { buildTaxClassContext, taxClassContextInput } from "../tax-classes/utils/tax-line-context"

/**
 * Hands the `tax-class` provider the customer's and the products' tax classes
 * and the destination's matrix rows, on every path that computes tax lines:
 * cart (update and upsert) and order (order creation, edits, claims,
 * exchanges, draft orders). Medusa allows one handler per hook: with
 * `tax_classes.context_hook: "manual"` (or CUSTOMER_SUITE_TAX_HOOKS=false) the
 * plugin registers none and the store's handler calls `buildTaxClassContext`.
 * Medusa imports this file after loading medusa-config and the modules, so
 * the options are read from the loaded config (decision 0018).
 */

// Before the config is loaded (a script importing this file), `configManager.config` warns or throws.
const config: ConfigModule | undefined = configManager.baseDir ? configManager.config : undefined
const logger = config?.logger ?? medusaLogger
const raw = rawPluginOptions(config)
const { mode, enabled, warning } = taxContextHookMode(raw)
if (warning) {
  logger.warn(`${PLUGIN_NAME}: ${warning}`)
}

if (!enabled) {
  logger.info(DISABLED_MESSAGE)
} else {
  registerTaxContextHooks(
    [
      {
        workflow: "updateTaxLinesWorkflow",
        hooks: updateTaxLinesWorkflow.hooks,
        register: () =>
          updateTaxLinesWorkflow.hooks.setTaxLineContext(async ({ cart, items }, { container }) => {
            return new StepResponse(await buildTaxClassContext(container, taxClassContextInput(cart, items)))
          }),
      },
      {
        workflow: "upsertTaxLinesWorkflow",
        hooks: upsertTaxLinesWorkflow.hooks,
        register: () =>
          upsertTaxLinesWorkflow.hooks.setTaxLineContext(async ({ cart, items }, { container }) => {
            return new StepResponse(await buildTaxClassContext(container, taxClassContextInput(cart, items)))
          }),
      },
      {
        workflow: "updateOrderTaxLinesWorkflow",
        hooks: updateOrderTaxLinesWorkflow.hooks,
        register: () =>
          updateOrderTaxLinesWorkflow.hooks.setTaxLineContext(async ({ order, items }, { container }) => {
            return new StepResponse(await buildTaxClassContext(container, taxClassContextInput(order, items)))
          }),
      },
    ],
    mode,
    logger
  )
}
