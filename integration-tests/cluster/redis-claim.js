/**
 * A Redis database (1–15) of one's own, shared by the cluster harness
 * (harness.ts) and the cluster benchmark (bench/realtime/run.mjs): CommonJS,
 * so both the tests (swc) and plain `node` load it. Types in redis-claim.d.ts.
 */
const os = require("node:os")
const { randomBytes } = require("node:crypto")
const Redis = require("ioredis")

/** `url` with its database number set to `db`. */
function withDatabase(url, db) {
  const parsed = new URL(url)
  parsed.pathname = `/${db}`
  return parsed.toString()
}

/** Why Redis cannot be used here (it does not answer), or null when it can. */
async function redisUnavailable(url) {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null })
  // The connection error (e.g. ECONNREFUSED) says more than the rejected command's "Connection is closed".
  let cause = null
  client.on("error", (error) => (cause = error))
  try {
    await client.connect()
    await client.ping()
    return null
  } catch (error) {
    return `Redis at ${url} does not answer (${cause?.message ?? error.message})`
  } finally {
    client.disconnect()
  }
}

/**
 * Claims a Redis database (1–15) for this run: a key `mcs-cluster:claim:N`
 * set with NX in database 0 (an hour at most, renewed), then only a database
 * that is empty or was left by an earlier run of the harness or the bench (it
 * holds the key `mcs-cluster:owner`) — never one somebody else fills. Emptied
 * on claim and on release.
 */
async function claimRedisDatabase(base) {
  const token = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`
  const registry = new Redis(withDatabase(base, 0), { maxRetriesPerRequest: 1 })
  try {
    for (let db = 1; db <= 15; db++) {
      const claim = `mcs-cluster:claim:${db}`
      if ((await registry.set(claim, token, "EX", 3_600, "NX")) !== "OK") {
        continue
      }
      const url = withDatabase(base, db)
      const probe = new Redis(url, { maxRetriesPerRequest: 1 })
      const usable = (await probe.dbsize()) === 0 || (await probe.exists("mcs-cluster:owner")) === 1
      if (usable) {
        await probe.flushdb()
        await probe.set("mcs-cluster:owner", token)
        await probe.quit()
        const keeper = setInterval(() => void registry.expire(claim, 3_600).catch(() => undefined), 600_000)
        keeper.unref()
        return {
          url,
          release: async () => {
            clearInterval(keeper)
            const cleaner = new Redis(url, { maxRetriesPerRequest: 1 })
            await cleaner.flushdb().finally(() => cleaner.quit())
            if ((await registry.get(claim)) === token) {
              await registry.del(claim)
            }
            await registry.quit()
          },
        }
      }
      await probe.quit()
      await registry.del(claim)
    }
  } catch (error) {
    registry.disconnect()
    throw error
  }
  registry.disconnect()
  throw new Error(`No free Redis database (1-15) at ${base}: each is claimed by another run or used by something else`)
}

module.exports = { withDatabase, redisUnavailable, claimRedisDatabase }
