import { CheckCircleSolid, XCircleSolid } from "@medusajs/icons"
import { Badge, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useAudienceLabels } from "../../hooks/api/content-blocks"
import type { AdminContentBlockCheck, AdminContentBlockPreviewEntry, AdminPreviewContentBlocksResponse } from "../../../types/http"
import { Stat } from "../common/query-state"
import { RenderedContent } from "./rendered-content"
import { ScheduleBadge } from "./schedule"

type Preview = AdminPreviewContentBlocksResponse

/** The shopper the preview is for: guest or registered, and what the store knows of them. */
export const ShopperSummary = ({ shopper }: { shopper: Preview["shopper"] }) => {
  const { t } = useTranslation()
  const audiences = useAudienceLabels(shopper.audience_ids)
  return (
    <Container className="flex flex-col gap-y-3 p-6" data-testid="content-block-shopper">
      <div className="flex items-center gap-x-2">
        <Heading level="h2">{t("customerSuite.contentBlocks.shopper.who")}</Heading>
        <Badge size="2xsmall" data-testid="content-block-shopper-kind-badge">
          {t(`customerSuite.contentBlocks.shopper.kind.${shopper.kind}`)}
        </Badge>
      </div>
      <dl className="grid grid-cols-1 gap-4 md:grid-cols-4">
        <Stat label={t("customerSuite.contentBlocks.shopper.customer")}>
          {shopper.customer_id ? (
            <Link to={`/customers/${shopper.customer_id}`} className="text-ui-fg-interactive hover:underline">
              {shopper.customer_id}
            </Link>
          ) : (
            "—"
          )}
        </Stat>
        <Stat label={t("customerSuite.contentBlocks.shopper.cart")}>{shopper.cart_id ?? "—"}</Stat>
        <Stat label={t("customerSuite.contentBlocks.fields.segments")}>
          <Names testId="content-block-shopper-segments" items={shopper.segments.map((s) => ({ id: s.id, label: s.name, to: `/customer-segments/${s.id}` }))} />
        </Stat>
        <Stat label={t("customerSuite.contentBlocks.fields.groups")}>
          <Names items={shopper.groups.map((g) => ({ id: g.id, label: g.name ?? g.id, to: `/customer-groups/${g.id}` }))} />
        </Stat>
        <Stat label={t("customerSuite.contentBlocks.fields.audiences")}>
          <Names items={shopper.audience_ids.map((id) => ({ id, label: audiences.data?.[id] ?? id }))} />
        </Stat>
      </dl>
    </Container>
  )
}

const Names = ({ items, testId }: { items: { id: string; label: string; to?: string }[]; testId?: string }) => {
  const { t } = useTranslation()
  if (!items.length) {
    return <span className="text-ui-fg-muted">{t("customerSuite.contentBlocks.detail.none")}</span>
  }
  return (
    <span className="flex flex-wrap gap-1" data-testid={testId}>
      {items.map((item) => (
        <Badge key={item.id} size="2xsmall">
          {item.to ? (
            <Link to={item.to} className="hover:underline">
              {item.label}
            </Link>
          ) : (
            item.label
          )}
        </Badge>
      ))}
    </span>
  )
}

/** The blocks of each placement: the ones the shopper gets (best first) with why, then the others with why not. */
export const PlacementResults = ({ preview }: { preview: Preview }) => {
  const { t } = useTranslation()
  const placements = [...new Set([...preview.content_blocks, ...preview.not_matched].map((e) => e.content_block.placement))].sort()
  if (!placements.length) {
    return (
      <Container className="p-6">
        <Text size="small" className="text-ui-fg-subtle" data-testid="content-block-preview-nothing">
          {t("customerSuite.contentBlocks.shopper.nothing")}
        </Text>
      </Container>
    )
  }
  return (
    <>
      {placements.map((placement) => {
        const matched = preview.content_blocks.filter((e) => e.content_block.placement === placement)
        const others = preview.not_matched.filter((e) => e.content_block.placement === placement)
        return (
          <Container className="divide-y p-0" key={placement} data-testid="content-block-preview-placement" data-placement={placement}>
            <div className="flex items-center justify-between px-6 py-4">
              <Heading level="h2">
                <code>{placement}</code>
              </Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {t("customerSuite.contentBlocks.shopper.gets", { count: matched.length })}
              </Text>
            </div>
            {matched.length === 0 && (
              <Text size="small" className="text-ui-fg-subtle px-6 py-4">
                {t("customerSuite.contentBlocks.shopper.noneHere")}
              </Text>
            )}
            {matched.map((entry, i) => (
              <Entry key={entry.content_block.id} entry={entry} rank={i + 1} />
            ))}
            {others.length > 0 && (
              <div className="bg-ui-bg-subtle px-6 py-2">
                <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
                  {t("customerSuite.contentBlocks.shopper.notShown", { count: others.length })}
                </Text>
              </div>
            )}
            {others.map((entry) => (
              <Entry key={entry.content_block.id} entry={entry} />
            ))}
          </Container>
        )
      })}
    </>
  )
}

const Entry = ({ entry, rank }: { entry: AdminContentBlockPreviewEntry; rank?: number }) => {
  const { t } = useTranslation()
  const block = entry.content_block
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid={entry.matched ? "content-block-preview-match" : "content-block-preview-miss"} data-block-id={block.id}>
      <div className="flex flex-wrap items-center gap-2">
        {rank !== undefined && <Badge size="2xsmall">#{rank}</Badge>}
        <Link to={`/content-blocks/${block.id}`} className="txt-compact-small-plus text-ui-fg-interactive hover:underline" data-testid="content-block-preview-name">
          {block.name}
        </Link>
        <StatusBadge color={block.status === "active" ? "green" : "grey"}>{t(`customerSuite.contentBlocks.status.${block.status}`)}</StatusBadge>
        <ScheduleBadge block={block} />
        <Text size="xsmall" className="text-ui-fg-muted">
          {t("customerSuite.contentBlocks.shopper.priority", { priority: block.priority })}
        </Text>
      </div>
      <Text size="small" className={entry.matched ? "text-ui-fg-base" : "text-ui-fg-subtle"} data-testid="content-block-preview-reason">
        {t(entry.matched ? "customerSuite.contentBlocks.shopper.because" : "customerSuite.contentBlocks.shopper.whyNot", { reason: entry.reason })}
      </Text>
      <Checks checks={entry.checks} />
      {entry.matched && <RenderedContent html={entry.html} imageUrl={block.image_url} linkUrl={block.link_url} minHeight={60} className="max-w-2xl" />}
    </div>
  )
}

/** Each condition the store checked, in its order, passed or failed, with its sentence. */
const Checks = ({ checks }: { checks: AdminContentBlockCheck[] }) => {
  const { t } = useTranslation()
  return (
    <ul className="flex flex-col gap-y-0.5" data-testid="content-block-preview-checks">
      {checks.map((check) => (
        <li key={check.check} className="txt-compact-xsmall flex items-start gap-x-1.5" data-check={check.check} data-ok={check.ok}>
          {check.ok ? <CheckCircleSolid className="text-ui-tag-green-icon shrink-0" /> : <XCircleSolid className="text-ui-tag-red-icon shrink-0" />}
          <span>
            <span className="text-ui-fg-subtle">{t(`customerSuite.contentBlocks.check.${check.check}`)}:</span> {check.message}
          </span>
        </li>
      ))}
    </ul>
  )
}
