import { acceptedLocales, isSafeUrl, normalizeLocale, prepareContent, renderContent, sanitizeBlockHtml } from "../content"
import { explainBlock, isTargeted, matchesShopper, type BlockTargeting } from "../match"

describe("block HTML sanitising", () => {
  it.each([
    ['<img src="x" onerror="alert(1)">', '<img src="x" />'],
    ['<a href="javascript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="java&#x09;script:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "<a>x</a>"],
    ['<a href="//evil.example.com">x</a>', "<a>x</a>"],
    ["<svg><script>alert(1)</script></svg><p>ok</p>", "<p>ok</p>"],
    ['<iframe src="https://x"></iframe><p style="color:red">ok</p>', "<p>ok</p>"],
    ['<form action="/x"><input name="a"></form><p>ok</p>', "<p>ok</p>"],
    ['<img src="https://cdn.example.com/a.png" srcset="https://cdn.example.com/a2.png 2x" alt="A">', '<img src="https://cdn.example.com/a.png" srcset="https://cdn.example.com/a2.png 2x" alt="A" />'],
    ['<a href="/sale" target="_blank">Sale</a>', '<a href="/sale" target="_blank" rel="noopener noreferrer">Sale</a>'],
  ])("cleans %s", (dirty, clean) => {
    expect(sanitizeBlockHtml(dirty)).toBe(clean)
  })

  it("refuses content that shows nothing once cleaned, naming the field", () => {
    expect(() => prepareContent("html", "<script>alert(1)</script><p> </p>")).toThrow(/^content: the HTML is empty once cleaned/)
    expect(prepareContent("html", '<img src="https://cdn.example.com/a.png">')).toBe('<img src="https://cdn.example.com/a.png" />')
    expect(() => prepareContent("json", "{")).toThrow(/^content: must be valid JSON/)
    expect(prepareContent("json", '{ "a": [1, 2] }')).toBe('{"a":[1,2]}')
  })

  it("renders Markdown through the same sanitiser and JSON escaped", () => {
    expect(renderContent("markdown", "**hi** <img src=x onerror=alert(1)>")).toBe('<p><strong>hi</strong> <img src="x" /></p>')
    expect(renderContent("json", '["<b>"]')).toBe("<pre>[\n  &quot;&lt;b&gt;&quot;\n]</pre>")
  })

  it("accepts http(s) and root-relative URLs only", () => {
    expect(["https://a.example/x", "http://a.example", "/sale?x=1"].map(isSafeUrl)).toEqual([true, true, true])
    expect(["javascript:alert(1)", "//evil.example", "/\\evil.example", "ftp://x", "data:x", "sale"].map(isSafeUrl)).toEqual([
      false, false, false, false, false, false,
    ])
  })

  it("normalises locales and accepts a language for its regions", () => {
    expect(["de_de", "DE-de", "EN", "es-419", "klingon", "de-DE-x"].map(normalizeLocale)).toEqual(["de-DE", "de-DE", "en", "es-419", null, null])
    expect(acceptedLocales("de-DE")).toEqual(["de-DE", "de"])
    expect(acceptedLocales("de")).toEqual(["de"])
    expect(acceptedLocales(null)).toEqual([])
  })
})

describe("block targeting", () => {
  const base: BlockTargeting = {
    id: "b",
    status: "active",
    starts_at: null,
    ends_at: null,
    locale: null,
    shopper_kind: "all",
    target_segment_ids: [],
    target_group_ids: [],
    target_audience_ids: [],
    exclude_segment_ids: [],
  }
  const guest = { kind: "guest" as const, segment_ids: ["s1"], group_ids: [], audience_ids: [] }
  const customer = { kind: "registered" as const, segment_ids: ["s2"], group_ids: ["g1"], audience_ids: ["a1"] }

  it("matches any one target, honours exclusions and shopper kind", () => {
    expect(isTargeted(base)).toBe(false)
    expect(matchesShopper(base, guest)).toBe(true)
    const anyTarget = { ...base, target_segment_ids: ["s9"], target_group_ids: ["g1"] }
    expect([matchesShopper(anyTarget, guest), matchesShopper(anyTarget, customer)]).toEqual([false, true])
    expect(matchesShopper({ ...base, target_audience_ids: ["a1"] }, customer)).toBe(true)
    expect(matchesShopper({ ...base, exclude_segment_ids: ["s2"] }, customer)).toBe(false)
    expect(matchesShopper({ ...base, target_group_ids: ["g1"], exclude_segment_ids: ["s2"] }, customer)).toBe(false)
    expect([matchesShopper({ ...base, shopper_kind: "guest" }, guest), matchesShopper({ ...base, shopper_kind: "guest" }, customer)]).toEqual([true, false])
  })

  it("explains status, schedule and locale in the order the store applies them", () => {
    const now = new Date("2026-12-01T12:00:00Z")
    const later = explainBlock({ ...base, starts_at: "2026-12-02T00:00:00Z" }, guest, { now, locales: [] })
    expect(later.matched).toBe(false)
    expect(later.checks.find((c) => !c.ok)).toMatchObject({ check: "schedule", detail: "not started" })
    const ended = explainBlock({ ...base, ends_at: now }, guest, { now, locales: [] })
    expect(ended.checks.find((c) => !c.ok)).toMatchObject({ check: "schedule", detail: "ended" })
    expect(explainBlock({ ...base, locale: "de" }, guest, { now, locales: ["de-DE", "de"] }).matched).toBe(true)
    expect(explainBlock({ ...base, locale: "de-AT" }, guest, { now, locales: ["de-DE", "de"] }).matched).toBe(false)
    expect(explainBlock({ ...base, status: "inactive" }, guest, { now, locales: [] }).checks[0]).toMatchObject({ check: "status", ok: false })
  })
})
