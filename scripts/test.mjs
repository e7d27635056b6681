#!/usr/bin/env node
// npm test [-- project …]
// Without arguments: type checks (backend, admin), lint, then every jest
// project (unit, modules, http, consumer, e2e when chromium is installed, and
// cluster when Redis answers).
// With project names (unit modules http consumer e2e cluster): only those projects.
// PostgreSQL: DB_HOST when set; else the server on localhost:5432; else an
// embedded PostgreSQL started for the run and stopped afterwards
// (TEST_EMBEDDED_PG=1 forces it; TEST_PG_PORT sets the port it tries first,
// 5432 by default; when that port is taken it listens on a free one and says which).
// TEST_WORKERS: spec files at once (2); TEST_WORKER_MEMORY: a worker's heap after which it is
// replaced (1GB); TEST_PATTERN: only the spec files whose path matches.
// cluster: Redis at CLUSTER_REDIS_URL, else REDIS_URL, else redis://127.0.0.1:6379;
// when it does not answer, a full run skips the cluster tests and says why.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import redisClaim from "../integration-tests/cluster/redis-claim.js"
import { canConnect, portAnswers, startEmbeddedPostgres } from "./lib/postgres.mjs"

// Why the cluster tests cannot run (Redis does not answer), or null: the cluster harness's own check.
const { redisUnavailable } = redisClaim

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const bin = (name) => path.join(root, "node_modules", ".bin", name)
const ALL_PROJECTS = ["unit", "modules", "http", "consumer", "e2e", "cluster"]
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

const requested = process.argv.slice(2).filter((a) => !a.startsWith("-"))
const unknown = requested.filter((p) => !ALL_PROJECTS.includes(p))
if (unknown.length) {
  console.error(`Unknown test project(s): ${unknown.join(", ")}. Known: ${ALL_PROJECTS.join(", ")}`)
  process.exit(2)
}
const full = requested.length === 0
const startedAt = Date.now()
const say = (message) =>
  process.stdout.write(`\n[test ${((Date.now() - startedAt) / 1000).toFixed(0)}s] ${message}\n`)

function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" })
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

async function ensurePostgres() {
  if (process.env.DB_HOST) {
    say(`PostgreSQL: using DB_HOST=${process.env.DB_HOST}`)
    return null
  }
  const user = process.env.DB_USERNAME ?? "postgres"
  const password = process.env.DB_PASSWORD ?? ""
  const auth = password ? `${user}:${encodeURIComponent(password)}` : user
  const forceEmbedded = process.env.TEST_EMBEDDED_PG === "1"
  if (!forceEmbedded && (await canConnect(`postgres://${auth}@localhost:5432/postgres`))) {
    say("PostgreSQL: using the server on localhost:5432")
    process.env.DB_HOST = "localhost"
    process.env.DB_PORT = "5432"
    process.env.DB_USERNAME = user
    process.env.DB_PASSWORD = password
    return null
  }
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mcs-test-pg-")), "data")
  if (forceEmbedded) {
    say("PostgreSQL: TEST_EMBEDDED_PG=1, starting an embedded one")
  } else if (await portAnswers("localhost", 5432)) {
    say(
      `PostgreSQL: something listens on localhost:5432, but user ${user} cannot log into PostgreSQL there; ` +
        "starting an embedded one"
    )
  } else {
    say("PostgreSQL: nothing listens on localhost:5432, starting an embedded one")
  }
  // TEST_PG_PORT when set, else 5432; a free port instead when that one is taken.
  const server = await startEmbeddedPostgres({
    dataDir,
    port: process.env.TEST_PG_PORT || 5432,
    portVariable: process.env.TEST_PG_PORT ? "TEST_PG_PORT" : undefined,
    durable: false,
    log: (message) => say(`PostgreSQL: ${message}`),
  }).catch((error) => {
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true })
    throw error
  })
  const { port } = server
  Object.assign(process.env, {
    DB_HOST: "localhost",
    DB_PORT: String(port),
    DB_USERNAME: "postgres",
    DB_PASSWORD: "postgres",
  })
  return {
    stop: async () => {
      await server.stop()
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true })
    },
  }
}

async function main() {
  let failed = false
  if (full) {
    say("Type check: backend (tsconfig.check.json)")
    failed ||= (await run(bin("tsc"), ["-p", "tsconfig.check.json", "--noEmit"])) !== 0
    say("Type check: admin (src/admin/tsconfig.json)")
    failed ||= (await run(bin("tsc"), ["-p", "src/admin/tsconfig.json", "--noEmit"])) !== 0
    say("Type check: example storefront (examples/storefront/tsconfig.json)")
    failed ||= (await run(bin("tsc"), ["-p", "examples/storefront/tsconfig.json"])) !== 0
    say("Lint: eslint with @medusajs/eslint-plugin recommended")
    failed ||= (await run(bin("eslint"), [".", "--max-warnings", "0"])) !== 0
    if (failed) {
      say("Static checks failed; jest still runs so every failure shows at once")
    }
  }

  let projects = full ? ALL_PROJECTS : requested
  if (projects.includes("e2e") && !fs.existsSync(CHROMIUM)) {
    if (full) {
      say(`e2e skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium)`)
      projects = projects.filter((p) => p !== "e2e")
    } else {
      console.error(`e2e needs chromium at ${CHROMIUM}: apt-get install -y chromium`)
      process.exit(1)
    }
  }

  if (projects.includes("cluster")) {
    const redisUrl = process.env.CLUSTER_REDIS_URL || process.env.REDIS_URL || "redis://127.0.0.1:6379"
    const reason = await redisUnavailable(redisUrl)
    if (reason && full) {
      say(`cluster SKIPPED: ${reason}. Start redis-server (.ci/run does) or set CLUSTER_REDIS_URL`)
      projects = projects.filter((p) => p !== "cluster")
    } else if (reason) {
      console.error(`cluster needs Redis: ${reason}. Start redis-server or set CLUSTER_REDIS_URL`)
      process.exit(1)
    } else {
      say(`cluster: Redis at ${redisUrl}`)
    }
  }

  const postgres = await ensurePostgres()
  const workers = Math.max(1, Number.parseInt(process.env.TEST_WORKERS ?? "2", 10) || 1)
  // Three jest runs: the consumer spec packs the plugin (its prebuild removes public/, where the
  // browser tests' store serves the dashboard), so it runs after everything else, on its own;
  // then the cluster specs, one at a time (each starts two servers and one or two workers).
  const phases = [
    projects.filter((p) => p !== "consumer" && p !== "cluster"),
    projects.filter((p) => p === "consumer"),
    projects.filter((p) => p === "cluster"),
  ].filter((phase) => phase.length > 0)
  const results = { numPassedTests: 0, numFailedTests: 0, numTotalTests: 0, complete: true }
  try {
    for (const phase of phases) {
      const resultsFile = path.join(os.tmpdir(), `mcs-jest-${process.pid}-${phase.join("-")}.json`)
      const phaseWorkers = phase.includes("cluster") ? 1 : workers
      say(`Jest projects: ${phase.join(", ")} (${phaseWorkers} worker${phaseWorkers > 1 ? "s" : ""})`)
      const code = await run(
        bin("jest"),
        [
          // Spec files in parallel (TEST_WORKERS, default 2: each boots its own app on a free
          // port and a database of a random name). Always in worker processes, never in band:
          // every booted app leaves memory behind in its process, and one process running the
          // whole suite ran out of heap; a worker past the limit after a spec file is replaced.
          `--maxWorkers=${phaseWorkers}`,
          `--workerIdleMemoryLimit=${process.env.TEST_WORKER_MEMORY ?? "1GB"}`,
          "--forceExit",
          "--selectProjects",
          ...phase,
          // TEST_PATTERN: only the spec files whose path matches (a regular expression).
          ...(process.env.TEST_PATTERN ? ["--testPathPattern", process.env.TEST_PATTERN] : []),
          ...(process.env.TEST_PATTERN ? ["--passWithNoTests"] : []),
          "--json",
          "--outputFile",
          resultsFile,
        ],
        {
          ...process.env,
          NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"]
            .filter(Boolean)
            .join(" "),
          MEDUSA_DISABLE_TELEMETRY: "true",
        }
      )
      failed ||= code !== 0
      if (fs.existsSync(resultsFile)) {
        const phaseResults = JSON.parse(fs.readFileSync(resultsFile, "utf8"))
        fs.rmSync(resultsFile)
        results.numPassedTests += phaseResults.numPassedTests ?? 0
        results.numFailedTests += phaseResults.numFailedTests ?? 0
        results.numTotalTests += phaseResults.numTotalTests ?? 0
      } else {
        results.complete = false
      }
    }
  } finally {
    if (postgres) {
      await postgres.stop()
    }
  }

  const passed = results.numPassedTests
  const failedTests = results.numFailedTests
  const stepsFailed = failed && failedTests === 0 ? 1 : 0
  say(`Done in ${((Date.now() - startedAt) / 1000).toFixed(0)}s`)
  // A plain closing line, readable by any CI; a failed static check counts as one failure.
  process.stdout.write(`tests: ${passed} passed, ${failedTests + stepsFailed} failed\n`)
  process.exit(failed || !results.complete || results.numTotalTests === 0 ? 1 : 0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
