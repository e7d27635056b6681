import { useEffect, useRef, useState } from "react"
import type { StoreContentBlock, StoreContentBlockEventType } from "../../../src/client"
import { Markdown, safeHref } from "./markdown"
import { useShop } from "./shop"

/**
 * A placement: the blocks the server chose for this shopper (the customer
 * token, else the guest's cart), rendered with their ids, with an impression
 * sent once per block shown and a click when its link is followed.
 */
export function Placement({ placement, limit = 1, cartId, className }: { placement: string; limit?: number; cartId?: string | null; className?: string }) {
  const { suite, customer, cart, anonymousId } = useShop()
  const [blocks, setBlocks] = useState<StoreContentBlock[] | null>(null)
  const seen = useRef(new Set<string>())
  // A guest's blocks depend on their cart: asked again when it changes.
  const guestCart = customer ? undefined : (cartId ?? undefined)
  const cartVersion = guestCart ? `${cart?.id}:${cart?.total}:${cart?.items?.length}` : ""

  useEffect(() => {
    let alive = true
    suite.contentBlocks
      .list({ placement, limit, cart_id: guestCart })
      .then(({ content_blocks }) => alive && setBlocks(content_blocks))
      .catch(() => alive && setBlocks([]))
    return () => {
      alive = false
    }
  }, [suite, placement, limit, guestCart, cartVersion, customer?.id])

  const send = (type: StoreContentBlockEventType, ids: string[]) => {
    if (!ids.length) {
      return
    }
    const who = guestCart ? { cart_id: guestCart } : customer ? {} : { anonymous_id: anonymousId }
    void suite.contentBlocks.track({ ...who, events: ids.map((block_id) => ({ block_id, type })) }).catch(() => undefined)
  }

  useEffect(() => {
    const fresh = (blocks ?? []).map((b) => b.id).filter((id) => !seen.current.has(id))
    fresh.forEach((id) => seen.current.add(id))
    send("impression", fresh)
  }, [blocks])

  if (!blocks?.length) {
    return <div className="placement-empty" data-placement={placement} data-state={blocks ? "empty" : "loading"} hidden />
  }
  return (
    <div className={`placement ${className ?? ""}`} data-placement={placement} data-state="loaded">
      {blocks.map((block) => (
        <Block key={block.id} block={block} onClick={() => send("click", [block.id])} />
      ))}
    </div>
  )
}

function Block({ block, onClick }: { block: StoreContentBlock; onClick: () => void }) {
  const link = block.link_url ? safeHref(block.link_url) : null
  const image = block.image_url ? safeHref(block.image_url) : null
  return (
    <section className={`block block-${block.format}`} data-content-block-id={block.id} data-placement={block.placement} data-format={block.format}>
      {image && <img className="block-image" src={image} alt="" />}
      <div className="block-content">
        {block.format === "html" && typeof block.content === "string" && (
          // Sanitised by the server when the block was saved (no scripts, handlers or javascript: URLs).
          <div dangerouslySetInnerHTML={{ __html: block.content }} />
        )}
        {block.format === "markdown" && typeof block.content === "string" && <Markdown source={block.content} />}
        {block.format === "json" && <pre className="block-json">{JSON.stringify(block.content, null, 2)}</pre>}
        {link && (
          <a className="block-link" href={link} onClick={onClick}>
            Learn more →
          </a>
        )}
      </div>
    </section>
  )
}
