import { forgetRefusedLog, REFUSED_LOG_INTERVAL_MS, refusedLogSlot } from "../sign-in-throttle"

describe("refused sign-in logging", () => {
  beforeEach(() => forgetRefusedLog())

  it("logs one refusal per counter a minute, and counts the ones left out in the next entry", () => {
    const t0 = 1_000_000
    expect(refusedLogSlot("pair:a", t0)).toEqual({ log: true, suppressed: 0 })
    expect(refusedLogSlot("pair:a", t0 + 1)).toEqual({ log: false, suppressed: 0 })
    expect(refusedLogSlot("pair:a", t0 + REFUSED_LOG_INTERVAL_MS - 1)).toEqual({ log: false, suppressed: 0 })
    // Another counter has its own minute.
    expect(refusedLogSlot("account:a", t0 + 2)).toEqual({ log: true, suppressed: 0 })
    expect(refusedLogSlot("pair:a", t0 + REFUSED_LOG_INTERVAL_MS)).toEqual({ log: true, suppressed: 2 })
    expect(refusedLogSlot("pair:a", t0 + 2 * REFUSED_LOG_INTERVAL_MS)).toEqual({ log: true, suppressed: 0 })
  })

  it("keeps memory bounded: past 10,000 counters the oldest is forgotten", () => {
    const t0 = 5_000_000
    for (let i = 0; i < 10_000; i++) {
      expect(refusedLogSlot(`ip:${i}`, t0).log).toBe(true)
    }
    expect(refusedLogSlot("ip:9999", t0 + 1).log).toBe(false)
    expect(refusedLogSlot("ip:new", t0 + 1).log).toBe(true)
    // ip:0 was the oldest: forgotten, so logged again.
    expect(refusedLogSlot("ip:0", t0 + 2).log).toBe(true)
  })
})
