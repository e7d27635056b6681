import { createHash } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible"
import type { ResolvedCustomerSuiteOptions } from "../customer_suite/options"

/**
 * Counters shared by every instance (sign-in failures, reset requests), on
 * rate-limiter-flexible: in PostgreSQL by default (the table made by this
 * module's migration), in Redis when the store configures it. Keys are
 * hashes: the table never holds an email or an IP address.
 */
export const RATE_LIMIT_TABLE = "customer_suite_rate_limit"

/** Medusa's knex connection (ContainerRegistrationKeys.PG_CONNECTION) or an ioredis client. */
export type LimiterStore = { kind: "postgres"; knex: unknown } | { kind: "redis"; client: unknown }

export type LimitSpec = {
  /** Names the counter, e.g. "si:pair"; becomes the key's prefix. */
  name: string
  /** Consumptions allowed in one window. */
  points: number
  windowSeconds: number
  /** Once over `points`, the key is refused for this long (0: only until the window ends). */
  blockSeconds?: number
}

export { RateLimiterRes }
export type Limiter = RateLimiterAbstract

/**
 * A limiter on the store, insured: when the store fails (down, timeout), each
 * call is answered by an in-memory limiter with the same limits instead, so an
 * outage degrades to counting per instance rather than to no limit at all
 * (decision 0027). The memory counts are not merged back when the store returns.
 */
export function createLimiter(store: LimiterStore, spec: LimitSpec): Limiter {
  const limits = {
    keyPrefix: `cs:${spec.name}`,
    points: spec.points,
    duration: spec.windowSeconds,
    blockDuration: spec.blockSeconds ?? 0,
  }
  const common = { ...limits, insuranceLimiter: new RateLimiterMemory(limits) }
  if (store.kind === "redis") {
    // Not connected: fail at once (to the insurance) rather than wait in the offline queue.
    return new RateLimiterRedis({ ...common, storeClient: store.client, rejectIfRedisNotReady: true })
  }
  return new RateLimiterPostgres({
    ...common,
    storeClient: store.knex,
    storeType: "knex",
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    // Expired rows are deleted by the plugin's prune job, not by a timer per limiter.
    clearExpiredByTimeout: false,
  })
}

/** A short, stable, non-reversible key part for an email, an IP key or a pair of them. */
export function limiterKey(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 40)
}

/** What a refused consumption tells: how long until the next one is allowed. */
export function isRefusal(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes
}

// ---------------------------------------------------------------------------
// The store in force, and limiters made once per store and spec

const redisClients = new Map<string, Redis>()

/** One ioredis client per URL and process, made at first use. */
function redisClient(url: string): Redis {
  let client = redisClients.get(url)
  if (!client) {
    // A request waits for at most one reconnection attempt, then fails (and the limiters count in memory instead).
    client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true })
    redisClients.set(url, client)
  }
  return client
}

type ActivityOptions = ResolvedCustomerSuiteOptions["activity"]

/** Where the counters live: Medusa's PostgreSQL connection, or Redis (`activity.redis_url`, else REDIS_URL). */
export function limiterStore(container: Pick<MedusaContainer, "resolve">, activity: Pick<ActivityOptions, "limiter_store" | "redis_url">): LimiterStore {
  if (activity.limiter_store === "redis") {
    const url = activity.redis_url ?? process.env.REDIS_URL
    if (!url) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, 'activity.limiter_store is "redis", but neither activity.redis_url nor REDIS_URL is set')
    }
    return { kind: "redis", client: redisClient(url) }
  }
  return { kind: "postgres", knex: container.resolve(ContainerRegistrationKeys.PG_CONNECTION) }
}

const limiters = new WeakMap<object, Map<string, Limiter>>()

/** Limiters are plain objects over the store: made once per store and spec (a settings change makes new ones). */
export function cachedLimiter(store: LimiterStore, spec: LimitSpec): Limiter {
  const owner = (store.kind === "redis" ? store.client : store.knex) as object
  let byStore = limiters.get(owner)
  if (!byStore) {
    byStore = new Map()
    limiters.set(owner, byStore)
  }
  const signature = `${spec.name}|${spec.points}|${spec.windowSeconds}|${spec.blockSeconds ?? 0}`
  let limiter = byStore.get(signature)
  if (!limiter) {
    limiter = createLimiter(store, spec)
    byStore.set(signature, limiter)
    if (byStore.size > 100) {
      byStore.delete(byStore.keys().next().value as string)
    }
  }
  return limiter
}
