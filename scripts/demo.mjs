#!/usr/bin/env node
// npm run demo [-- --reset]
// One command on a machine with only Node 20: PostgreSQL (DATABASE_URL, or an
// embedded server with its data under .demo/), migrations, an idempotent seed,
// the admin build, Medusa with its dashboard, and the example storefront
// (examples/storefront, built with Vite and served on port 8000, or the next
// free port, with its runtime /config.json). Ctrl-C stops everything.
// Until the banner, the terminal shows the demo's and the seed's own short
// lines (Medusa logs at "warn" meanwhile, its start-up goes to
// .demo/medusa-start.log); Medusa's normal log follows the banner.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
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
import { buildStorefront, choosePort, demoAccounts, serveStorefront, storefrontDist } from "./lib/storefront.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const args = new Set(process.argv.slice(2))
const reset = args.has("--reset")
const port = Number(process.env.PORT ?? 9000)
const storefrontPort = Number(process.env.STOREFRONT_PORT ?? 8000)
const adminEmail = process.env.DEMO_ADMIN_EMAIL ?? "admin@medusa-test.com"
const adminPassword = process.env.DEMO_ADMIN_PASSWORD ?? "supersecret"
const startedAt = Date.now()
// Medusa's log level until the banner (the seed alone would log ~2,000 info lines).
const quietLogLevel = process.env.LOG_LEVEL ?? "warn"
const startLogFile = path.join(root, ".demo", "medusa-start.log")

const log = (message) =>
  process.stdout.write(`[demo ${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${message}\n`)

let postgres = null
let medusa = null
let storefront = null
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
  if (storefront) {
    await storefront.close()
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

/** The storefront's publishable key and demo customers, read from the seeded database. */
async function storefrontFacts(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select token from api_key where type = 'publishable' and revoked_at is null
         and deleted_at is null order by (title = 'Demo storefront') desc, created_at limit 1`
    )
    return { key: rows[0]?.token ?? "(none)", accounts: await demoAccounts(client) }
  } finally {
    await client.end()
  }
}

/** What the seed wrote to DEMO_SEED_SUMMARY (the customer it named as allowing assistance, …). */
function readSeedSummary(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {
    return {}
  } finally {
    fs.rmSync(file, { force: true })
  }
}

/** Product pictures an earlier seed uploaded (the local file provider's static/), dropped with the database. */
function removeSeededImages() {
  const dir = path.join(root, "static")
  if (!fs.existsSync(dir)) {
    return 0
  }
  const seeded = fs.readdirSync(dir).filter((name) => /^\d+-demo-product-[a-z0-9-]+\.png$/.test(name))
  seeded.forEach((name) => fs.rmSync(path.join(dir, name), { force: true }))
  return seeded.length
}

/**
 * `medusa start`, its output kept in .demo/medusa-start.log until Medusa
 * answers; then `goLive()` sends what it prints next to the terminal.
 */
function startMedusa(env) {
  fs.mkdirSync(path.dirname(startLogFile), { recursive: true })
  const startLog = fs.createWriteStream(startLogFile)
  const child = spawn(medusaBin, ["start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] })
  let live = false
  // The start-up log's last lines, kept in memory too: when Medusa dies, they are
  // shown at once, without waiting for the file's stream to flush.
  let tail = ""
  const keep = (chunk) => {
    tail = (tail + chunk.toString()).split("\n").slice(-41).join("\n")
  }
  child.stdout.on("data", (chunk) => (live ? process.stdout.write(chunk) : (startLog.write(chunk), keep(chunk))))
  child.stderr.on("data", (chunk) => (live ? process.stderr.write(chunk) : (startLog.write(chunk), keep(chunk))))
  return {
    child,
    goLive: () => {
      live = true
      startLog.end()
    },
    showStartLog: () => {
      startLog.end()
      process.stderr.write(`${tail.trimEnd()}\n`)
    },
  }
}

async function main() {
  let databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    log("Using DATABASE_URL")
  } else {
    // DEMO_PG_PORT, else 54329; a free port instead when another program holds that one.
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(root, ".demo", "pg", "data"),
      port: process.env.DEMO_PG_PORT || 54329,
      portVariable: process.env.DEMO_PG_PORT ? "DEMO_PG_PORT" : undefined,
      log,
    })
    databaseUrl = `${postgres.url}/medusa_customer_suite_demo`
  }

  if (reset) {
    if (await databaseExists(databaseUrl)) {
      log("--reset: dropping the demo database")
      await dropDatabase(databaseUrl)
    }
    const removed = removeSeededImages()
    if (removed) {
      log(`--reset: removed ${removed} product pictures of the earlier seed from static/`)
    }
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
    // Login as customer is on in the demo (consent opt_in), with links to the example storefront.
    CUSTOMER_SUITE_ASSISTANCE: process.env.CUSTOMER_SUITE_ASSISTANCE ?? "true",
  }

  // Until the banner Medusa logs warnings and errors only; node's deprecation
  // notices (from libraries) are left out too.
  const quiet = {
    ...env,
    LOG_LEVEL: quietLogLevel,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--no-deprecation"].filter(Boolean).join(" "),
  }
  log(`Running migrations (core, plugin, links; Medusa's log level: ${quietLogLevel})`)
  await run(medusaBin, ["db:migrate"], quiet)

  log("Seeding the demo store (idempotent: a rerun adds only what is missing)")
  const summaryFile = path.join(os.tmpdir(), `mcs-demo-seed-${process.pid}.json`)
  await run(medusaBin, ["exec", "./scripts/seed.ts"], {
    ...quiet,
    DEMO_ADMIN_EMAIL: adminEmail,
    DEMO_ADMIN_PASSWORD: adminPassword,
    DEMO_SEED_SUMMARY: summaryFile,
  })
  const summary = readSeedSummary(summaryFile)

  await buildAdminIfStale(root, log, { quiet: true })
  linkAdminBuild(root)

  // The storefront: one build, its settings (backend URL, this seed's publishable key) in /config.json.
  log("Building the storefront (examples/storefront, vite build)")
  buildStorefront(root, { quiet: true })
  const facts = await storefrontFacts(databaseUrl)
  const key = summary.publishable_key ?? facts.key
  const accounts = [
    ...facts.accounts,
    ...(summary.assisted_customer ? [{ email: summary.assisted_customer, label: "Allows shopping assistance" }] : []),
  ]
  const storefrontConfig = {
    backend_url: `http://localhost:${port}`,
    publishable_key: key,
    demo_accounts: accounts,
    demo_password: summary.assisted_password ?? "supersecret",
  }
  const chosenPort = await choosePort(storefrontPort)
  storefront = await serveStorefront({ dir: storefrontDist(root), port: chosenPort, getConfig: () => storefrontConfig })
  if (storefront.port !== storefrontPort) {
    log(`Port ${storefrontPort} is taken: the storefront listens on ${storefront.port}`)
  }
  // The assistance links and the store's CORS follow the storefront's URL (unless set).
  env.CUSTOMER_SUITE_STOREFRONT_URL = process.env.CUSTOMER_SUITE_STOREFRONT_URL ?? storefront.url
  env.STORE_CORS = process.env.STORE_CORS ?? storefront.url
  env.AUTH_CORS = process.env.AUTH_CORS ?? `${storefront.url},http://localhost:${port},http://localhost:5173`

  log(`Starting Medusa on port ${port} (start-up log: ${path.relative(root, startLogFile)})`)
  const server = startMedusa({ ...env, NODE_ENV: "production" })
  medusa = server.child
  // "close": after the child's output has been read to the end (its last lines name the error).
  medusa.once("close", (code) => {
    if (!stopping) {
      server.showStartLog()
      log(`Medusa exited (${code})`)
      void shutdown(code ?? 1)
    }
  })
  try {
    await waitForHealth(`http://localhost:${port}`, 180_000)
  } catch (error) {
    server.showStartLog()
    throw error
  }

  const assisted = summary.assisted_customer
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0)
  process.stdout.write(
    [
      "",
      "──────────────────────────────────────────────────────────────",
      `  medusa-customer-suite demo is ready (${seconds}s)`,
      `  Admin:            http://localhost:${port}/app`,
      `  Admin login:      ${adminEmail} / ${adminPassword}`,
      `  Storefront:       ${storefront.url} (demo customers on its sign-in page)`,
      `  Publishable key:  ${key}`,
      `  Store API:        http://localhost:${port}/store (header x-publishable-api-key)`,
      ...(assisted ? [`  Login as customer: ${assisted} / ${summary.assisted_password} has allowed assistance (storefront side)`] : []),
      ...(postgres ? [`  PostgreSQL:       ${databaseUrl} (embedded)`] : []),
      "  Ctrl-C stops Medusa" + (postgres ? " and the embedded PostgreSQL." : "."),
      "──────────────────────────────────────────────────────────────",
      "Medusa's log follows.",
      "",
    ].join("\n")
  )
  server.goLive()
}

main().catch(async (error) => {
  log(`Demo failed: ${error.stack ?? error.message}`)
  await shutdown(1)
})
