import type Redis from "ioredis"
import type { ResolvedCustomerSuiteOptions } from "../customer_suite/options"
import { cachedLimiter, limiterKey, RATE_LIMIT_TABLE, type Limiter, type LimiterStore } from "./limits"

/**
 * Sign-in failure counters (docs/decisions/0027). Three limiters:
 * - pair: one account from one client (IPv4 address or IPv6 /64), `max_failures` an hour;
 * - account: one account from everywhere, `max_failures_per_account` an hour
 *   (`max_failures` in `account` mode, Adobe's rule);
 * - ip: one client across accounts, `max_failures_per_ip` per `ip_window_minutes`.
 * Stored keys: `cs:si:acct:<A>`, `cs:si:pair:<A>:<P>`, `cs:si:ip:<I>`, where A
 * hashes the folded email: every pair of an account shares the prefix
 * `cs:si:pair:<A>:`, so staff can read and clear them without an index.
 */
type ActivityOptions = ResolvedCustomerSuiteOptions["activity"]
export type SignInOptions = ActivityOptions["sign_in"]

/** Window of the pair and account counts (a lock lasts `lockout_minutes` from its start). */
export const ACCOUNT_WINDOW_SECONDS = 3_600
/**
 * The email a sign-in names, folded (trimmed, lower case); null only when it
 * is not a string or is blank. Medusa's provider takes any identifier, so any
 * is counted — with or without "@", of any length (the stored keys are hashes).
 */
export function foldEmail(value: unknown): string | null {
  if (typeof value !== "string") {
    return null
  }
  const folded = value.trim().toLowerCase()
  return folded ? folded : null
}

export type SignInKeys = { account: string; pair: string; ip: string }

/** The three counters' keys for an email and a client (ipLimitKey's value). */
export function signInKeys(email: string, ipKey: string): SignInKeys {
  const account = limiterKey(email)
  return { account, pair: `${account}:${limiterKey(email, ipKey)}`, ip: limiterKey(ipKey) }
}

// ---------------------------------------------------------------------------
// Store and limiters

export { limiterStore } from "./limits"

export type SignInLimiters = { pair: Limiter; account: Limiter; ip: Limiter }

export function signInLimiters(store: LimiterStore, options: SignInOptions): SignInLimiters {
  const blockSeconds = options.lockout_minutes * 60
  return {
    pair: cachedLimiter(store, { name: "si:pair", points: options.max_failures, windowSeconds: ACCOUNT_WINDOW_SECONDS, blockSeconds }),
    account: cachedLimiter(store, {
      name: "si:acct",
      points: options.lockout_mode === "account" ? options.max_failures : options.max_failures_per_account,
      windowSeconds: ACCOUNT_WINDOW_SECONDS,
      blockSeconds,
    }),
    // Refused until the window ends (no longer block).
    ip: cachedLimiter(store, { name: "si:ip", points: options.max_failures_per_ip, windowSeconds: options.ip_window_minutes * 60 }),
  }
}

// ---------------------------------------------------------------------------
// An account's counters, as staff see and clear them

/** A stored counter: its full key, points, and when it ends (epoch ms; null: never). */
export type LimitRow = { key: string; points: number; expire: number | null }

type Knex = {
  raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Array<{ key: string; points: number | string; expire: number | string | null }> }>
}

const toRow = (r: { key: string; points: number | string; expire: number | string | null }): LimitRow => ({
  key: r.key,
  points: Number(r.points),
  expire: r.expire === null ? null : Number(r.expire),
})

/** The stored keys of an account's counter and the prefix of its pairs. */
function accountKeys(limits: SignInLimiters, email: string) {
  const { account } = signInKeys(email, "")
  return { account: limits.account.getKey(account), pairPrefix: limits.pair.getKey(`${account}:`) }
}

async function redisKeysWithPrefix(client: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = []
  let cursor = "0"
  do {
    const [next, batch] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500)
    cursor = next
    keys.push(...batch)
  } while (cursor !== "0" && keys.length < 100_000)
  return keys
}

async function redisRows(client: Redis, keys: string[]): Promise<LimitRow[]> {
  if (!keys.length) {
    return []
  }
  const pipeline = client.pipeline()
  for (const key of keys) {
    pipeline.get(key).pttl(key)
  }
  const results = (await pipeline.exec()) ?? []
  const now = Date.now()
  const rows: LimitRow[] = []
  keys.forEach((key, i) => {
    const points = results[2 * i]?.[1]
    const ttl = Number(results[2 * i + 1]?.[1])
    if (points !== null && points !== undefined && ttl !== -2) {
      rows.push({ key, points: Number(points), expire: ttl >= 0 ? now + ttl : null })
    }
  })
  return rows
}

/** The account's live counters (its own and every pair's). */
export async function readAccountLimits(store: LimiterStore, limits: SignInLimiters, email: string): Promise<{ account: LimitRow | null; pairs: LimitRow[] }> {
  const keys = accountKeys(limits, email)
  let rows: LimitRow[]
  if (store.kind === "postgres") {
    const result = await (store.knex as Knex).raw(
      `select key, points, expire from ${RATE_LIMIT_TABLE} where (key = ? or key like ?) and (expire is null or expire > ?)`,
      [keys.account, `${keys.pairPrefix}%`, Date.now()]
    )
    rows = result.rows.map(toRow)
  } else {
    const client = store.client as Redis
    rows = await redisRows(client, [keys.account, ...(await redisKeysWithPrefix(client, keys.pairPrefix))])
  }
  return { account: rows.find((r) => r.key === keys.account) ?? null, pairs: rows.filter((r) => r.key !== keys.account) }
}

/** Deletes the account's counter and every pair's; answers what was there (for `restoreLimits`). */
export async function clearAccountLimits(store: LimiterStore, limits: SignInLimiters, email: string): Promise<LimitRow[]> {
  const keys = accountKeys(limits, email)
  if (store.kind === "postgres") {
    const result = await (store.knex as Knex).raw(`delete from ${RATE_LIMIT_TABLE} where key = ? or key like ? returning key, points, expire`, [
      keys.account,
      `${keys.pairPrefix}%`,
    ])
    return result.rows.map(toRow)
  }
  const client = store.client as Redis
  const rows = await redisRows(client, [keys.account, ...(await redisKeysWithPrefix(client, keys.pairPrefix))])
  for (let i = 0; i < rows.length; i += 500) {
    await client.del(...rows.slice(i, i + 500).map((r) => r.key))
  }
  return rows
}

/** Puts counters back as they were (an unlock's compensation). */
export async function restoreLimits(store: LimiterStore, rows: LimitRow[]): Promise<void> {
  const now = Date.now()
  const live = rows.filter((r) => r.expire === null || r.expire > now)
  for (let i = 0; i < live.length; i += 500) {
    const chunk = live.slice(i, i + 500)
    if (store.kind === "postgres") {
      await (store.knex as Knex).raw(
        `insert into ${RATE_LIMIT_TABLE} (key, points, expire) values ${chunk.map(() => "(?, ?, ?)").join(", ")}
         on conflict (key) do update set points = excluded.points, expire = excluded.expire`,
        chunk.flatMap((r) => [r.key, r.points, r.expire])
      )
    } else {
      const pipeline = (store.client as Redis).pipeline()
      for (const row of chunk) {
        if (row.expire === null) {
          pipeline.set(row.key, String(row.points))
        } else {
          pipeline.set(row.key, String(row.points), "PX", Math.max(row.expire - now, 1))
        }
      }
      await pipeline.exec()
    }
  }
}

export type SignInLockState = {
  locked: boolean
  locked_until: Date | null
  /** Failures counted towards the account's lock (capped at the limit). */
  failures: number
  /** The account's limit: `max_failures` in `account` mode, `max_failures_per_account` otherwise. */
  max_failures: number
  locked_pairs: number
}

/** Whether sign-ins to this account are refused now (everywhere, or from some clients). */
export async function readSignInLock(store: LimiterStore, options: SignInOptions, email: string): Promise<SignInLockState> {
  const limits = signInLimiters(store, options)
  const { account, pairs } = await readAccountLimits(store, limits, email)
  const accountLimit = limits.account.points
  const lockedRows = [
    ...(account && account.points > accountLimit ? [account] : []),
    ...(options.lockout_mode === "account_and_ip" ? pairs.filter((p) => p.points > limits.pair.points) : []),
  ]
  const ends = lockedRows.map((r) => r.expire ?? Number.POSITIVE_INFINITY)
  const until = ends.length ? Math.max(...ends) : null
  return {
    locked: lockedRows.length > 0,
    locked_until: until === null || !Number.isFinite(until) ? null : new Date(until),
    failures: Math.min(account?.points ?? 0, accountLimit),
    max_failures: accountLimit,
    locked_pairs: options.lockout_mode === "account_and_ip" ? lockedRows.length - (account && account.points > accountLimit ? 1 : 0) : 0,
  }
}

/**
 * Deletes expired counters of the PostgreSQL store in batches of `batchSize`
 * (at most `maxBatches` of them); answers how many went. Redis expires its own.
 */
export async function pruneExpiredLimits(knex: unknown, now: number, { batchSize = 5_000, maxBatches = 20 } = {}): Promise<number> {
  let deleted = 0
  for (let i = 0; i < maxBatches; i++) {
    const result = await (knex as Knex).raw(
      `delete from ${RATE_LIMIT_TABLE} where key in (select key from ${RATE_LIMIT_TABLE} where expire < ? limit ?) returning key`,
      [now, batchSize]
    )
    deleted += result.rows.length
    if (result.rows.length < batchSize) {
      break
    }
  }
  return deleted
}
