/**
 * Product pictures for the demo store, drawn locally (no downloads): a tile in
 * the category's colour with the product's name in large capitals and the
 * category beneath, encoded as PNG by pngjs. The letters come from a 5×7
 * pixel font, scaled up so the longest word fits.
 */
import { PNG } from "pngjs"

type Rgb = [number, number, number]

/** 5×7 capitals, digits and the punctuation product names use; "#" is ink. */
const GLYPHS: Record<string, string> = {
  A: ".###.|#...#|#...#|#####|#...#|#...#|#...#",
  B: "####.|#...#|#...#|####.|#...#|#...#|####.",
  C: ".###.|#...#|#....|#....|#....|#...#|.###.",
  D: "####.|#...#|#...#|#...#|#...#|#...#|####.",
  E: "#####|#....|#....|####.|#....|#....|#####",
  F: "#####|#....|#....|####.|#....|#....|#....",
  G: ".###.|#...#|#....|#.###|#...#|#...#|.####",
  H: "#...#|#...#|#...#|#####|#...#|#...#|#...#",
  I: ".###.|..#..|..#..|..#..|..#..|..#..|.###.",
  J: "..###|...#.|...#.|...#.|...#.|#..#.|.##..",
  K: "#...#|#..#.|#.#..|##...|#.#..|#..#.|#...#",
  L: "#....|#....|#....|#....|#....|#....|#####",
  M: "#...#|##.##|#.#.#|#.#.#|#...#|#...#|#...#",
  N: "#...#|#...#|##..#|#.#.#|#..##|#...#|#...#",
  O: ".###.|#...#|#...#|#...#|#...#|#...#|.###.",
  P: "####.|#...#|#...#|####.|#....|#....|#....",
  Q: ".###.|#...#|#...#|#...#|#.#.#|#..#.|.##.#",
  R: "####.|#...#|#...#|####.|#.#..|#..#.|#...#",
  S: ".####|#....|#....|.###.|....#|....#|####.",
  T: "#####|..#..|..#..|..#..|..#..|..#..|..#..",
  U: "#...#|#...#|#...#|#...#|#...#|#...#|.###.",
  V: "#...#|#...#|#...#|#...#|#...#|.#.#.|..#..",
  W: "#...#|#...#|#...#|#.#.#|#.#.#|#.#.#|.#.#.",
  X: "#...#|#...#|.#.#.|..#..|.#.#.|#...#|#...#",
  Y: "#...#|#...#|.#.#.|..#..|..#..|..#..|..#..",
  Z: "#####|....#|...#.|..#..|.#...|#....|#####",
  "0": ".###.|#...#|#..##|#.#.#|##..#|#...#|.###.",
  "1": "..#..|.##..|..#..|..#..|..#..|..#..|.###.",
  "2": ".###.|#...#|....#|...#.|..#..|.#...|#####",
  "3": "#####|...#.|..#..|...#.|....#|#...#|.###.",
  "4": "...#.|..##.|.#.#.|#..#.|#####|...#.|...#.",
  "5": "#####|#....|####.|....#|....#|#...#|.###.",
  "6": "..##.|.#...|#....|####.|#...#|#...#|.###.",
  "7": "#####|....#|...#.|..#..|.#...|.#...|.#...",
  "8": ".###.|#...#|#...#|.###.|#...#|#...#|.###.",
  "9": ".###.|#...#|#...#|.####|....#|...#.|.##..",
  "-": ".....|.....|.....|#####|.....|.....|.....",
  "&": ".##..|#..#.|#.#..|.#...|#.#.#|#..#.|.##.#",
  "/": ".....|....#|...#.|..#..|.#...|#....|.....",
  ".": ".....|.....|.....|.....|.....|.##..|.##..",
  "'": "..#..|..#..|.#...|.....|.....|.....|.....",
  " ": ".....|.....|.....|.....|.....|.....|.....",
}
const GLYPH_W = 5
const GLYPH_H = 7
const ADVANCE = GLYPH_W + 1
const LINE = GLYPH_H + 3

/** Upper case without accents; characters the font lacks become spaces. */
export function tileText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/./g, (c) => (c in GLYPHS ? c : " "))
    .replace(/\s+/g, " ")
    .trim()
}

/** Words packed into lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = []
  for (const word of text.split(" ").filter(Boolean)) {
    const last = lines[lines.length - 1]
    if (last !== undefined && last.length + 1 + word.length <= width) {
      lines[lines.length - 1] = `${last} ${word}`
    } else {
      lines.push(word)
    }
  }
  return lines
}

class Canvas {
  readonly png: PNG
  constructor(readonly size: number, background: Rgb) {
    this.png = new PNG({ width: size, height: size })
    this.fill(0, 0, size, size, background)
  }

  fill(x0: number, y0: number, w: number, h: number, [r, g, b]: Rgb) {
    const { data } = this.png
    for (let y = Math.max(0, y0); y < Math.min(this.size, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(this.size, x0 + w); x++) {
        const i = (y * this.size + x) * 4
        data[i] = r
        data[i + 1] = g
        data[i + 2] = b
        data[i + 3] = 255
      }
    }
  }

  /** One line of text at `scale` pixels per font pixel, centred on x = size / 2, top at y. */
  text(line: string, y: number, scale: number, color: Rgb) {
    const width = (line.length * ADVANCE - 1) * scale
    let x = Math.round((this.size - width) / 2)
    for (const c of line) {
      GLYPHS[c].split("|").forEach((row, gy) => {
        for (let gx = 0; gx < GLYPH_W; gx++) {
          if (row[gx] === "#") this.fill(x + gx * scale, y + gy * scale, scale, scale, color)
        }
      })
      x += ADVANCE * scale
    }
  }
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => a.map((v, i) => Math.round(v + (b[i] - v) * t)) as Rgb

/** "#3b6e8f" → [59, 110, 143] */
export function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) throw new Error(`Not a colour: ${hex}`)
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)]
}

/**
 * A square PNG: `color` as background (lightened by `shade`, 0–1), a darker
 * band at the bottom holding `caption`, and `title` in white capitals, as large as fits in four lines.
 * Same input, same bytes.
 */
export function renderProductTile({ title, caption, color, shade = 0, size = 600 }: {
  title: string; caption?: string; color: string; shade?: number; size?: number
}): Buffer {
  const background = mix(parseHex(color), [255, 255, 255], shade)
  const canvas = new Canvas(size, background)
  const white: Rgb = [255, 255, 255]
  const band = Math.round(size * 0.16)
  const margin = Math.round(size * 0.08)

  // A lighter frame inside the tile, then the band.
  const frame = Math.max(2, Math.round(size / 150))
  const light = mix(background, white, 0.25)
  const [x0, y0, x1, y1] = [margin / 2, margin / 2, size - margin / 2, size - band - margin / 2]
  canvas.fill(x0, y0, x1 - x0, frame, light)
  canvas.fill(x0, y1 - frame, x1 - x0, frame, light)
  canvas.fill(x0, y0, frame, y1 - y0, light)
  canvas.fill(x1 - frame, y0, frame, y1 - y0, light)
  canvas.fill(0, size - band, size, band, mix(background, [0, 0, 0], 0.3))

  const text = tileText(title)
  const available = { w: size - 2 * margin, h: size - band - 2 * margin }
  for (let scale = Math.floor(available.w / (8 * ADVANCE)); scale >= 1; scale--) {
    const lines = wrapWords(text, Math.floor((available.w / scale + 1) / ADVANCE))
    const height = (lines.length * LINE - (LINE - GLYPH_H)) * scale
    const widest = Math.max(...lines.map((l) => l.length * ADVANCE - 1)) * scale
    if (lines.length <= 4 && height <= available.h && widest <= available.w) {
      const top = margin + Math.round((available.h - height) / 2)
      lines.forEach((line, i) => canvas.text(line, top + i * LINE * scale, scale, white))
      break
    }
  }
  if (caption) {
    const line = tileText(caption)
    const scale = Math.max(1, Math.min(Math.floor((band * 0.45) / GLYPH_H), Math.floor(available.w / (line.length * ADVANCE))))
    canvas.text(line, size - band + Math.round((band - GLYPH_H * scale) / 2), scale, mix(background, white, 0.75))
  }
  return PNG.sync.write(canvas.png)
}
