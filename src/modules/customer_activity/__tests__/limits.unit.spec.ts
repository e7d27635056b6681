import { createLimiter, isRefusal } from "../limits"

/** A knex whose every connection attempt fails, as when PostgreSQL is down. */
function downKnex() {
  let attempts = 0
  const knex = {
    client: {
      acquireConnection: async () => {
        attempts += 1
        throw new Error("connect ECONNREFUSED 127.0.0.1:5432")
      },
      releaseConnection: async () => undefined,
    },
  }
  return { knex, attempts: () => attempts }
}

describe("createLimiter", () => {
  it("counts in memory with the same limits when the store is down (fails closed per instance, not open)", async () => {
    const store = downKnex()
    const limiter = createLimiter({ kind: "postgres", knex: store.knex }, { name: "test:down", points: 3, windowSeconds: 60, blockSeconds: 600 })

    const first = await limiter.consume("k")
    expect(first.consumedPoints).toBe(1)
    await limiter.consume("k")
    await limiter.consume("k")
    const refused = await limiter.consume("k").then(
      () => null,
      (e: unknown) => e
    )
    expect(isRefusal(refused)).toBe(true)
    // The store was tried each time (it is used again as soon as it answers).
    expect(store.attempts()).toBeGreaterThanOrEqual(4)

    // block and delete reach the insurance too: an unlock clears the memory count.
    await limiter.delete("k")
    expect((await limiter.consume("k")).consumedPoints).toBe(1)
    await limiter.block("other", 600)
    expect(isRefusal(await limiter.consume("other").catch((e: unknown) => e))).toBe(true)
    // Keys are separate.
    expect((await limiter.consume("third")).remainingPoints).toBe(2)
  })
})
