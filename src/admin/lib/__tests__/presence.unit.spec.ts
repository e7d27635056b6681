import fs from "node:fs"
import path from "node:path"
import { formatAgo, windowChoices } from "../presence"

describe("Now online: words and choices", () => {
  const now = Date.parse("2026-06-15T12:00:00Z")

  it("says how long ago in the largest whole unit, never in the future", () => {
    const ago = (ms: number) => formatAgo(new Date(now - ms).toISOString(), now)
    const words = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" })
    expect(ago(5_000)).toBe(words.format(-5, "second"))
    expect(ago(3 * 60_000 + 10_000)).toBe(words.format(-3, "minute"))
    expect(ago(2 * 3_600_000)).toBe(words.format(-2, "hour"))
    expect(ago(3 * 86_400_000)).toBe(words.format(-3, "day"))
    expect(ago(-10_000)).toBe(words.format(0, "second"))
    expect(formatAgo(null, now)).toBe("—")
  })

  it("offers the store's window among the usual ones, once, in order", () => {
    expect(windowChoices(15)).toEqual([5, 15, 30, 60, 240, 1440])
    expect(windowChoices(20)).toEqual([5, 15, 20, 30, 60, 240, 1440])
    expect(windowChoices(undefined)).toEqual([5, 15, 30, 60, 240, 1440])
  })

  it("has a text for every shopper type and count the page builds from a value", () => {
    const en = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "i18n", "json", "en.json"), "utf8"))
    const block = en.customerSuite.nowOnline
    expect(Object.keys(block.kinds).sort()).toEqual(["all", "customer", "visitor"])
    expect(Object.keys(block.counts).sort()).toEqual(["customers", "total", "visitors"])
  })
})
