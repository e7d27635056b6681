import { groupModeOf, groupOfMode, GROUP_MODES, negatedOperatorKey, operatorChoices, parseChoice } from "../negation"

describe("negation in words", () => {
  it("maps group modes both ways", () => {
    for (const mode of GROUP_MODES) {
      expect(groupModeOf(groupOfMode(mode))).toBe(mode)
    }
    expect(groupOfMode("none")).toEqual({ op: "any", negated: true })
  })

  const NUMBER = ["eq", "neq", "in", "not_in", "gt", "gte", "lt", "lte", "between", "exists", "not_exists"]

  it("offers NOT BETWEEN next to BETWEEN, nothing negated that has an opposite", () => {
    const values = operatorChoices(NUMBER, { operator: "gt", negated: false }).map((c) => c.value)
    expect(values).toEqual([...NUMBER.slice(0, 9), "not:between", "exists", "not_exists"])
  })

  it("puts a negated operator with an opposite in its opposite's place", () => {
    const values = operatorChoices(NUMBER, { operator: "eq", negated: true }).map((c) => c.value)
    expect(values).toEqual(["eq", "not:eq", ...NUMBER.slice(2, 9), "not:between", "exists", "not_exists"])
  })

  it("keeps a negated operator without an opposite next to it", () => {
    const values = operatorChoices(NUMBER, { operator: "gt", negated: true }).map((c) => c.value)
    expect(values.slice(4, 6)).toEqual(["gt", "not:gt"])
    expect(parseChoice("not:gt")).toEqual({ operator: "gt", negated: true })
    expect(parseChoice("gt")).toEqual({ operator: "gt", negated: false })
  })

  it("words a negated operator by its opposite, its own words, or none", () => {
    const known = (key: string) => key.endsWith("number.between")
    expect(negatedOperatorKey("list", "contains", known)).toBe("customerSuite.segments.operators.list.not_contains")
    expect(negatedOperatorKey("number", "between", known)).toBe("customerSuite.segments.negatedOperators.number.between")
    expect(negatedOperatorKey("number", "resembles", known)).toBeNull()
  })
})
