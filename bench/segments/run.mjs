/**
 * Customer segment benchmark driver (figures, not a test). Re-runnable:
 *
 *   npm run bench:segments -- --sizes=100000,1000000 --parts=refresh,realtime,backfill
 *
 * 1. Creates the bench database (default mcs_bench) if missing and migrates it
 *    with `medusa db:migrate` when the segment tables are missing.
 * 2. Per size: regenerates the facts projection in SQL (generate.mjs), then runs
 *    measure.ts inside the app (`medusa exec`) for the refresh and real-time figures.
 * 3. Backfill (part "backfill"): in its own database (default mcs_bench_backfill),
 *    creates customers and orders through Medusa's modules once (kept while the
 *    customer count matches), then times backfillCustomerFactsWorkflow.
 * 4. Prints the tables (report.mjs); JSON goes to bench/results/.
 *
 * Options (defaults): --sizes=100000 --parts=refresh,realtime --reps=3
 * --batches=50000,5000 --naive-budget=600 (seconds per rule before the naive
 * loop is stopped and extrapolated) --samples=500 --warmup=50
 * --backfill-customers=20000 --backfill-batches=500,2000 --db=mcs_bench
 * --backfill-db=mcs_bench_backfill --pg=postgres://postgres@localhost:5432
 * --keep-data (reuse the projection when it already has that many customers)
 * --only=vip,affinity (a subset of the five rules) --analyze-before-steady (ANALYZE the
 * membership table between the full and the steady refresh) --realtime-budget=900 (seconds
 * per real-time series; fewer samples are reported when it is reached) --populate=sql (fill the
 * 50 real-time segments with one INSERT ... SELECT each instead of refreshSegmentMembers)
 * --no-naive (skip the naive JS loop) --data-only (generate the data and stop)
 * --purchases=one-per-order (one purchase row per order instead of 1-3: half the rows, for 10M on a small disk)
 *
 * Part "statistics" (statistics.ts): three profile rules refreshed with no statistics, with what
 * the backfill leaves, and after ANALYZE, beside a hand-written statement (--reps, --batch=5000).
 */
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { parseArgs, root } from "../lib/cli.mjs"
import { generate } from "./generate.mjs"
import { report } from "./report.mjs"

const { argv, opt } = parseArgs()
const server = opt("pg", "postgres://postgres@localhost:5432")
const resultsDir = path.join(root, "bench/results")
const log = (line) => console.log(`[run] ${line}`)

function sh(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    log(`$ ${Object.entries(env).map(([k, v]) => `${k}=${v} `).join("")}${command} ${args.join(" ")}`)
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" })
    child.on("error", reject)
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))))
  })
}

function git(args) {
  const result = spawnSync("git", args, { cwd: root, encoding: "utf8" })
  return result.status === 0 ? result.stdout.trim() : ""
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** Creates the database if missing and migrates it when the segment tables are missing. */
async function ensureDatabase(name, { recreate = false } = {}) {
  const url = `${server}/${name}`
  await withClient(`${server}/postgres`, async (client) => {
    if (recreate) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    }
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) {
      log(`creating database ${name}`)
      await client.query(`CREATE DATABASE "${name}"`)
    }
  })
  const migrated = await withClient(url, async (client) => {
    const { rows } = await client.query("SELECT to_regclass('customer_order') IS NOT NULL AS ok")
    return rows[0].ok
  })
  if (!migrated) {
    await sh("npx", ["medusa", "db:migrate"], { DATABASE_URL: url })
  }
  return url
}

async function machine() {
  const version = await withClient(`${server}/postgres`, async (client) => (await client.query("SELECT version() AS v")).rows[0].v)
  const settings = await withClient(`${server}/postgres`, async (client) =>
    (
      await client.query(
        `SELECT name, current_setting(name) AS value FROM pg_settings WHERE name IN
         ('shared_buffers', 'work_mem', 'max_wal_size', 'synchronous_commit', 'max_parallel_workers_per_gather', 'effective_cache_size', 'autovacuum')
         ORDER BY name`
      )
    ).rows.map((r) => `${r.name}=${r.value}`)
  )
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    ram_gb: Math.round(os.totalmem() / 2 ** 30),
    postgres: version,
    postgres_settings: settings,
    node: process.version,
    date: new Date().toISOString(),
    command: `node bench/segments/run.mjs ${process.argv.slice(2).join(" ")}`.trim(),
    // The code measured: the commit, and src/ files changed on top of it when the run started.
    commit: git(["rev-parse", "--short", "HEAD"]),
    src_changes: git(["status", "--porcelain", "--", "src"]).split("\n").filter(Boolean),
  }
}

async function main() {
  const sizes = opt("sizes", "100000").split(",").map(Number)
  const parts = opt("parts", "refresh,realtime").split(",")
  fs.mkdirSync(resultsDir, { recursive: true })
  const info = await machine()
  log(JSON.stringify(info))
  fs.writeFileSync(path.join(resultsDir, "machine.json"), JSON.stringify(info, null, 2))
  const files = []

  /** The bench database with `size` generated customers (kept with --keep-data when it has that many). */
  const withData = async (size) => {
    const url = await ensureDatabase(opt("db", "mcs_bench"))
    const existing = await withClient(url, async (client) => (await client.query("SELECT count(*)::int AS n FROM customer_profile")).rows[0].n)
    if (argv["keep-data"] && existing === size) {
      log(`reusing the ${size} generated customers`)
    } else {
      const generated = await withClient(url, (client) =>
        generate(client, size, (line) => log(line), { purchases: opt("purchases", "per-product") })
      )
      fs.writeFileSync(path.join(resultsDir, `generate-${size}.json`), JSON.stringify(generated, null, 2))
    }
    return url
  }

  if (argv["data-only"]) {
    for (const size of sizes) {
      await withData(size)
    }
    return
  }

  const measureParts = parts.filter((p) => p === "refresh" || p === "realtime")
  if (measureParts.length) {
    for (const size of sizes) {
      const url = await withData(size)
      const out = path.join("bench/results", `segments-${size}.json`)
      await sh(
        "npx",
        [
          "medusa", "exec", "./bench/segments/measure.ts",
          `out=${out}`,
          `parts=${measureParts.join(",")}`,
          `reps=${opt("reps", "3")}`,
          `batches=${opt("batches", "50000,5000")}`,
          `naive_budget_s=${opt("naive-budget", "600")}`,
          `samples=${opt("samples", "500")}`,
          `warmup=${opt("warmup", "50")}`,
          `realtime_budget_s=${opt("realtime-budget", "900")}`,
          ...(argv["analyze-before-steady"] ? ["analyze_before_steady=1"] : []),
          ...(argv.populate ? [`populate=${argv.populate}`] : []),
          ...(argv["no-naive"] ? ["naive=0"] : []),
          `commit=${info.commit}${info.src_changes.length ? "+dirty" : ""}`,
          ...(argv.only ? [`only=${argv.only}`] : []),
        ],
        { DATABASE_URL: url }
      )
      files.push(path.join(root, out))
    }
  }

  if (parts.includes("statistics")) {
    for (const size of sizes) {
      const url = await withData(size)
      const out = path.join("bench/results", `statistics-${size}.json`)
      await sh(
        "npx",
        ["medusa", "exec", "./bench/segments/statistics.ts", `out=${out}`, `reps=${opt("reps", "3")}`, `batch=${opt("batch", "5000")}`],
        { DATABASE_URL: url }
      )
    }
  }

  if (parts.includes("backfill")) {
    const customers = Number(opt("backfill-customers", "20000"))
    const name = opt("backfill-db", "mcs_bench_backfill")
    let url = await ensureDatabase(name)
    const have = await withClient(url, async (client) => {
      const { rows } = await client.query(
        "SELECT CASE WHEN to_regclass('bench_backfill_generated') IS NULL THEN 0 ELSE (SELECT COALESCE(max(customers), 0) FROM bench_backfill_generated) END AS n"
      )
      return rows[0].n
    })
    if (have !== customers) {
      url = await ensureDatabase(name, { recreate: true })
      await sh("npx", ["medusa", "exec", "./bench/segments/backfill.ts", "phase=generate", `customers=${customers}`], { DATABASE_URL: url })
    } else {
      log(`reusing the ${customers} customers generated in ${name}`)
    }
    const out = "bench/results/backfill.json"
    await sh(
      "npx",
      ["medusa", "exec", "./bench/segments/backfill.ts", "phase=backfill", `batches=${opt("backfill-batches", "500,2000")}`, `out=${out}`],
      { DATABASE_URL: url }
    )
    files.push(path.join(root, out))
  }

  console.log("\n" + `Machine: ${info.cores} cores (${info.cpu}), ${info.ram_gb} GB RAM, ${info.postgres}, Node ${info.node}, ${info.date}`)
  console.log(`PostgreSQL settings: ${info.postgres_settings.join(", ")}`)
  console.log(`Command: ${info.command}`)
  console.log(`Code: ${info.commit}${info.src_changes.length ? ` with uncommitted src/ changes: ${info.src_changes.join(", ")}` : ""}\n`)
  console.log(report(files))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
