import { createHash } from "node:crypto"
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible"

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

export function createLimiter(store: LimiterStore, spec: LimitSpec): Limiter {
  const common = {
    keyPrefix: `cs:${spec.name}`,
    points: spec.points,
    duration: spec.windowSeconds,
    blockDuration: spec.blockSeconds ?? 0,
  }
  if (store.kind === "redis") {
    return new RateLimiterRedis({ ...common, storeClient: store.client })
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
