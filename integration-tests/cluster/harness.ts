/**
 * A cluster of the root store, as ARCHITECTURE.md §7 deploys it: `server`
 * instances and `worker` instances (`medusa start`, MEDUSA_WORKER_MODE) on
 * one fresh PostgreSQL database and Redis (event bus, workflow engine,
 * locking, cookie sessions, the plugin's limiters). Each run claims a Redis
 * database of its own (1–15, see `claimRedisDatabase`) and a PostgreSQL
 * database of a random name, so runs never share a queue, a lock or a row.
 * Instances start in parallel; a spec file starts one cluster in beforeAll and
 * stops it in afterAll.
 */
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { generateJwtToken } from "@medusajs/framework/utils"
import getPort from "get-port"
import Redis from "ioredis"
import { Client } from "pg"
import { dropDatabase, recreateDatabase, testDatabaseUrl } from "../helpers/database"
import { runCommand, startProcess, waitForUrl } from "../helpers/processes"
import { claimRedisDatabase, redisUnavailable as redisUnavailableAt } from "./redis-claim"

const root = path.resolve(__dirname, "..", "..")
const medusa = path.join(root, "node_modules", ".bin", "medusa")
/** Signs every instance's tokens; the harness signs the admin's. */
const JWT_SECRET = "cluster-jwt-secret"

/** The Redis the cluster tests use: CLUSTER_REDIS_URL, else REDIS_URL, else the machine's service. */
export const REDIS_BASE_URL = process.env.CLUSTER_REDIS_URL || process.env.REDIS_URL || "redis://127.0.0.1:6379"

export type Answer<T = any> = { status: number; data: T; headers: Headers }
export type Http = {
  get: <T = any>(path: string, headers?: Record<string, string>) => Promise<Answer<T>>
  post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer<T>>
  delete: <T = any>(path: string, headers?: Record<string, string>) => Promise<Answer<T>>
}

/** A small fetch client: never throws on a status, answers { status, data, headers }. */
export function http(baseUrl: string): Http {
  const call = async (method: string, url: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let data: unknown = text
    try {
      data = text ? JSON.parse(text) : null
    } catch {
      // not JSON: the text as it is
    }
    return { status: response.status, data: data as any, headers: response.headers }
  }
  return {
    get: (url, headers) => call("GET", url, undefined, headers),
    post: (url, body, headers) => call("POST", url, body ?? {}, headers),
    delete: (url, headers) => call("DELETE", url, undefined, headers),
  }
}

export type Instance = Http & {
  name: string
  mode: "server" | "worker"
  url: string
  /** Everything the process printed so far. */
  output: () => string
  stop: () => Promise<void>
}

export type Cluster = {
  servers: Instance[]
  workers: Instance[]
  /** The Redis database of this run (redis://host:port/N). */
  redisUrl: string
  databaseUrl: string
  /** Bearer headers of the seeded admin user. */
  admin: Record<string, string>
  publishableKey: string
  salesChannelId: string
  /** Reads (and, for set-up only, writes) on the cluster's database. */
  sql: <T = Record<string, any>>(text: string, values?: unknown[]) => Promise<T[]>
  /** A client on the run's Redis database (closed by stop). */
  redis: Redis
  /** Starts one more worker (appended to `workers`), e.g. for a test with two. */
  addWorker: () => Promise<Instance>
  stop: () => Promise<void>
}

/** Why the cluster tests cannot run here (Redis does not answer), or null when they can. */
export const redisUnavailable = (url = REDIS_BASE_URL): Promise<string | null> => redisUnavailableAt(url)

const check = (result: { code: number | null; output: string }, what: string) => {
  if (result.code !== 0) {
    throw new Error(`${what} failed (exit ${result.code}):\n${result.output.slice(-4000)}`)
  }
}

export type ClusterOptions = {
  servers?: number
  workers?: number
  /** More environment for every instance (plugin switches of medusa-config.ts). */
  env?: Record<string, string>
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const unavailable = await redisUnavailable()
  if (unavailable) {
    throw new Error(`${unavailable}: start redis-server (see .ci/run) or set CLUSTER_REDIS_URL`)
  }
  const stops: Array<() => Promise<void>> = []
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      await stop().catch((error) => console.error(`cluster: stopping failed: ${(error as Error).message}`))
    }
  }
  try {
    const redisDb = await claimRedisDatabase(REDIS_BASE_URL)
    stops.push(redisDb.release)

    const database = `mcs_cluster_${process.pid}_${randomBytes(3).toString("hex")}`
    const databaseUrl = testDatabaseUrl(database)
    await recreateDatabase(database)
    if (process.env.CLUSTER_KEEP_DB !== "1") {
      stops.push(() => dropDatabase(database))
    }
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisDb.url,
      JWT_SECRET,
      COOKIE_SECRET: "cluster-cookie-secret",
      DISABLE_MEDUSA_ADMIN: "true",
      MEDUSA_DISABLE_TELEMETRY: "true",
      CUSTOMER_SUITE_ASSISTANCE: "true",
      CUSTOMER_SUITE_LIMITER_STORE: "redis",
      ...options.env,
    }
    // Migrations and link sync, once (MEDUSA_WORKER_MODE shared: no instance runs yet).
    check(await runCommand(medusa, ["db:migrate"], { cwd: root, env: { ...env, MEDUSA_WORKER_MODE: "shared" } }), "medusa db:migrate")

    const seedOut = path.join(os.tmpdir(), `${database}-seed.json`)
    const seeding = runCommand(medusa, ["exec", "./integration-tests/cluster/seed.ts"], {
      cwd: root,
      env: { ...env, MEDUSA_WORKER_MODE: "server", CLUSTER_SEED_OUT: seedOut },
    })

    const launch = async (name: string, mode: "server" | "worker"): Promise<Instance> => {
      const port = await getPort()
      const url = `http://localhost:${port}`
      const processHandle = startProcess(medusa, ["start"], {
        cwd: root,
        env: { ...env, MEDUSA_WORKER_MODE: mode, PORT: String(port) },
      })
      stops.push(async () => {
        await processHandle.stop()
        // CLUSTER_LOG_DIR: each instance's output kept there (for a failure in CI).
        if (process.env.CLUSTER_LOG_DIR) {
          fs.mkdirSync(process.env.CLUSTER_LOG_DIR, { recursive: true })
          fs.writeFileSync(path.join(process.env.CLUSTER_LOG_DIR, `${database}-${name}.log`), processHandle.output())
        }
      })
      await waitForUrl(`${url}/health`, 240_000, processHandle)
      return { name, mode, url, output: processHandle.output, stop: processHandle.stop, ...http(url) }
    }
    const serverCount = options.servers ?? 2
    const workerCount = options.workers ?? 1
    const [servers, workers, seeded]: [Instance[], Instance[], Awaited<typeof seeding>] = await Promise.all([
      Promise.all(Array.from({ length: serverCount }, (_, i) => launch(`server-${i + 1}`, "server"))),
      Promise.all(Array.from({ length: workerCount }, (_, i) => launch(`worker-${i + 1}`, "worker"))),
      seeding,
    ])
    check(seeded, "cluster seed (medusa exec)")
    const seed = JSON.parse(fs.readFileSync(seedOut, "utf8")) as {
      user_id: string
      auth_identity_id: string
      publishable_key: string
      sales_channel_id: string
    }
    fs.rmSync(seedOut, { force: true })

    const pg = new Client({ connectionString: databaseUrl })
    await pg.connect()
    stops.push(() => pg.end())
    const redis = new Redis(redisDb.url, { maxRetriesPerRequest: 1 })
    stops.push(async () => void (await redis.quit()))

    const token = generateJwtToken(
      { actor_id: seed.user_id, actor_type: "user", auth_identity_id: seed.auth_identity_id, app_metadata: { user_id: seed.user_id } },
      { secret: JWT_SECRET, expiresIn: "1d" }
    )
    return {
      servers,
      workers,
      redisUrl: redisDb.url,
      databaseUrl,
      admin: { authorization: `Bearer ${token}` },
      publishableKey: seed.publishable_key,
      salesChannelId: seed.sales_channel_id,
      sql: async <T,>(text: string, values: unknown[] = []) => (await pg.query(text, values)).rows as T[],
      redis,
      addWorker: async () => {
        const worker = await launch(`worker-${workers.length + 1}`, "worker")
        workers.push(worker)
        return worker
      },
      stop: stopAll,
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}
