import { cronMatches, parseCron } from "../cron"

const at = (iso: string) => new Date(iso)

describe("cron schedules", () => {
  it("matches minutes, hours, steps, ranges and lists in UTC", () => {
    expect(cronMatches("0 * * * *", at("2026-11-24T05:00:30Z"))).toBe(true)
    expect(cronMatches("0 * * * *", at("2026-11-24T05:01:00Z"))).toBe(false)
    expect(cronMatches("*/15 * * * *", at("2026-11-24T05:45:00Z"))).toBe(true)
    expect(cronMatches("*/15 * * * *", at("2026-11-24T05:44:00Z"))).toBe(false)
    expect(cronMatches("30 2 * * 1-5", at("2026-11-24T02:30:00Z"))).toBe(true) // a Tuesday
    expect(cronMatches("30 2 * * 1-5", at("2026-11-29T02:30:00Z"))).toBe(false) // a Sunday
    expect(cronMatches("0 0 1,15 * *", at("2026-11-15T00:00:00Z"))).toBe(true)
    expect(cronMatches("0 0 * * 7", at("2026-11-29T00:00:00Z"))).toBe(true) // 7 is Sunday too
  })

  it("ORs the two day fields when both are restricted, as cron does", () => {
    expect(cronMatches("0 0 1 * 1", at("2026-11-30T00:00:00Z"))).toBe(true) // Monday, not the 1st
    expect(cronMatches("0 0 1 * 1", at("2026-12-01T00:00:00Z"))).toBe(true) // the 1st, a Tuesday
    expect(cronMatches("0 0 1 * 1", at("2026-12-02T00:00:00Z"))).toBe(false)
  })

  it("names the field that is wrong", () => {
    expect(() => parseCron("every hour")).toThrow(/needs 5 fields/)
    expect(() => parseCron("61 * * * *")).toThrow(/minute "61"/)
    expect(() => parseCron("0 * * JAN *")).toThrow(/month "JAN"/)
    expect(() => parseCron("0 0 0 * *")).toThrow(/day of month "0"/)
  })
})
