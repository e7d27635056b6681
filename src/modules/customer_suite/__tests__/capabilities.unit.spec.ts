import { redacted } from "../capabilities"

describe("the settings shown to admins", () => {
  it("hides the Redis URL's password and keeps the rest of it", () => {
    expect(redacted("activity", { redis_url: "redis://default:s3cret@cache.internal:6379/2", limiter_store: "redis" })).toEqual({
      redis_url: "redis://default:redacted@cache.internal:6379/2",
      limiter_store: "redis",
    })
    expect(redacted("activity", { redis_url: "rediss://cache.internal:6380" }).redis_url).toBe("rediss://cache.internal:6380")
    expect(redacted("activity", { redis_url: null }).redis_url).toBeNull()
  })

  it("shows nothing of a URL it cannot read, and leaves other capabilities alone", () => {
    expect(redacted("activity", { redis_url: "not a url with a p@ssword" }).redis_url).toBe("redacted")
    expect(redacted("assistance", { redis_url: "redis://u:p@h" }).redis_url).toBe("redis://u:p@h")
  })
})
