import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Eye, Newspaper } from "@medusajs/icons"
import { Badge, Button, Container, StatusBadge, Text, clx, createDataTableColumnHelper, createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { ListPage, listParam, urlFilter, useListTable, useListUrlState } from "../../components/common/list-page"
import { TextCrumb } from "../../components/common/query-state"
import { ScheduleBadge, shortWindow } from "../../components/content-blocks/schedule"
import { useTargetingSummary } from "../../components/content-blocks/targeting"
import { useContentBlockPlacements, useContentBlocks } from "../../hooks/api/content-blocks"
import { BLOCK_STATUSES } from "../../lib/types/content-blocks"
import type { AdminContentBlock } from "../../../types/http"

const PAGE_SIZE = 20
const column = createDataTableColumnHelper<AdminContentBlock>()
const filter = createDataTableFilterHelper<AdminContentBlock>()

/**
 * Content blocks, by placement (the API's order: placement, then priority
 * highest first), with their status, schedule and who they are for. The
 * placements above the table filter it.
 */
const ContentBlocksPage = () => {
  const { t } = useTranslation()
  const url = useListUrlState(PAGE_SIZE)
  const { params, q, offset } = url
  const placement = params.get("placement") ?? ""
  const [status] = listParam(params.get("status"), BLOCK_STATUSES)
  const placements = useContentBlockPlacements()
  const summary = useTargetingSummary()

  const { data, isPending, isPlaceholderData, error } = useContentBlocks({
    q: q || undefined,
    placement: placement || undefined,
    status,
    limit: PAGE_SIZE,
    offset,
  })

  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: t("customerSuite.contentBlocks.fields.name"),
        cell: ({ row }) => (
          <Link to={row.original.id} className="text-ui-fg-base hover:underline" onClick={(e) => e.stopPropagation()} data-testid="content-block-row-name">
            {row.original.name}
          </Link>
        ),
      }),
      column.accessor("placement", {
        header: t("customerSuite.contentBlocks.fields.placement"),
        cell: ({ getValue }) => <code className="txt-compact-small">{getValue()}</code>,
      }),
      column.accessor("status", {
        header: t("customerSuite.contentBlocks.fields.status"),
        cell: ({ getValue }) => (
          <StatusBadge color={getValue() === "active" ? "green" : "grey"}>{t(`customerSuite.contentBlocks.status.${getValue()}`)}</StatusBadge>
        ),
      }),
      column.accessor("schedule", {
        header: t("customerSuite.contentBlocks.fields.schedule"),
        cell: ({ row }) => (
          <span className="flex flex-col items-start gap-y-0.5">
            <ScheduleBadge block={row.original} />
            {shortWindow(row.original) && (
              <Text size="xsmall" className="text-ui-fg-muted">
                {shortWindow(row.original)}
              </Text>
            )}
          </span>
        ),
      }),
      column.accessor("priority", {
        header: t("customerSuite.contentBlocks.fields.priority"),
        cell: ({ getValue }) => getValue(),
      }),
      column.display({
        id: "targeting",
        header: t("customerSuite.contentBlocks.fields.targeting"),
        cell: ({ row }) => (
          <span className="text-ui-fg-subtle" data-testid="content-block-row-targeting">
            {summary(row.original)}
            {row.original.locale && <Badge size="2xsmall" className="ml-1">{row.original.locale}</Badge>}
          </span>
        ),
      }),
    ],
    [t, summary]
  )

  const filters = useMemo(
    () => [
      filter.accessor("status", {
        type: "radio",
        label: t("customerSuite.contentBlocks.fields.status"),
        options: BLOCK_STATUSES.map((v) => ({ label: t(`customerSuite.contentBlocks.status.${v}`), value: v })),
      }),
    ],
    [t]
  )

  const table = useListTable(url, {
    data: data?.content_blocks ?? [],
    count: data?.count,
    columns,
    filters,
    isLoading: isPending,
    urlFilters: [urlFilter("status", "status", status)],
  })

  const chips = placements.data?.placements ?? []
  const chip = (key: string, label: string, active: boolean, testId: string, count?: string) => (
    <button
      key={key}
      type="button"
      onClick={() => url.update({ placement: key || null, offset: null })}
      aria-pressed={active}
      className={clx(
        "txt-compact-small flex items-center gap-x-1.5 rounded-full border px-3 py-1",
        active ? "bg-ui-bg-base-pressed text-ui-fg-base border-ui-border-strong" : "text-ui-fg-subtle hover:bg-ui-bg-base-hover"
      )}
      data-testid={testId}
    >
      <span>{label}</span>
      {count && <span className="text-ui-fg-muted">{count}</span>}
    </button>
  )

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-wrap items-center gap-2 px-6 py-3" data-testid="content-block-placements">
        <Text size="small" weight="plus" className="mr-1">
          {t("customerSuite.contentBlocks.list.placements")}
        </Text>
        {chip("", t("customerSuite.contentBlocks.list.allPlacements"), !placement, "content-block-placement-all")}
        {chips.map((p) =>
          chip(p.placement, p.placement, placement === p.placement, `content-block-placement-${p.placement}`, t("customerSuite.contentBlocks.list.placementCount", { active: p.active, count: p.count }))
        )}
        {placement && !chips.some((p) => p.placement === placement) && chip(placement, placement, true, `content-block-placement-${placement}`)}
      </Container>
      <ListPage
        table={table}
        texts="contentBlocks"
        testId="content-blocks-list"
        createTestId="content-blocks-create"
        error={error}
        busy={isPlaceholderData}
        actions={
          <Button size="small" variant="secondary" asChild>
            <Link to="preview" data-testid="content-blocks-preview-link">
              <Eye />
              {t("customerSuite.contentBlocks.shopper.open")}
            </Link>
          </Button>
        }
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "customerSuite.contentBlocks.nav",
  // Medusa 2.21 lists a nested route as a text entry under its parent; the icon is for versions that show one.
  icon: Newspaper,
  translationNs: "translation",
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.contentBlocks.title" />,
}

export default ContentBlocksPage
