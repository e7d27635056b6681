import { foldEmail, resetKeyKinds, resetThrottledMessage } from "../reset-throttle"

describe("reset throttling helpers", () => {
  it("counts the keys the protection names; a request without an IP (staff) never counts one", () => {
    expect(resetKeyKinds("ip_and_email", true)).toEqual(["ip", "email"])
    expect(resetKeyKinds("ip", true)).toEqual(["ip"])
    expect(resetKeyKinds("email", true)).toEqual(["email"])
    expect(resetKeyKinds("none", true)).toEqual([])
    expect(resetKeyKinds("ip_and_email", false)).toEqual(["email"])
    expect(resetKeyKinds("ip", false)).toEqual([])
  })

  it("words the wait in whole minutes, rounded up, the same for any email", () => {
    expect(resetThrottledMessage(1)).toBe("Too many password reset requests; try again in 1 minute")
    expect(resetThrottledMessage(60)).toBe("Too many password reset requests; try again in 1 minute")
    expect(resetThrottledMessage(61)).toBe("Too many password reset requests; try again in 2 minutes")
    expect(resetThrottledMessage(3_600)).toBe("Too many password reset requests; try again in 60 minutes")
  })

  it("folds emails so case and spaces share a counter", () => {
    expect(foldEmail("  Ann@Example.COM ")).toBe("ann@example.com")
  })
})
