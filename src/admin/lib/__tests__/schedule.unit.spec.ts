import { describeSchedule } from "../schedule"

describe("describeSchedule", () => {
  it.each([
    ["0 * * * *", "Every hour, on the hour (UTC)"],
    ["*/15 * * * *", "Every 15 minutes (UTC)"],
    ["0 3 * * *", "At 03:00 (UTC)"],
    ["0 9-17 * * 1-5", "Every hour, on the hour, between 09:00 and 17:00, Monday through Friday (UTC)"],
  ])("%s → %s", (expression, words) => {
    expect(describeSchedule(expression)).toBe(words)
  })

  it("gives null for what it cannot read", () => {
    expect(describeSchedule("not cron")).toBeNull()
  })
})
