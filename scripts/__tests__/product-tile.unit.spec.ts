import { PNG } from "pngjs"
import { parseHex, renderProductTile, tileText, wrapWords } from "../lib/product-tile"

const pixel = (png: PNG, x: number, y: number) => {
  const i = (y * png.width + x) * 4
  return [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]]
}

describe("product tiles (the demo seed's product pictures)", () => {
  it("is a square PNG in the colour asked for, with white letters and the caption band", () => {
    const bytes = renderProductTile({ title: "Stoneware Coffee Mug", caption: "Home & Living", color: "#b5653a", size: 300 })
    const png = PNG.sync.read(bytes)

    expect([png.width, png.height]).toEqual([300, 300])
    expect(pixel(png, 2, 2)).toEqual([0xb5, 0x65, 0x3a, 255])
    const colours = new Set<string>()
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) colours.add(pixel(png, x, y).join(","))
    }
    expect(colours.has("255,255,255,255")).toBe(true)
    // The band is the background darkened.
    const [r, g, b] = pixel(png, 2, 298)
    expect(r).toBeLessThan(0xb5)
    expect(g).toBeLessThan(0x65)
    expect(b).toBeLessThan(0x3a)
  })

  it("draws the same bytes for the same product, other bytes for another", () => {
    const tile = (title: string) => renderProductTile({ title, color: "#3b6e8f", size: 120 })
    expect(tile("Merino Wool Sweater").equals(tile("Merino Wool Sweater"))).toBe(true)
    expect(tile("Merino Wool Sweater").equals(tile("Heavyweight Hoodie"))).toBe(false)
  })

  it("writes names in capitals without accents, and what the font lacks as spaces", () => {
    expect(tileText("Chloé's  T-Shirt (2)")).toBe("CHLOE'S T-SHIRT 2")
  })

  it("wraps words into lines, a long word on a line of its own", () => {
    expect(wrapWords("WIRELESS NOISE-CANCELLING HEADPHONES", 12)).toEqual(["WIRELESS", "NOISE-CANCELLING", "HEADPHONES"])
    expect(wrapWords("SLIM FIT CHINOS", 12)).toEqual(["SLIM FIT", "CHINOS"])
  })

  it("refuses a colour that is not #rrggbb", () => {
    expect(parseHex("#3A3F58")).toEqual([0x3a, 0x3f, 0x58])
    expect(() => parseHex("navy")).toThrow("Not a colour: navy")
  })
})
