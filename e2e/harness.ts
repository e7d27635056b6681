/**
 * The root store for browser tests: its own database with the demo seed, the
 * built dashboard, `medusa start` on a free port, and Debian's chromium driven
 * by playwright-core (never a downloaded browser).
 */
import fs from "node:fs"
import path from "node:path"
import getPort from "get-port"
import { Client } from "pg"
import { chromium, type Browser, type Page } from "playwright-core"
import { createDatabaseIfMissing, recreateDatabase, testDatabaseUrl } from "../integration-tests/helpers/database"
import { runCommand, startProcess, waitForUrl } from "../integration-tests/helpers/processes"

export const root = path.resolve(__dirname, "..")
export const artifacts = path.join(__dirname, "artifacts")
const medusa = path.join(root, "node_modules", ".bin", "medusa")
const database = process.env.E2E_DATABASE ?? "mcs_e2e"

export const ADMIN_EMAIL = "admin@medusa-test.com"
export const ADMIN_PASSWORD = "supersecret"

export type Store = {
  baseUrl: string
  /** Where the example storefront is served (storefront.ts starts it; the store's CORS allows it). */
  storefrontUrl: string
  databaseUrl: string
  browser: Browser
  page: Page
  sql: <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>
  screenshot: (name: string) => Promise<string>
  stop: () => Promise<void>
}

const check = (result: { code: number | null; output: string }, what: string) => {
  if (result.code !== 0) {
    throw new Error(`${what} failed (exit ${result.code}):\n${result.output.slice(-4000)}`)
  }
}

/** The local file provider's folder, where the seed uploads its product pictures. */
const staticDir = path.join(root, "static")
const listStatic = () => new Set(fs.existsSync(staticDir) ? fs.readdirSync(staticDir) : [])

export async function startStore(): Promise<Store> {
  const databaseUrl = testDatabaseUrl(database)
  // The pictures this run's seed uploads are removed when it stops (unless the database is kept).
  const staticBefore = listStatic()
  // Chosen first: the seed stores product picture URLs on this port.
  const port = await getPort()
  // The example storefront's origin, chosen now: the store's CORS must allow it from the start.
  let storefrontPort = await getPort()
  while (storefrontPort === port) {
    storefrontPort = await getPort()
  }
  const storefrontUrl = `http://localhost:${storefrontPort}`
  const env = {
    ...process.env,
    PORT: String(port),
    STORE_CORS: storefrontUrl,
    AUTH_CORS: `${storefrontUrl},http://localhost:${port}`,
    DATABASE_URL: databaseUrl,
    MEDUSA_DISABLE_TELEMETRY: "true",
    DEMO_ADMIN_EMAIL: ADMIN_EMAIL,
    DEMO_ADMIN_PASSWORD: ADMIN_PASSWORD,
  }
  // E2E_REUSE_DB=1 keeps the seeded database between local runs (the seed is idempotent).
  if (process.env.E2E_REUSE_DB === "1") {
    await createDatabaseIfMissing(database)
  } else {
    await recreateDatabase(database)
  }
  check(await runCommand(medusa, ["db:migrate"], { cwd: root, env }), "medusa db:migrate")
  check(
    // The seed pays and fulfils its orders too: minutes on 2 cores, more on a busy machine (19 min seen
    // with the HTTP specs and benchmarks beside it).
    await runCommand(medusa, ["exec", "./scripts/seed.ts"], { cwd: root, env, timeoutMs: 1_800_000 }),
    "demo seed"
  )
  check(
    await runCommand("node", ["scripts/admin-build.mjs"], { cwd: root, env, timeoutMs: 600_000 }),
    "admin build"
  )

  const baseUrl = `http://localhost:${port}`
  const server = startProcess(medusa, ["start"], {
    cwd: root,
    env: { ...env, NODE_ENV: "production", PORT: String(port) },
  })
  await waitForUrl(`${baseUrl}/health`, 180_000, server)

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
    ],
  })
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  fs.mkdirSync(artifacts, { recursive: true })

  const client = new Client({ connectionString: databaseUrl })
  await client.connect()

  return {
    baseUrl,
    storefrontUrl,
    databaseUrl,
    browser,
    page,
    sql: async <T,>(text: string, values: unknown[] = []) =>
      (await client.query(text, values)).rows as T[],
    screenshot: async (name: string) => {
      const file = path.join(artifacts, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    stop: async () => {
      await browser.close().catch(() => undefined)
      await client.end().catch(() => undefined)
      await server.stop()
      if (process.env.E2E_REUSE_DB !== "1") {
        for (const file of listStatic()) {
          if (!staticBefore.has(file)) {
            fs.rmSync(path.join(staticDir, file), { force: true })
          }
        }
      }
    },
  }
}

export async function logIn(store: Store) {
  const { page, baseUrl } = store
  await page.goto(`${baseUrl}/app/login`)
  // Typing before the login form has hydrated loses the input.
  await page.waitForLoadState("networkidle")
  await page.locator('input[name="email"]').fill(ADMIN_EMAIL)
  await page.locator('input[name="password"]').fill(ADMIN_PASSWORD)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 60_000 })
}
