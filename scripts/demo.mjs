#!/usr/bin/env node
// npm run demo [-- --reset]
// One command on a machine with only Node 20: PostgreSQL (DATABASE_URL, or an
// embedded server with its data under .demo/), migrations, an idempotent seed,
// the admin build, and Medusa with its dashboard. Ctrl-C stops everything.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import {
  createDatabase,
  databaseExists,
  dropDatabase,
  startEmbeddedPostgres,
} from "./lib/postgres.mjs"
import { buildAdminIfStale, linkAdminBuild, waitForHealth } from "./lib/medusa.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const args = new Set(process.argv.slice(2))
const reset = args.has("--reset")
const port = Number(process.env.PORT ?? 9000)
const adminEmail = process.env.DEMO_ADMIN_EMAIL ?? "admin@medusa-test.com"
const adminPassword = process.env.DEMO_ADMIN_PASSWORD ?? "supersecret"
const startedAt = Date.now()

const log = (message) =>
  process.stdout.write(`[demo ${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${message}\n`)

let postgres = null
let medusa = null
let stopping = false

async function shutdown(code) {
  if (stopping) {
    return
  }
  stopping = true
  if (medusa && medusa.exitCode === null) {
    log("Stopping Medusa…")
    const exited = new Promise((resolve) => medusa.once("exit", resolve))
    medusa.kill("SIGTERM")
    const timer = setTimeout(() => medusa.kill("SIGKILL"), 15_000)
    await exited
    clearTimeout(timer)
  }
  if (postgres) {
    log("Stopping the embedded PostgreSQL…")
    await postgres.stop().catch((e) => log(`Could not stop PostgreSQL: ${e.message}`))
  }
  log("Stopped.")
  process.exit(code)
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => void shutdown(0))
}

function run(command, commandArgs, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: "inherit" })
    medusa = child
    child.once("exit", (code, signal) => {
      medusa = null
      if (code === 0) {
        resolve()
      } else {
        reject(new Error(`${path.basename(command)} ${commandArgs.join(" ")} failed (${signal ?? code})`))
      }
    })
  })
}

async function publishableKey(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select token from api_key where type = 'publishable' and revoked_at is null
         and deleted_at is null order by (title = 'Demo storefront') desc, created_at limit 1`
    )
    return rows[0]?.token ?? "(none)"
  } finally {
    await client.end()
  }
}

/** A seeded customer with an account who allows assistance (the seed records consent for some). */
async function assistedCustomer(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select c.email from assistance_consent a join customer c on c.id = a.customer_id
        where a.allowed and a.deleted_at is null and c.has_account and c.deleted_at is null
        order by c.email limit 1`
    )
    return rows[0]?.email ?? null
  } finally {
    await client.end()
  }
}

async function main() {
  let databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    log("Using DATABASE_URL")
  } else {
    const pgPort = Number(process.env.DEMO_PG_PORT ?? 54329)
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(root, ".demo", "pg", "data"),
      port: pgPort,
      log,
    })
    databaseUrl = `${postgres.url}/medusa_customer_suite_demo`
  }

  if (reset && (await databaseExists(databaseUrl))) {
    log("--reset: dropping the demo database")
    await dropDatabase(databaseUrl)
  }
  if (!(await databaseExists(databaseUrl))) {
    log("Creating the database")
    await createDatabase(databaseUrl)
  }

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    MEDUSA_DISABLE_TELEMETRY: "true",
    // Login as customer is on in the demo (consent opt_in), with links to a local storefront.
    CUSTOMER_SUITE_ASSISTANCE: process.env.CUSTOMER_SUITE_ASSISTANCE ?? "true",
    CUSTOMER_SUITE_STOREFRONT_URL: process.env.CUSTOMER_SUITE_STOREFRONT_URL ?? "http://localhost:8000",
  }

  log("Running migrations (core, plugin, links)")
  await run(medusaBin, ["db:migrate"], env)

  log("Seeding the demo store (idempotent)")
  await run(medusaBin, ["exec", "./scripts/seed.ts"], { ...env, DEMO_ADMIN_EMAIL: adminEmail, DEMO_ADMIN_PASSWORD: adminPassword })

  await buildAdminIfStale(root, log)
  linkAdminBuild(root)

  log(`Starting Medusa on port ${port}`)
  medusa = spawn(medusaBin, ["start"], {
    cwd: root,
    env: { ...env, NODE_ENV: "production" },
    stdio: "inherit",
  })
  medusa.once("exit", (code) => {
    if (!stopping) {
      log(`Medusa exited (${code})`)
      void shutdown(code ?? 1)
    }
  })
  await waitForHealth(`http://localhost:${port}`, 180_000)

  const key = await publishableKey(databaseUrl)
  const assisted = await assistedCustomer(databaseUrl)
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0)
  process.stdout.write(
    [
      "",
      "──────────────────────────────────────────────────────────────",
      `  medusa-customer-suite demo is ready (${seconds}s)`,
      `  Admin:            http://localhost:${port}/app`,
      `  Admin login:      ${adminEmail} / ${adminPassword}`,
      `  Publishable key:  ${key}`,
      `  Store API:        http://localhost:${port}/store (header x-publishable-api-key)`,
      ...(assisted ? [`  Login as customer: ${assisted} / supersecret has allowed assistance (storefront side)`] : []),
      "  Ctrl-C stops Medusa" + (postgres ? " and the embedded PostgreSQL." : "."),
      "──────────────────────────────────────────────────────────────",
      "",
    ].join("\n")
  )
}

main().catch(async (error) => {
  log(`Demo failed: ${error.stack ?? error.message}`)
  await shutdown(1)
})
