import { clx } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

/**
 * The document the preview frame shows: the block's image above its HTML
 * (already sanitised by the API), its link below, in a plain readable style.
 */
export function previewDocument({ html, imageUrl, linkUrl, linkText }: { html: string; imageUrl?: string | null; linkUrl?: string | null; linkText: string }) {
  const image = imageUrl ? `<img class="cb-image" src="${escapeAttribute(imageUrl)}" alt="">` : ""
  const link = linkUrl ? `<p class="cb-link"><a href="${escapeAttribute(linkUrl)}" target="_blank" rel="noopener noreferrer">${escapeAttribute(linkText)} → ${escapeAttribute(linkUrl)}</a></p>` : ""
  return `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>
body{margin:0;padding:12px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#18181b;background:#fff;overflow-wrap:anywhere}
img{max-width:100%;height:auto}.cb-image{display:block;max-height:240px;object-fit:cover;margin:0 0 8px;border-radius:6px}
pre{white-space:pre-wrap;font-size:12px;background:#f4f4f5;padding:8px;border-radius:6px}
h1,h2,h3{margin:.2em 0 .4em;line-height:1.25}.cb-link{margin-top:8px;font-size:12px;color:#71717a}a{color:#2563eb}
</style></head><body>${image}${html}${link}</body></html>`
}

/**
 * A block's content as a shopper would see it, in a sandboxed frame: no
 * scripts run there (no `allow-scripts`), and its styles cannot touch the
 * admin's. `allow-same-origin` only lets the admin read the frame's height.
 */
export const RenderedContent = ({
  html,
  imageUrl,
  linkUrl,
  testId,
  className,
  minHeight = 80,
}: {
  html: string
  imageUrl?: string | null
  linkUrl?: string | null
  testId?: string
  className?: string
  minHeight?: number
}) => {
  const { t } = useTranslation()
  const [height, setHeight] = useState(minHeight)
  return (
    <iframe
      title={t("customerSuite.contentBlocks.preview.frameTitle")}
      sandbox="allow-same-origin"
      srcDoc={previewDocument({ html, imageUrl, linkUrl, linkText: t("customerSuite.contentBlocks.fields.link") })}
      className={clx("w-full rounded-md border bg-white", className)}
      style={{ height }}
      data-testid={testId}
      onLoad={(e) => {
        const body = e.currentTarget.contentDocument?.body
        if (body) {
          setHeight(Math.min(Math.max(minHeight, body.scrollHeight + 4), 600))
        }
      }}
    />
  )
}
