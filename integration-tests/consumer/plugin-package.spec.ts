/**
 * The published artefact, used the way a merchant uses it: build and pack the
 * plugin, install the tarball into a separate store that lists it under
 * `plugins`, boot that store, call a plugin route and build its admin.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import getPort from "get-port"
import { dropDatabase, recreateDatabase, testDatabaseUrl } from "../helpers/database"
import { runCommand, startProcess, waitForUrl } from "../helpers/processes"

jest.setTimeout(600_000)

const root = path.resolve(__dirname, "../..")
const fixtureSource = path.join(__dirname, "fixture")
// Inside the repository so that @medusajs/* resolve from the root node_modules,
// while the plugin itself resolves only from the fixture's own node_modules.
const fixture = path.join(__dirname, ".fixture")
const medusa = path.join(root, "node_modules", ".bin", "medusa")
const database = `mcs_consumer_${process.pid}`
const adminEmail = "merchant@consumer.test"
const adminPassword = "consumer-secret-1"

const fixtureEnv = (extra: Record<string, string> = {}) => ({
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: testDatabaseUrl(database),
  MEDUSA_DISABLE_TELEMETRY: "true",
  ...extra,
})

const expectSuccess = (result: { code: number | null; output: string }, what: string) => {
  if (result.code !== 0) {
    throw new Error(`${what} failed (exit ${result.code}):\n${result.output.slice(-4000)}`)
  }
}

describe("the packed plugin installed into another store", () => {
  let tarball: string
  let packedFiles: string[]
  let packDir: string | undefined

  beforeAll(async () => {
    expectSuccess(await runCommand("npm", ["run", "build"], { cwd: root }), "npm run build")
    packDir = fs.mkdtempSync(path.join(os.tmpdir(), "mcs-pack-"))
    const pack = await runCommand("npm", ["pack", "--json", "--pack-destination", packDir], {
      cwd: root,
    })
    expectSuccess(pack, "npm pack")
    const [packed] = JSON.parse(pack.output.slice(pack.output.indexOf("[")))
    tarball = path.join(packDir, packed.filename)
    packedFiles = packed.files.map((f: { path: string }) => f.path)

    fs.rmSync(fixture, { recursive: true, force: true })
    fs.cpSync(fixtureSource, fixture, { recursive: true })
    // Peer dependencies (@medusajs/*) come from the host store, as in a merchant's project.
    expectSuccess(
      await runCommand(
        "npm",
        ["install", tarball, "--legacy-peer-deps", "--no-audit", "--no-fund", "--ignore-scripts"],
        { cwd: fixture }
      ),
      "npm install <tarball>"
    )
    // Now declare the host's Medusa, as a merchant's package.json does (the
    // medusa CLI checks for it); its files resolve from the repository's
    // node_modules, so nothing is downloaded twice.
    const pkgPath = path.join(fixture, "package.json")
    const pkg = JSON.parse(fs.readFileSync(pkgPath, "utf8"))
    expect(pkg.dependencies["medusa-customer-suite"]).toMatch(/^file:.*\.tgz$/)
    pkg.dependencies = {
      ...pkg.dependencies,
      "@medusajs/framework": "2.21.2",
      "@medusajs/medusa": "2.21.2",
      "@medusajs/cli": "2.21.2",
    }
    fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2))
    await recreateDatabase(database)
    expectSuccess(
      await runCommand(medusa, ["db:migrate"], { cwd: fixture, env: fixtureEnv() }),
      "medusa db:migrate (fixture)"
    )
    expectSuccess(
      await runCommand(medusa, ["user", "-e", adminEmail, "-p", adminPassword], {
        cwd: fixture,
        env: fixtureEnv(),
      }),
      "medusa user (fixture)"
    )
  })

  afterAll(async () => {
    await dropDatabase(database).catch(() => undefined)
    fs.rmSync(fixture, { recursive: true, force: true })
    if (packDir) {
      fs.rmSync(packDir, { recursive: true, force: true })
    }
  })

  it("publishes only the built plugin: no sources, tests, config or dashboard copy", () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        "package.json",
        ".medusa/server/src/modules/customer_suite/index.js",
        ".medusa/server/src/api/admin/customer-suite/settings/route.js",
        ".medusa/server/src/admin/index.mjs",
        ".medusa/server/src/admin/index.js",
      ])
    )
    const unexpected = packedFiles.filter(
      (f) =>
        f !== "package.json" &&
        !/^(README\.md|LICENSE)$/.test(f) &&
        !f.startsWith(".medusa/server/src/")
    )
    expect(unexpected).toEqual([])
    expect(packedFiles.filter((f) => /__tests__|\.spec\.|medusa-config|integration-tests/.test(f))).toEqual([])
    expect(packedFiles.filter((f) => f.startsWith(".medusa/server/src/admin/") && f.includes("/assets/"))).toEqual([])
  })

  it("ships the type of its options to the merchant's TypeScript", async () => {
    expect(packedFiles).toContain(".medusa/server/src/modules/customer_suite/options.d.ts")
    const typecheck = await runCommand(
      path.join(root, "node_modules", ".bin", "tsc"),
      ["-p", "tsconfig.json", "--noEmit"],
      { cwd: fixture }
    )
    expectSuccess(typecheck, "tsc in the fixture store")
  })

  it("exports its workflows and the tax-class context builder at medusa-customer-suite/workflows", async () => {
    const result = await runCommand(
      "node",
      ["-e", 'const w = require("medusa-customer-suite/workflows"); console.log(typeof w.buildTaxClassContext, typeof w.createGroupPriceRuleWorkflow, typeof w.createTaxClassWorkflow)'],
      { cwd: fixture }
    )
    expectSuccess(result, "require medusa-customer-suite/workflows")
    expect(result.output).toContain("function function function")
  })

  it("exports the typed store client at medusa-customer-suite/client, loading no server code", async () => {
    expect(packedFiles).toEqual(expect.arrayContaining([".medusa/server/src/client/index.js", ".medusa/server/src/client/index.d.ts"]))
    const script = [
      'const c = require("medusa-customer-suite/client");',
      "const calls = [];",
      "const suite = c.createCustomerSuiteClient({ client: { fetch: async (p, init) => (calls.push([init.method, p, init.query, init.body]), {}) } });",
      'const loaded = Object.keys(require.cache).filter((f) => !f.includes("/client/"));',
      "Promise.all([suite.contentBlocks.list({ placement: 'home-hero', limit: 1 }), suite.contentBlocks.track({ events: [] }), suite.segments.current({ cart_id: 'cart_1' }), suite.segments.mine(), suite.assistance.consent(), suite.assistance.setConsent(true), suite.assistance.exchange('CODE1234'), suite.assistance.current(), suite.assistance.end()])",
      "  .then(() => console.log(JSON.stringify({ type: typeof c.createCustomerSuiteClient, loaded, calls })));",
    ].join("\n")
    const result = await runCommand("node", ["-e", script], { cwd: fixture })
    expectSuccess(result, "require medusa-customer-suite/client")
    const out = JSON.parse(result.output.trim().split("\n").pop()!)
    expect(out.type).toBe("function")
    // Nothing but the client itself: no Medusa framework, no modules, nothing a browser bundle could not take.
    expect(out.loaded).toEqual([])
    expect(out.calls.map((c: unknown[]) => `${c[0]} ${c[1]}`)).toEqual([
      "GET /store/content-blocks",
      "POST /store/content-blocks/events",
      "GET /store/customer-segments/current",
      "GET /store/customers/me/customer-segments",
      "GET /store/customers/me/assistance-consent",
      "POST /store/customers/me/assistance-consent",
      "POST /store/assistance-sessions/exchange",
      "GET /store/assistance-sessions/current",
      "POST /store/assistance-sessions/current/end",
    ])
  })

  it("stops the store's boot when a plugin option is wrong, naming it", async () => {
    const result = await runCommand(medusa, ["start"], {
      cwd: fixture,
      env: fixtureEnv({
        PORT: String(await getPort()),
        FIXTURE_PLUGIN_OPTIONS: JSON.stringify({ assistance: { consent: "always" }, segmnts: {} }),
      }),
      timeoutMs: 120_000,
    })
    expect(result.code).not.toBe(0)
    expect(result.output).toContain("medusa-customer-suite: invalid plugin options")
    expect(result.output).toContain('"assistance.consent": must be one of "opt_in", "not_required"')
    expect(result.output).toContain('"segmnts": unknown option')
  })

  it("boots with the plugin and serves its admin route with the merchant's options", async () => {
    const port = await getPort()
    const server = startProcess(medusa, ["start"], {
      cwd: fixture,
      env: fixtureEnv({
        PORT: String(port),
        FIXTURE_PLUGIN_OPTIONS: JSON.stringify({
          assistance: { enabled: true, session_ttl_minutes: 30 },
        }),
      }),
    })
    try {
      const base = `http://localhost:${port}`
      await waitForUrl(`${base}/health`, 120_000, server)
      // One line saying which hooks the plugin holds (context_hook "plugin", the default).
      expect(server.output()).toContain(
        "the plugin's setTaxLineContext handlers are registered on updateTaxLinesWorkflow, upsertTaxLinesWorkflow and updateOrderTaxLinesWorkflow"
      )

      const login = await fetch(`${base}/auth/user/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: adminEmail, password: adminPassword }),
      })
      expect(login.status).toBe(200)
      const { token } = (await login.json()) as { token: string }

      const anonymous = await fetch(`${base}/admin/customer-suite/settings`)
      expect(anonymous.status).toBe(401)

      const response = await fetch(`${base}/admin/customer-suite/settings`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(response.status).toBe(200)
      const body = (await response.json()) as {
        settings: { capabilities: { id: string; enabled: boolean; settings: Record<string, unknown> }[] }
      }
      const assistance = body.settings.capabilities.find((c) => c.id === "assistance")
      expect(assistance).toMatchObject({
        enabled: true,
        settings: { session_ttl_minutes: 30, consent: "opt_in" },
      })

      // The tax-class provider, registered from "medusa-customer-suite/providers/tax-class".
      const providers = await fetch(`${base}/admin/tax-providers`, { headers: { authorization: `Bearer ${token}` } })
      expect(providers.status).toBe(200)
      const { tax_providers } = (await providers.json()) as { tax_providers: { id: string; is_enabled: boolean }[] }
      expect(tax_providers).toEqual(expect.arrayContaining([{ id: "tp_tax-class_default", is_enabled: true }]))
    } finally {
      await server.stop()
    }
  })

  it("refuses to boot, naming itself and the option, when the store's own setTaxLineContext handlers meet the plugin's, in either order", async () => {
    const port = await getPort()
    const server = startProcess(medusa, ["start"], {
      cwd: fixture,
      env: fixtureEnv({ PORT: String(port), FIXTURE_OWN_TAX_HOOK: "true" }),
    })
    try {
      // Medusa imports the plugin's and the store's workflows concurrently: whichever registers second fails,
      // and either way the boot stops (a store never runs with tax classes silently left out).
      const collided = /registered one already|already ha(s|ve) a setTaxLineContext handler/
      const deadline = Date.now() + 120_000
      let booted = false
      while (!booted && server.child.exitCode === null && !collided.test(server.output()) && Date.now() < deadline) {
        booted = await fetch(`http://localhost:${port}/health`).then((r) => r.ok, () => false)
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000))
      booted = booted || (await fetch(`http://localhost:${port}/health`).then((r) => r.ok, () => false))
      const output = server.output()
      expect(booted).toBe(false)
      if (/registered one already/.test(output)) {
        // The plugin's came first: Medusa's error, completed with who holds the hook.
        expect(output).toContain("Cannot define multiple hook handlers for the setTaxLineContext hook of")
      } else {
        // The store's came first: the plugin's error names the workflows it could not take.
        expect(output).toMatch(/medusa-customer-suite: [A-Za-z, ]+ already ha(s|ve) a setTaxLineContext handler/)
      }
      expect(output).toContain("context_hook")
      expect(output).toContain("buildTaxClassContext")
    } finally {
      await server.stop()
    }
  })

  it("boots with the store's own setTaxLineContext handlers in manual mode, and its carts still get the tax classes", async () => {
    // fixture/src/workflows/hooks/tax-context.ts: the store's handlers on the three tax-lines
    // workflows, each merging buildTaxClassContext (from medusa-customer-suite/workflows) into its result.
    const port = await getPort()
    const server = startProcess(medusa, ["start"], {
      cwd: fixture,
      env: fixtureEnv({
        PORT: String(port),
        FIXTURE_OWN_TAX_HOOK: "true",
        FIXTURE_PLUGIN_OPTIONS: JSON.stringify({ tax_classes: { context_hook: "manual" } }),
      }),
    })
    try {
      const base = `http://localhost:${port}`
      await waitForUrl(`${base}/health`, 120_000, server)
      expect(server.output()).toContain("registers no setTaxLineContext handler")
      expect(server.output()).not.toContain("Cannot define multiple hook handlers")

      const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
        const response = await fetch(`${base}${url}`, {
          method,
          headers: { "content-type": "application/json", ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        const json = await response.json().catch(() => ({}))
        if (!response.ok) {
          throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`)
        }
        return json
      }
      const { token } = await call("POST", "/auth/user/emailpass", { email: adminEmail, password: adminPassword })
      const admin = { authorization: `Bearer ${token}` }

      // A store selling to Germany (19 %), taxed by the plugin's provider.
      const { sales_channel } = await call("POST", "/admin/sales-channels", { name: "Web" }, admin)
      const { api_key } = await call("POST", "/admin/api-keys", { title: "Storefront", type: "publishable" }, admin)
      await call("POST", `/admin/api-keys/${api_key.id}/sales-channels`, { add: [sales_channel.id] }, admin)
      const { region } = await call("POST", "/admin/regions", { name: "Germany", currency_code: "eur", countries: ["de"], automatic_taxes: true }, admin)
      await call(
        "POST",
        "/admin/tax-regions",
        { country_code: "de", provider_id: "tp_tax-class_default", default_tax_rate: { rate: 19, code: "DE-VAT", name: "DE VAT" } },
        admin
      )
      const { product } = await call(
        "POST",
        "/admin/products",
        {
          title: "Lamp",
          status: "published",
          sales_channels: [{ id: sales_channel.id }],
          options: [{ title: "Size", values: ["One"] }],
          variants: [{ title: "One", manage_inventory: false, options: { Size: "One" }, prices: [{ currency_code: "eur", amount: 100 }] }],
        },
        admin
      )

      // Trade customers pay 5 % on taxable goods in Germany.
      const classOf = async (body: Record<string, unknown>) => (await call("POST", "/admin/tax-classes", body, admin)).tax_class
      const trade = await classOf({ type: "customer", name: "Trade", code: "trade" })
      const taxable = await classOf({ type: "product", name: "Taxable goods", code: "taxable", is_default: true })
      await call("POST", "/admin/tax-class-rates", { customer_class_id: trade.id, product_class_id: taxable.id, country_code: "de", rate: 5, code: "DE-TRADE" }, admin)
      const { customer_group } = await call("POST", "/admin/customer-groups", { name: "Trade" }, admin)
      await call("POST", `/admin/customer-groups/${customer_group.id}/tax-class`, { tax_class_id: trade.id }, admin)

      const store = { "x-publishable-api-key": api_key.token }
      const email = "buyer@trade.test"
      const password = "consumer-buyer-1"
      const registration = await call("POST", "/auth/customer/emailpass/register", { email, password })
      const { customer } = await call("POST", "/store/customers", { email }, { ...store, authorization: `Bearer ${registration.token}` })
      await call("POST", `/admin/customer-groups/${customer_group.id}/customers`, { add: [customer.id] }, admin)
      const login = await call("POST", "/auth/customer/emailpass", { email, password })

      const lampTaxes = async (headers: Record<string, string>) => {
        const address = { first_name: "T", last_name: "B", address_1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country_code: "de" }
        const { cart } = await call("POST", "/store/carts", { region_id: region.id, sales_channel_id: sales_channel.id, shipping_address: address }, headers)
        const added = await call("POST", `/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity: 1 }, headers)
        return added.cart.items[0].tax_lines.map((t: { code: string; rate: number }) => [t.code, t.rate])
      }
      expect(await lampTaxes({ ...store, authorization: `Bearer ${login.token}` })).toEqual([["DE-TRADE", 5]])
      expect(await lampTaxes(store)).toEqual([["DE-VAT", 19]])
    } finally {
      await server.stop()
    }
  })

  it("adds the plugin's admin extensions to the store's dashboard build", async () => {
    const build = await runCommand(medusa, ["build", "--admin-only"], {
      cwd: fixture,
      env: fixtureEnv(),
      timeoutMs: 300_000,
    })
    expectSuccess(build, "medusa build --admin-only (fixture)")
    const assets = path.join(fixture, ".medusa", "admin", "assets")
    const bundle = fs
      .readdirSync(assets)
      .filter((f) => f.endsWith(".js"))
      .map((f) => fs.readFileSync(path.join(assets, f), "utf8"))
      .join("\n")
    // The settings page of the plugin, with its route and the text it renders.
    expect(bundle).toContain("/admin/customer-suite/settings")
    expect(bundle).toContain("customer-suite-capability-")
  })
})
