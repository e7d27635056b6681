import { MedusaError } from "@medusajs/framework/utils"
import { marked } from "marked"
import sanitizeHtml from "sanitize-html"

export type ContentFormat = "html" | "markdown" | "json"

/**
 * What a block's HTML may hold (docs/decisions/0021-content-block-content-and-results.md):
 * sanitize-html's default allowlist of text elements plus images, with
 * attributes limited to links, images, classes and alignment, and only
 * http(s), mailto and root-relative URLs. Scripts, styles, iframes, forms,
 * every `on*` attribute and `javascript:` URLs are removed.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "picture", "source"],
  disallowedTagsMode: "discard",
  allowedAttributes: {
    a: ["href", "title", "target", "rel"],
    img: ["src", "srcset", "alt", "title", "width", "height", "loading"],
    source: ["srcset", "media", "type"],
    "*": ["class", "id", "lang", "dir", "align"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"], source: ["http", "https"] },
  allowProtocolRelative: false,
  transformTags: {
    // A link that opens a new tab does not hand the storefront's window to the target.
    a: (tagName, attribs) =>
      attribs.target === "_blank" ? { tagName, attribs: { ...attribs, rel: "noopener noreferrer" } } : { tagName, attribs },
  },
}

const bad = (field: string, message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: ${message}`)

/** Cleans HTML with the block allowlist. */
export function sanitizeBlockHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS).trim()
}

/** Whether cleaned HTML still shows something (text or an image). */
function showsSomething(html: string): boolean {
  return /<img\b/i.test(html) || sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).trim().length > 0
}

/**
 * The content as stored: HTML cleaned (400 naming `content` when nothing is
 * left), Markdown as written (trimmed), JSON checked to parse and kept as
 * compact text.
 */
export function prepareContent(format: ContentFormat, content: string, field = "content"): string {
  if (format === "html") {
    const clean = sanitizeBlockHtml(content)
    if (!showsSomething(clean)) {
      throw bad(field, "the HTML is empty once cleaned (scripts, event handlers and javascript: URLs are removed)")
    }
    return clean
  }
  if (format === "markdown") {
    const text = content.trim()
    if (!text) {
      throw bad(field, "must not be empty")
    }
    return text
  }
  return JSON.stringify(parseJson(content, field))
}

function parseJson(content: string, field: string): unknown {
  try {
    return JSON.parse(content)
  } catch (e) {
    throw bad(field, `must be valid JSON (${(e as Error).message})`)
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

/** The HTML a merchant previews: cleaned HTML, Markdown rendered then cleaned, JSON pretty-printed. */
export function renderContent(format: ContentFormat, content: string, field = "content"): string {
  if (format === "html") {
    return sanitizeBlockHtml(content)
  }
  if (format === "markdown") {
    return sanitizeBlockHtml(marked.parse(content, { async: false, gfm: true }))
  }
  return `<pre>${escapeHtml(JSON.stringify(parseJson(content, field), null, 2))}</pre>`
}

/** What the store answers for a stored block's content (JSON parsed). */
export function storeContent(format: ContentFormat, content: string): string | Record<string, unknown> | unknown[] {
  if (format !== "json") {
    return content
  }
  const value = JSON.parse(content) as unknown
  // A JSON scalar is answered as its text: the contract is an object, an array or a string.
  return value !== null && typeof value === "object" ? (value as Record<string, unknown> | unknown[]) : content
}

/** An image or link URL: absolute http(s) or root-relative ("/sale"), never another scheme or "//host". */
export function isSafeUrl(url: string): boolean {
  if (url.startsWith("/")) {
    return !url.startsWith("//") && !url.startsWith("/\\")
  }
  try {
    const parsed = new URL(url)
    return parsed.protocol === "http:" || parsed.protocol === "https:"
  } catch {
    return false
  }
}

/** "de_de" / "DE-de" → "de-DE"; "EN" → "en". Null when not a language tag. */
export function normalizeLocale(locale: string): string | null {
  const match = /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}|\d{3}))?$/.exec(locale.trim())
  if (!match) {
    return null
  }
  return match[2] ? `${match[1].toLowerCase()}-${match[2].toUpperCase()}` : match[1].toLowerCase()
}

/** The block locales a request locale accepts: itself and its language ("de-DE" → ["de-DE", "de"]). */
export function acceptedLocales(locale: string | null | undefined): string[] {
  if (!locale) {
    return []
  }
  const language = locale.split("-")[0]
  return language === locale ? [locale] : [locale, language]
}
