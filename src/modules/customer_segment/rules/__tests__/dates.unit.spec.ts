import { isDateValue, resolveDate, usesRelativeDate } from "../dates"

describe("date values", () => {
  const now = new Date("2026-03-31T15:45:00.000Z")
  const day = (value: string) => resolveDate(value, now).toISOString().slice(0, 10)

  it("accepts calendar days and relative dates only", () => {
    for (const ok of ["2026-01-31", "2024-02-29", "today", "-30d", "-4w", "-6m", "-1y"]) {
      expect(isDateValue(ok)).toBe(true)
    }
    for (const bad of ["2026-02-30", "2023-02-29", "2026-1-5", "30d", "+3d", "-3h", "yesterday", ""]) {
      expect(isDateValue(bad)).toBe(false)
    }
  })

  it("resolves relative dates to the start of a UTC day", () => {
    expect(resolveDate("today", now).toISOString()).toBe("2026-03-31T00:00:00.000Z")
    expect(day("-30d")).toBe("2026-03-01")
    expect(day("-4w")).toBe("2026-03-03")
    expect(day("-1y")).toBe("2025-03-31")
    expect(day("2026-01-31")).toBe("2026-01-31")
  })

  it("clamps month arithmetic to the last day of the month", () => {
    expect(day("-1m")).toBe("2026-02-28")
    expect(day("-13m")).toBe("2025-02-28")
    expect(resolveDate("-1y", new Date("2024-02-29T12:00:00Z")).toISOString().slice(0, 10)).toBe("2023-02-28")
  })

  it("tells which values move with time", () => {
    expect(usesRelativeDate("-30d")).toBe(true)
    expect(usesRelativeDate(["2026-01-01", "today"])).toBe(true)
    expect(usesRelativeDate({ product_ids: ["p"], since: "-90d" })).toBe(true)
    expect(usesRelativeDate({ product_ids: ["p"], since: "2026-01-01" })).toBe(false)
    expect(usesRelativeDate(42)).toBe(false)
  })
})
