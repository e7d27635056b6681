/**
 * Personalization benchmark (figures, not a test): resolving content blocks
 * through GET /store/content-blocks against a trivial core store route
 * (GET /store/regions), on one server, in one run.
 *
 *   npm run bench:personalization -- --iterations=300 --warmup=50
 *
 * 1. Recreates the database mcs_bench_personalization, migrates it and builds
 *    the store with bench/personalization/setup.ts: 50 segments, 200 blocks
 *    over 10 placements, a registered customer and a guest cart.
 * 2. Starts `medusa start` on it (the repository's app, NODE_ENV=production).
 * 3. Each iteration, in rotating order: GET /store/regions (the baseline) and
 *    GET /store/content-blocks?placement=home-hero as an anonymous guest, as a
 *    guest with their cart, and as the logged-in customer (every case on the
 *    same placement of 20 blocks, 16 of them targeted).
 * 4. Prints medians, p95 and each case's ratio to the baseline's median; JSON
 *    goes to bench/results/.
 *
 * Options (defaults): --iterations=300 --warmup=50 --pg=postgres://postgres@localhost:5432 --keep-db
 */
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { parseArgs, root } from "../lib/cli.mjs"

const { argv, opt } = parseArgs()
const server = opt("pg", "postgres://postgres@localhost:5432")
const iterations = Number(opt("iterations", 300))
const warmup = Number(opt("warmup", 50))
const DB = "mcs_bench_personalization"
const medusa = path.join(root, "node_modules", ".bin", "medusa")
const setupFile = path.join(os.tmpdir(), "mcs-bench-personalization-setup.json")
const log = (line) => console.log(`[personalization] ${line}`)

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    log(`$ ${command} ${args.join(" ")}`)
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout.on("data", (c) => (output += c))
    child.stderr.on("data", (c) => (output += c))
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${output.slice(-3000)}`))))
  })
}

async function sql(database, text) {
  const client = new pg.Client({ connectionString: `${server}/${database}` })
  await client.connect()
  try {
    return (await client.query(text)).rows
  } finally {
    await client.end()
  }
}

const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer()
    srv.listen(0, () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })

function start(port) {
  const child = spawn(medusa, ["start"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: `${server}/${DB}`,
      PORT: String(port),
      NODE_ENV: "production",
      DISABLE_MEDUSA_ADMIN: "true",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  let output = ""
  child.stdout.on("data", (c) => (output += c))
  child.stderr.on("data", (c) => (output += c))
  return {
    base: `http://localhost:${port}`,
    output: () => output,
    stop: () => {
      try {
        process.kill(-child.pid, "SIGTERM")
      } catch {
        /* already gone */
      }
    },
  }
}

async function waitHealthy(app, ms = 180_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      if ((await fetch(`${app.base}/health`)).ok) return
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`the server did not start:\n${app.output().slice(-3000)}`)
}

async function call(app, method, url, body, headers) {
  const started = process.hrtime.bigint()
  const response = await fetch(`${app.base}${url}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 500)}`)
  return { ms, data: JSON.parse(text) }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]

async function main() {
  const keep = argv["keep-db"] === "true"
  const exists = (await sql("postgres", `SELECT 1 FROM pg_database WHERE datname = '${DB}'`)).length > 0
  if (!keep || !exists || !fs.existsSync(setupFile)) {
    await sql("postgres", `DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`)
    await sql("postgres", `CREATE DATABASE "${DB}"`)
    const env = { DATABASE_URL: `${server}/${DB}`, BENCH_PERSONALIZATION_OUT: setupFile, MEDUSA_DISABLE_TELEMETRY: "true" }
    await run(medusa, ["db:migrate"], env)
    await run(medusa, ["exec", "./bench/personalization/setup.ts"], env)
    await sql(DB, "ANALYZE")
  }
  const shop = JSON.parse(fs.readFileSync(setupFile, "utf8"))
  log(`store: ${shop.segments} segments, ${shop.blocks} blocks; the customer is in ${shop.customer_segments} segments`)

  const app = start(await freePort())
  process.on("exit", () => app.stop())
  process.on("SIGINT", () => process.exit(130))
  try {
    await waitHealthy(app)
    log(`server up: ${app.base}`)
    const { data: login } = await call(app, "POST", "/auth/customer/emailpass", { email: shop.email, password: shop.password })
    const guest = { "x-publishable-api-key": shop.publishableKey }
    const customer = { ...guest, authorization: `Bearer ${login.token}` }
    const cases = [
      ["GET /store/regions (baseline)", "/store/regions", guest],
      ["content blocks: anonymous guest", "/store/content-blocks?placement=home-hero", guest],
      ["content blocks: guest with cart", `/store/content-blocks?placement=home-hero&cart_id=${shop.cart_id}`, guest],
      ["content blocks: customer", "/store/content-blocks?placement=home-hero", customer],
    ]
    const samples = Object.fromEntries(cases.map(([name]) => [name, []]))
    const answers = {}
    for (let i = 0; i < warmup + iterations; i++) {
      // Rotate the order so drift and caches hit every case alike.
      for (let k = 0; k < cases.length; k++) {
        const [name, url, headers] = cases[(i + k) % cases.length]
        const { ms, data } = await call(app, "GET", url, undefined, headers)
        if (i >= warmup) samples[name].push(ms)
        answers[name] = data.content_blocks?.length ?? data.regions?.length
      }
      if ((i + 1) % 100 === 0) log(`${i + 1}/${warmup + iterations}`)
    }
    const base = median(samples[cases[0][0]])
    const rows = cases.map(([name]) => ({
      case: name,
      n: samples[name].length,
      median_ms: median(samples[name]),
      p95_ms: p95(samples[name]),
      ratio_to_baseline: median(samples[name]) / base,
      answered: answers[name],
    }))
    console.log("\n| case | n | median ms | p95 ms | ratio of medians | rows answered |")
    console.log("| --- | --- | --- | --- | --- | --- |")
    for (const r of rows) {
      console.log(`| ${r.case} | ${r.n} | ${r.median_ms.toFixed(2)} | ${r.p95_ms.toFixed(2)} | ${r.ratio_to_baseline.toFixed(3)} | ${r.answered} |`)
    }
    const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim()
    const dirty = spawnSync("git", ["status", "--porcelain", "src"], { cwd: root, encoding: "utf8" }).stdout.trim() ? "+dirty" : ""
    fs.mkdirSync(path.join(root, "bench/results"), { recursive: true })
    const file = path.join(root, "bench/results", `personalization-${new Date().toISOString().replace(/[:.]/g, "-")}.json`)
    fs.writeFileSync(file, JSON.stringify({ commit: commit + dirty, iterations, warmup, store: shop, rows, node: process.version, cpus: os.cpus().length }, null, 2))
    log(`results: ${path.relative(root, file)}`)
  } finally {
    app.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
