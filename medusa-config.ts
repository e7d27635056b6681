import { defineConfig, loadEnv, MedusaError } from "@medusajs/framework/utils"
import type { CustomerSuiteOptions } from "./src/modules/customer_suite/options"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The development store: the repository root booted as a Medusa app whose
 * own src/ is the plugin. Its modules are listed explicitly here, with the
 * options a merchant would pass to the plugin.
 */
const customerSuiteOptions: CustomerSuiteOptions = {
  // CUSTOMER_SUITE_ACTIVITY=false: no sign-in limits, revocation check or presence (bench/activity's baseline).
  activity: {
    enabled: process.env.CUSTOMER_SUITE_ACTIVITY !== "false",
    // CUSTOMER_SUITE_LIMITER_STORE=redis: sign-in, reset and code-exchange counters in Redis (REDIS_URL).
    ...(process.env.CUSTOMER_SUITE_LIMITER_STORE === "redis" ? { limiter_store: "redis" as const } : {}),
  },
  // CUSTOMER_SUITE_SEGMENT_REFRESH_SCHEDULE: when relative-date segments refresh (cron, UTC; the cluster tests use every minute).
  ...(process.env.CUSTOMER_SUITE_SEGMENT_REFRESH_SCHEDULE
    ? { segments: { refresh_schedule: process.env.CUSTOMER_SUITE_SEGMENT_REFRESH_SCHEDULE } }
    : {}),
  assistance: {
    enabled: process.env.CUSTOMER_SUITE_ASSISTANCE === "true",
    storefront_url: process.env.CUSTOMER_SUITE_STOREFRONT_URL
      ? `${process.env.CUSTOMER_SUITE_STOREFRONT_URL.replace(/\/$/, "")}/account/assist?code={code}`
      : null,
  },
}

/**
 * One instance (the default) or a cluster. MEDUSA_WORKER_MODE: `shared` runs
 * HTTP, subscribers and jobs in one process; `server` only HTTP (behind a load
 * balancer, as many as needed); `worker` only subscribers and scheduled jobs
 * (no HTTP traffic but /health, no admin). A cluster needs REDIS_URL (a
 * worker without it does not boot): with it, events, workflows (their state, retries, scheduled jobs),
 * locks and cookie sessions go through Redis, shared by every instance.
 */
const WORKER_MODES = ["shared", "server", "worker"] as const
type WorkerMode = (typeof WORKER_MODES)[number]
const workerMode = (process.env.MEDUSA_WORKER_MODE || "shared") as WorkerMode
if (!WORKER_MODES.includes(workerMode)) {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `MEDUSA_WORKER_MODE must be one of ${WORKER_MODES.join(", ")}; got "${workerMode}"`)
}
const redisUrl = process.env.REDIS_URL || undefined
// `medusa db:migrate`, `exec`, `user` and the other one-off commands set MEDUSA_WORKER_MODE=server
// themselves (no jobs while they run): only a running instance (`start`, `develop`) needs the shared Redis.
const runsAnInstance = ["start", "develop"].includes(process.argv[2] ?? "")
if (workerMode !== "shared" && !redisUrl && runsAnInstance) {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `MEDUSA_WORKER_MODE=${workerMode} needs REDIS_URL: instances share events, workflows and locks through Redis`)
}

const eventBusConcurrency = Number(process.env.EVENT_BUS_CONCURRENCY || 20)
if (!Number.isInteger(eventBusConcurrency) || eventBusConcurrency < 1) {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `EVENT_BUS_CONCURRENCY must be a whole number of at least 1; got "${process.env.EVENT_BUS_CONCURRENCY}"`)
}

/** Medusa's Redis modules, when REDIS_URL is set (else Medusa's in-process defaults). */
const redisModules = redisUrl
  ? [
      {
        // Events are jobs on a BullMQ queue; only `worker` and `shared` instances take them.
        resolve: "@medusajs/medusa/event-bus-redis",
        // BullMQ takes one job at a time unless told otherwise: the plugin's subscribers mostly wait on
        // PostgreSQL and Redis, so a worker takes EVENT_BUS_CONCURRENCY events at once (decision 0057).
        options: { redisUrl, workerOptions: { concurrency: eventBusConcurrency } },
      },
      {
        // Workflow executions, retries, async steps and scheduled jobs (one tick for all workers).
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        // Modules.LOCKING (the plugin's jobs and refreshes) across instances.
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } },
          ],
        },
      },
    ]
  : []

const poolMax = process.env.DATABASE_POOL_MAX ? Number(process.env.DATABASE_POOL_MAX) : undefined
if (poolMax !== undefined && !(Number.isInteger(poolMax) && poolMax >= 1)) {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `DATABASE_POOL_MAX must be a whole number of at least 1; got "${process.env.DATABASE_POOL_MAX}"`)
}

const databaseUrl =
  process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/medusa_customer_suite"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl,
    workerMode,
    // Cookie sessions (POST /auth/session) in Redis, so any server knows them.
    ...(redisUrl ? { redisUrl } : {}),
    databaseDriverOptions: {
      ...(databaseUrl.includes("localhost") ? { connection: { ssl: false } } : {}),
      // Connections each instance keeps to PostgreSQL (knex's default is 10).
      ...(poolMax ? { pool: { min: Math.min(2, poolMax), max: poolMax } } : {}),
    },
    // The demo and the browser tests serve the built dashboard over plain
    // http://localhost with NODE_ENV=production, where Medusa marks the session
    // cookie Secure (never sent over http). This store is for development only.
    cookieOptions: {
      sameSite: "lax",
      secure: process.env.SESSION_COOKIE_SECURE === "true",
    },
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS ?? "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET ?? "supersecret",
      cookieSecret: process.env.COOKIE_SECRET ?? "supersecret",
    },
  },
  admin: {
    // A worker serves no HTTP traffic but its health check: no dashboard to build or serve.
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true" || workerMode === "worker",
  },
  modules: [
    ...redisModules,
    {
      resolve: "./src/modules/customer_suite",
      options: customerSuiteOptions,
    },
    {
      resolve: "./src/modules/customer_segment",
      options: customerSuiteOptions,
    },
    {
      resolve: "./src/modules/tax_class",
      options: customerSuiteOptions,
    },
    {
      resolve: "./src/modules/shopping_assistance",
      options: customerSuiteOptions,
    },
    {
      resolve: "./src/modules/group_pricing",
      options: customerSuiteOptions,
    },
    {
      resolve: "./src/modules/personalization",
      options: customerSuiteOptions,
    },
    {
      resolve: "./src/modules/customer_activity",
      options: customerSuiteOptions,
    },
    {
      // Medusa's default file storage (files in ./static, served under /static),
      // with URLs on the port this store listens on. The demo seed stores its
      // product pictures here.
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: {
              backend_url:
                process.env.FILE_BACKEND_URL ?? `http://localhost:${process.env.PORT ?? 9000}/static`,
            },
          },
        ],
      },
    },
    {
      // The tax-class provider next to Medusa's system provider; tax regions
      // choose it by id: tp_tax-class_default.
      resolve: "@medusajs/medusa/tax",
      options: { providers: [{ resolve: "./src/providers/tax-class", id: "default" }] },
    },
  ],
})
