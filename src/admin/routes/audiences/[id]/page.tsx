import { Badge, Container, DataTable, Heading, Switch, Text, createDataTableColumnHelper, useDataTable, type DataTablePaginationState } from "@medusajs/ui"
import { useMemo, useState, type ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { Link, useParams, type UIMatch } from "react-router-dom"
import { Loaded, SectionStatus, TitleBlock } from "../../../components/common/query-state"
import { toast } from "../../../components/common/toast"
import { useAudience, useAudienceBatches, useUpdateAudience } from "../../../hooks/api/audiences"
import { useTableTranslations } from "../../../hooks/use-table-translations"
import { readableMessage } from "../../../lib/field-errors"
import { customerName, formatDateTime } from "../../../lib/format"
import type { AdminAudience, AdminAudienceMember, AudienceMemberRef } from "../../../../types/http"

const PAGE_SIZE = 10
const column = createDataTableColumnHelper<AdminAudienceMember & { id: string }>()

/** An audience: its source and last batch, the group mirror, its members and its batches. */
const AudienceDetailPage = () => {
  const { id = "" } = useParams()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const query = useAudience(id, { limit: PAGE_SIZE, offset: pagination.pageIndex * PAGE_SIZE })
  return (
    <Loaded query={query} variant="detail">
      {({ audience, members }) => (
        <div className="flex flex-col gap-y-3" data-testid="audience-detail">
          <AudienceHeader audience={audience} />
          <Members members={members.customers} count={members.count} pagination={pagination} setPagination={setPagination} isLoading={query.isFetching} />
          <Batches audience={audience} />
        </div>
      )}
    </Loaded>
  )
}

const AudienceHeader = ({ audience }: { audience: AdminAudience }) => {
  const { t } = useTranslation()
  const update = useUpdateAudience(audience.id)
  const toggle = async (sync: boolean) => {
    try {
      await update.mutateAsync({ sync_customer_group: sync })
      toast.success(t(sync ? "customerSuite.audiences.group.turnedOn" : "customerSuite.audiences.group.turnedOff", { name: audience.name }))
    } catch (error) {
      toast.error(t("customerSuite.audiences.group.failed"), { description: readableMessage(error) })
    }
  }
  const rows: [string, ReactNode][] = [
    [t("customerSuite.audiences.fields.source"), audience.source.name],
    [t("customerSuite.audiences.fields.externalId"), <code key="external" className="font-mono">{audience.external_id}</code>],
    [t("customerSuite.audiences.fields.id"), <code key="id" className="font-mono">{audience.id}</code>],
    [t("customerSuite.audiences.fields.members"), audience.member_count.toLocaleString()],
    [t("customerSuite.audiences.fields.lastBatch"), audience.last_batch_at ? formatDateTime(audience.last_batch_at) : t("customerSuite.audiences.never")],
  ]
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading>{audience.name}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.audiences.detail.hint", { id: audience.id })}
        </Text>
      </div>
      {rows.map(([label, value]) => (
        <div key={label} className="text-ui-fg-subtle grid grid-cols-2 px-6 py-3">
          <Text size="small" weight="plus" leading="compact">
            {label}
          </Text>
          <Text size="small" leading="compact">
            {value}
          </Text>
        </div>
      ))}
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col">
          <Text size="small" weight="plus" id="audience-group-label">
            {t("customerSuite.audiences.group.label")}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerSuite.audiences.group.hint")}
          </Text>
          {audience.customer_group_id && (
            <Link to={`/customers/customer-groups/${audience.customer_group_id}`} className="txt-compact-small text-ui-fg-interactive hover:underline">
              {t("customerSuite.audiences.group.open")}
            </Link>
          )}
        </div>
        <Switch
          aria-labelledby="audience-group-label"
          checked={audience.sync_customer_group}
          disabled={update.isPending}
          onCheckedChange={toggle}
          data-testid="audience-group-toggle"
        />
      </div>
    </Container>
  )
}

const Members = ({
  members,
  count,
  pagination,
  setPagination,
  isLoading,
}: {
  members: AdminAudienceMember[]
  count: number
  pagination: DataTablePaginationState
  setPagination: (state: DataTablePaginationState) => void
  isLoading: boolean
}) => {
  const { t } = useTranslation()
  const translations = useTableTranslations()
  const columns = useMemo(
    () => [
      column.accessor("customer_id", {
        header: t("customerSuite.audiences.members.customer"),
        cell: ({ row }) => (
          <Link to={`/customers/${row.original.customer_id}`} className="text-ui-fg-interactive hover:underline">
            {customerName({ ...row.original, id: row.original.customer_id })}
          </Link>
        ),
      }),
      column.accessor("email", { header: t("customerSuite.audiences.members.email"), cell: ({ getValue }) => getValue() ?? "—" }),
      column.accessor("added_at", { header: t("customerSuite.audiences.members.since"), cell: ({ getValue }) => formatDateTime(getValue()) }),
    ],
    [t]
  )
  const table = useDataTable({
    data: members.map((m) => ({ ...m, id: m.customer_id })),
    columns,
    getRowId: (row) => row.id,
    rowCount: count,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })
  return (
    <Container className="divide-y p-0" data-testid="audience-members">
      <DataTable instance={table}>
        <DataTable.Toolbar translations={translations.toolbar}>
          <TitleBlock level="h2" title={t("customerSuite.audiences.members.title")} hint={t("customerSuite.audiences.members.hint")} />
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{
            empty: { heading: t("customerSuite.audiences.members.emptyHeading"), description: t("customerSuite.audiences.members.empty") },
            filtered: { heading: t("customerSuite.common.noResults"), description: t("customerSuite.common.noResultsHint") },
          }}
        />
        <DataTable.Pagination translations={translations.pagination} />
      </DataTable>
    </Container>
  )
}

const refText = (ref: AudienceMemberRef) => ("customer_id" in ref ? ref.customer_id : ref.email)

/** The batches that touched this audience, newest first, with counts and unknown members. */
const Batches = ({ audience }: { audience: AdminAudience }) => {
  const { t } = useTranslation()
  const { data, isPending, isError } = useAudienceBatches(audience.source.id, { audience_id: audience.id, limit: 20, offset: 0 })
  const batches = data?.batches ?? []
  return (
    <Container className="divide-y p-0" data-testid="audience-batches">
      <div className="px-6 py-4">
        <TitleBlock level="h2" title={t("customerSuite.audiences.batches.title")} hint={t("customerSuite.audiences.batches.hint")} />
      </div>
      <SectionStatus isPending={isPending} isError={isError} isEmpty={!isPending && !isError && batches.length === 0} empty={t("customerSuite.audiences.batches.empty")} />
      {batches.map((batch) => (
        <div key={batch.id} className="flex flex-col gap-y-1 px-6 py-3" data-testid="audience-batch">
          <div className="flex flex-wrap items-center gap-x-2">
            <code className="txt-compact-small font-mono">{batch.batch_id}</code>
            <Text size="small" className="text-ui-fg-subtle">
              {formatDateTime(batch.created_at)}
            </Text>
            <Badge size="2xsmall" color="green">
              {t("customerSuite.audiences.batches.added", { count: batch.added })}
            </Badge>
            <Badge size="2xsmall" color="orange">
              {t("customerSuite.audiences.batches.removed", { count: batch.removed })}
            </Badge>
            {batch.unchanged > 0 && <Badge size="2xsmall">{t("customerSuite.audiences.batches.unchanged", { count: batch.unchanged })}</Badge>}
            {batch.unknown > 0 && (
              <Badge size="2xsmall" color="red">
                {t("customerSuite.audiences.batches.unknown", { count: batch.unknown })}
              </Badge>
            )}
          </div>
          {batch.unknown_samples.length > 0 && (
            <Text size="xsmall" className="text-ui-fg-subtle break-words">
              {t("customerSuite.audiences.batches.unknownSamples", { list: batch.unknown_samples.map(refText).join(", ") })}
            </Text>
          )}
        </div>
      ))}
    </Container>
  )
}

const Crumb = ({ id }: { id: string }) => {
  const { data } = useAudience(id)
  return <>{data?.audience.name ?? id}</>
}

export const handle = {
  breadcrumb: (match: UIMatch) => <Crumb id={(match.params as { id?: string }).id ?? ""} />,
}

export default AudienceDetailPage
