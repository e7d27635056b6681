import type { ReactNode } from "react"

/**
 * A small Markdown subset rendered to React elements, never to an HTML
 * string: headings, paragraphs, lists, **bold**, *italic*, `code` and links.
 * Text is escaped by React; links keep only http(s), mailto and site-relative
 * URLs, so a block's Markdown cannot run script.
 */
export function safeHref(url: string): string | null {
  const trimmed = url.trim()
  if (/^(https?:|mailto:)/i.test(trimmed)) {
    return trimmed
  }
  if (trimmed.startsWith("/") && !trimmed.startsWith("//")) {
    return trimmed
  }
  return null
}

const INLINE = /(\*\*([^*]+)\*\*|__([^_]+)__|\*([^*]+)\*|_([^_]+)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\))/g

function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = []
  let last = 0
  let n = 0
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0
    if (index > last) {
      out.push(text.slice(last, index))
    }
    const k = `${key}-${n++}`
    if (match[2] !== undefined || match[3] !== undefined) {
      out.push(<strong key={k}>{inline(match[2] ?? match[3], k)}</strong>)
    } else if (match[4] !== undefined || match[5] !== undefined) {
      out.push(<em key={k}>{inline(match[4] ?? match[5], k)}</em>)
    } else if (match[6] !== undefined) {
      out.push(<code key={k}>{match[6]}</code>)
    } else {
      const href = safeHref(match[8])
      out.push(href ? <a key={k} href={href}>{inline(match[7], k)}</a> : match[7])
    }
    last = index + match[0].length
  }
  if (last < text.length) {
    out.push(text.slice(last))
  }
  return out
}

export function Markdown({ source }: { source: string }) {
  const blocks: ReactNode[] = []
  const lines = source.replace(/\r\n?/g, "\n").split("\n")
  let paragraph: string[] = []
  let list: { ordered: boolean; items: string[] } | null = null
  const flush = () => {
    const key = `b${blocks.length}`
    if (paragraph.length) {
      blocks.push(<p key={key}>{inline(paragraph.join(" "), key)}</p>)
      paragraph = []
    } else if (list) {
      const items = list.items.map((item, i) => <li key={i}>{inline(item, `${key}-${i}`)}</li>)
      blocks.push(list.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>)
      list = null
    }
  }
  for (const line of lines) {
    const heading = /^(#{1,4})\s+(.*)$/.exec(line)
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line)
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line)
    if (!line.trim()) {
      flush()
      flush()
    } else if (heading) {
      flush()
      flush()
      const key = `b${blocks.length}`
      const level = heading[1].length
      const content = inline(heading[2], key)
      blocks.push(level === 1 ? <h2 key={key}>{content}</h2> : level === 2 ? <h3 key={key}>{content}</h3> : <h4 key={key}>{content}</h4>)
    } else if (bullet || numbered) {
      if (paragraph.length) {
        flush()
      }
      const ordered = Boolean(numbered)
      if (list && list.ordered !== ordered) {
        flush()
      }
      list ??= { ordered, items: [] }
      list.items.push((bullet ?? numbered)![1])
    } else {
      if (list) {
        flush()
      }
      paragraph.push(line.trim())
    }
  }
  flush()
  flush()
  return <>{blocks}</>
}
