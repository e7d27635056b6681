import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import net from "node:net"
import type Redis from "ioredis"
import { SignInOptionsSchema } from "../../customer_suite/options"
import { isRefusal } from "../limits"
import { clearAccountLimits, limiterStore, readSignInLock, restoreLimits, signInKeys, signInLimiters } from "../sign-in-limits"

jest.setTimeout(30_000)

/**
 * The Redis store of the sign-in counters (the HTTP spec runs on the
 * PostgreSQL one): counting, lock state, clearing an account's pairs with
 * SCAN, restoring them. Uses REDIS_URL when set, else starts `redis-server`
 * on a free port; skipped (and says so) when neither is there.
 */
const hasRedisServer = !process.env.REDIS_URL && spawnSync("redis-server", ["--version"]).status === 0
const available = Boolean(process.env.REDIS_URL) || hasRedisServer
if (!available) {
  // eslint-disable-next-line no-console -- a skipped suite says why
  console.warn("sign-in-limits-redis.spec: no REDIS_URL and no redis-server: skipped")
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

;(available ? describe : describe.skip)("sign-in counters in Redis", () => {
  let server: ChildProcess | null = null
  let url: string
  let client: Redis

  beforeAll(async () => {
    if (process.env.REDIS_URL) {
      url = process.env.REDIS_URL
    } else {
      const port = await freePort()
      server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" })
      url = `redis://127.0.0.1:${port}/0`
    }
    const store = limiterStore({ resolve: () => undefined } as never, { limiter_store: "redis", redis_url: url })
    client = (store as { client: Redis }).client
    for (let i = 0; i < 50 && client.status !== "ready"; i++) {
      await new Promise((r) => setTimeout(r, 100))
    }
  })

  afterAll(async () => {
    await client?.quit().catch(() => undefined)
    server?.kill()
  })

  it("counts, locks a pair, shows it, clears every pair of the account and restores them", async () => {
    const email = `redis-${Date.now()}@example.com`
    const options = SignInOptionsSchema.parse({ max_failures: 2 })
    const store = limiterStore({ resolve: () => undefined } as never, { limiter_store: "redis", redis_url: url })
    expect(store).toEqual({ kind: "redis", client })
    const limits = signInLimiters(store, options)
    const attacker = signInKeys(email, "198.51.100.1")
    const owner = signInKeys(email, "198.51.100.2")

    for (let i = 0; i < 2; i++) {
      await limits.pair.consume(attacker.pair, 1)
      await limits.account.consume(attacker.account, 1)
    }
    await limits.pair.block(attacker.pair, options.lockout_minutes * 60)
    await limits.pair.consume(owner.pair, 1)
    const refused = await limits.pair.consume(attacker.pair, 1).catch((e: unknown) => e)
    expect(isRefusal(refused)).toBe(true)

    const locked = await readSignInLock(store, options, email)
    expect(locked).toMatchObject({ locked: true, failures: 2, max_failures: 100, locked_pairs: 1 })
    expect(locked.locked_until!.getTime() - Date.now()).toBeGreaterThan(9 * 60_000)

    const cleared = await clearAccountLimits(store, limits, email)
    expect(cleared.map((r) => r.key).sort()).toEqual(
      [limits.account.getKey(attacker.account), limits.pair.getKey(attacker.pair), limits.pair.getKey(owner.pair)].sort()
    )
    expect(await readSignInLock(store, options, email)).toMatchObject({ locked: false, locked_until: null, failures: 0, locked_pairs: 0 })
    // Another account's counters are untouched.
    const other = signInKeys(`other-${email}`, "198.51.100.1")
    await limits.pair.consume(other.pair, 1)
    await clearAccountLimits(store, limits, email)
    expect((await limits.pair.get(other.pair))?.consumedPoints).toBe(1)

    await restoreLimits(store, cleared)
    expect(await readSignInLock(store, options, email)).toMatchObject({ locked: true, failures: 2, locked_pairs: 1 })
  })
})
