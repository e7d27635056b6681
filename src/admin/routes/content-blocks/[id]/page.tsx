import { Eye, PencilSquare, Trash } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useNavigate, useParams, type UIMatch } from "react-router-dom"
import { Loaded, Stat } from "../../../components/common/query-state"
import { Section } from "../../../components/common/section"
import { useConfirmedWrite } from "../../../components/common/table-parts"
import { BlockStats } from "../../../components/content-blocks/block-stats"
import { RenderedContent } from "../../../components/content-blocks/rendered-content"
import { ScheduleBadge, localAndUtc, useWindowText } from "../../../components/content-blocks/schedule"
import { TargetingDetails } from "../../../components/content-blocks/targeting"
import { useContentBlock, useDeleteContentBlock, useRenderContentBlock } from "../../../hooks/api/content-blocks"
import { messageOf } from "../../../lib/api"
import type { AdminContentBlock } from "../../../../types/http"

const ContentBlockDetailPage = () => {
  const { id = "" } = useParams()
  return (
    <Loaded query={useContentBlock(id)} variant="detail">
      {({ content_block: block }) => (
        <div className="flex flex-col gap-y-3" data-testid="content-block-detail">
          <BlockHeader block={block} />
          <ContentSection block={block} />
          <TargetingSection block={block} />
          <BlockStats blockId={block.id} />
        </div>
      )}
    </Loaded>
  )
}

const TargetingSection = ({ block }: { block: AdminContentBlock }) => {
  const { t } = useTranslation()
  return (
    <Section title={t("customerSuite.contentBlocks.form.targeting")} testId="content-block-targeting-section">
      <TargetingDetails block={block} />
    </Section>
  )
}

const BlockHeader = ({ block }: { block: AdminContentBlock }) => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const confirmedWrite = useConfirmedWrite()
  const remove = useDeleteContentBlock(block.id)
  const windowText = useWindowText()
  const onDelete = () =>
    confirmedWrite({
      title: t("customerSuite.contentBlocks.detail.deleteTitle"),
      description: t("customerSuite.contentBlocks.detail.deleteDescription", { name: block.name }),
      write: () => remove.mutateAsync(),
      done: t("customerSuite.contentBlocks.detail.deleted", { name: block.name }),
      failed: t("customerSuite.contentBlocks.detail.deleteFailed"),
      then: () => navigate("/content-blocks", { replace: true }),
    })
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <Heading data-testid="content-block-detail-name">{block.name}</Heading>
            <StatusBadge color={block.status === "active" ? "green" : "grey"} data-testid="content-block-detail-status">
              {t(`customerSuite.contentBlocks.status.${block.status}`)}
            </StatusBadge>
            <ScheduleBadge block={block} />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerSuite.contentBlocks.detail.sentence", { placement: block.placement, priority: block.priority })}
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button size="small" variant="secondary" asChild>
            <Link to={`/content-blocks/preview?placement=${encodeURIComponent(block.placement)}`} data-testid="content-block-preview-as">
              <Eye />
              {t("customerSuite.contentBlocks.shopper.open")}
            </Link>
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to="edit" data-testid="content-block-edit">
              <PencilSquare />
              {t("customerSuite.common.edit")}
            </Link>
          </Button>
          <Button size="small" variant="danger" onClick={onDelete} isLoading={remove.isPending} data-testid="content-block-delete">
            <Trash />
            {t("customerSuite.common.delete")}
          </Button>
        </div>
      </div>
      <dl className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3" data-testid="content-block-detail-facts">
        <Stat label={t("customerSuite.contentBlocks.fields.placement")}>
          <Link to={`/content-blocks?placement=${encodeURIComponent(block.placement)}`} className="text-ui-fg-interactive hover:underline">
            <code>{block.placement}</code>
          </Link>
        </Stat>
        <Stat label={t("customerSuite.contentBlocks.fields.format")}>{t(`customerSuite.contentBlocks.format.${block.format}`)}</Stat>
        <Stat label={t("customerSuite.contentBlocks.fields.priority")}>{block.priority}</Stat>
        <Stat label={t("customerSuite.contentBlocks.fields.schedule")}>
          <span data-testid="content-block-detail-window">{windowText(block)}</span>
        </Stat>
        <Stat label={t("customerSuite.contentBlocks.fields.locale")}>{block.locale ?? t("customerSuite.contentBlocks.detail.anyLocale")}</Stat>
        <Stat label={t("customerSuite.contentBlocks.detail.updated")}>{localAndUtc(block.updated_at)}</Stat>
      </dl>
    </Container>
  )
}

/** The stored content as the store would show it, rendered by the API (html as sanitised on save). */
const ContentSection = ({ block }: { block: AdminContentBlock }) => {
  const { t } = useTranslation()
  const rendered = useRenderContentBlock({ format: block.format, content: block.content })
  return (
    <Section title={t("customerSuite.contentBlocks.form.content")} testId="content-block-detail-content">
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {rendered.data ? (
          <RenderedContent html={rendered.data.html} imageUrl={block.image_url} linkUrl={block.link_url} testId="content-block-detail-frame" minHeight={120} />
        ) : rendered.isError ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {messageOf(rendered.error)}
          </Text>
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerSuite.common.loading")}
          </Text>
        )}
        {(block.image_url || block.link_url) && (
          <dl className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <Stat label={t("customerSuite.contentBlocks.fields.imageUrl")}>{block.image_url ?? "—"}</Stat>
            <Stat label={t("customerSuite.contentBlocks.fields.linkUrl")}>{block.link_url ?? "—"}</Stat>
          </dl>
        )}
      </div>
    </Section>
  )
}

const Crumb = ({ id }: { id: string }) => {
  const { data } = useContentBlock(id)
  return <>{data?.content_block.name ?? id}</>
}

export const handle = {
  breadcrumb: (match: UIMatch) => <Crumb id={(match.params as { id?: string }).id ?? ""} />,
}

export default ContentBlockDetailPage
