import { StepResponse, WorkflowResponse, createHook, createWorkflow } from "@medusajs/framework/workflows-sdk"
import {
  MANUAL_MESSAGE,
  rawPluginOptions,
  registerTaxContextHooks,
  taxContextHookMode,
  type TaxContextHookTarget,
} from "../utils/context-hooks"
import { taxClassContextInput } from "../utils/tax-line-context"

/**
 * Real Medusa workflows with a `setTaxLineContext` hook, as the three
 * tax-lines workflows declare it: Medusa itself throws on a second handler.
 */
let seq = 0
const workflowWithHook = () =>
  createWorkflow(`test-tax-hook-${process.pid}-${++seq}`, function (input: { id: string }) {
    const hook = createHook("setTaxLineContext", { cart: input })
    return new WorkflowResponse(undefined, { hooks: [hook] })
  })

const pluginHandler = async () => new StepResponse({ from: "plugin" })
const storeHandler = async () => new StepResponse({ from: "store" })

const target = (name: string, workflow: ReturnType<typeof workflowWithHook>): TaxContextHookTarget => ({
  workflow: name,
  hooks: workflow.hooks,
  register: () => workflow.hooks.setTaxLineContext(pluginHandler),
})

const fakeLogger = () => {
  const lines: { level: "info" | "error"; message: string }[] = []
  return {
    lines,
    info: (message: string) => void lines.push({ level: "info", message }),
    error: (message: string) => void lines.push({ level: "error", message }),
  }
}

describe("registerTaxContextHooks", () => {
  it("holds every hook in plugin mode, says so in one line, and names itself to a store registering after it", () => {
    const [a, b] = [workflowWithHook(), workflowWithHook()]
    const logger = fakeLogger()
    const result = registerTaxContextHooks([target("updateTaxLinesWorkflow", a), target("upsertTaxLinesWorkflow", b)], "plugin", logger)
    expect(result).toEqual({ held: ["updateTaxLinesWorkflow", "upsertTaxLinesWorkflow"], taken: [] })
    expect(logger.lines).toHaveLength(1)
    expect(logger.lines[0].level).toBe("info")
    expect(logger.lines[0].message).toContain("updateTaxLinesWorkflow and upsertTaxLinesWorkflow")
    expect(logger.lines[0].message).toContain('context_hook: "manual"')

    // The store's file, loaded after the plugin's: Medusa's error, with who holds the hook and what to do.
    let thrown: unknown
    try {
      a.hooks.setTaxLineContext(storeHandler)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(Error)
    const message = (thrown as Error).message
    expect(message).toContain("Cannot define multiple hook handlers for the setTaxLineContext hook of updateTaxLinesWorkflow")
    expect(message).toContain("medusa-customer-suite registered one already")
    expect(message).toContain('tax_classes: { context_hook: "manual" }')
    expect(message).toContain('import { buildTaxClassContext, taxClassContextInput } from "medusa-customer-suite/workflows"')
  })

  it("stops with an error naming the workflows, the option and how to compose when the store holds a hook already", () => {
    const [taken, free] = [workflowWithHook(), workflowWithHook()]
    taken.hooks.setTaxLineContext(storeHandler)
    const logger = fakeLogger()
    let message = ""
    try {
      registerTaxContextHooks([target("updateTaxLinesWorkflow", taken), target("updateOrderTaxLinesWorkflow", free)], "plugin", logger)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^medusa-customer-suite: updateTaxLinesWorkflow already has a setTaxLineContext handler/)
    expect(message).toContain('tax_classes.context_hook is "plugin"')
    expect(message).toContain('set the plugin option tax_classes: { context_hook: "manual" }')
    expect(message).toContain("buildTaxClassContext")
    expect(message.split(" already")[0]).toBe("medusa-customer-suite: updateTaxLinesWorkflow")
  })

  it("registers nothing in manual mode, so the store's handlers register as usual", () => {
    const workflow = workflowWithHook()
    const logger = fakeLogger()
    expect(registerTaxContextHooks([target("updateTaxLinesWorkflow", workflow)], "manual", logger)).toEqual({ held: [], taken: [] })
    expect(logger.lines).toEqual([{ level: "info", message: MANUAL_MESSAGE }])
    expect(() => workflow.hooks.setTaxLineContext(storeHandler)).not.toThrow()
  })

  it("passes other registration errors on", () => {
    const broken: TaxContextHookTarget = {
      workflow: "updateTaxLinesWorkflow",
      hooks: { setTaxLineContext: () => undefined },
      register: () => {
        throw new TypeError("boom")
      },
    }
    expect(() => registerTaxContextHooks([broken], "plugin", fakeLogger())).toThrow("boom")
  })
})

describe("the context_hook option", () => {
  it("is read from the customer_suite module's options in the loaded config (by key, else by its path)", () => {
    const options = { tax_classes: { context_hook: "manual" } }
    expect(rawPluginOptions({ modules: { customer_suite: { resolve: "x", options } } })).toBe(options)
    expect(
      rawPluginOptions({ modules: { other: { resolve: "/store/node_modules/medusa-customer-suite/.medusa/server/src/modules/customer_suite", options } } })
    ).toBe(options)
    expect(rawPluginOptions({ modules: { customer_suite: { resolve: "x" } } })).toEqual({})
    expect(rawPluginOptions({ modules: { cart: true } })).toBeUndefined()
    expect(rawPluginOptions(undefined)).toBeUndefined()
  })

  it('defaults to "plugin"; CUSTOMER_SUITE_TAX_HOOKS=false means "manual" when the option is left out; the option wins', () => {
    expect(taxContextHookMode(undefined, {})).toEqual({ mode: "plugin", enabled: true, warning: null })
    expect(taxContextHookMode({}, { CUSTOMER_SUITE_TAX_HOOKS: "false" })).toEqual({ mode: "manual", enabled: true, warning: null })
    expect(taxContextHookMode({ tax_classes: { context_hook: "manual" } }, {})).toEqual({ mode: "manual", enabled: true, warning: null })
    expect(taxContextHookMode({ tax_classes: { context_hook: "manual" } }, { CUSTOMER_SUITE_TAX_HOOKS: "false" }).warning).toBeNull()
    expect(taxContextHookMode({ tax_classes: { enabled: false } }, {})).toEqual({ mode: "plugin", enabled: false, warning: null })
    const conflict = taxContextHookMode({ tax_classes: { context_hook: "plugin" } }, { CUSTOMER_SUITE_TAX_HOOKS: "false" })
    expect(conflict.mode).toBe("plugin")
    expect(conflict.warning).toBe(
      'CUSTOMER_SUITE_TAX_HOOKS=false is ignored: the plugin option tax_classes.context_hook is "plugin", and the option wins'
    )
  })

  it("refuses another value, naming the option", () => {
    expect(() => taxContextHookMode({ tax_classes: { context_hook: "store" } }, {})).toThrow(
      '"tax_classes.context_hook": must be one of "plugin", "manual"'
    )
  })
})

describe("taxClassContextInput", () => {
  it("takes the groups, the items' products (else the holder's) and the shipping country", () => {
    const cart = {
      customer: { groups: [{ id: "cusgroup_1" }] },
      shipping_address: { country_code: "de" },
      items: [{ product_id: "prod_cart" }],
    }
    expect(taxClassContextInput(cart, [{ product_id: "prod_a" }, { product_id: null }])).toEqual({
      customer_group_ids: ["cusgroup_1"],
      product_ids: ["prod_a"],
      country_code: "de",
    })
    expect(taxClassContextInput(cart)).toMatchObject({ product_ids: ["prod_cart"] })
    expect(taxClassContextInput({ customer: null, shipping_address: null })).toEqual({ customer_group_ids: [], product_ids: [], country_code: undefined })
  })
})
