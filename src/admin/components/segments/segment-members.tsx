import { PlusMini, Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  Checkbox,
  Container,
  DataTable,
  Drawer,
  Input,
  Text,
  createDataTableColumnHelper,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useCustomerSearch } from "../../hooks/api/customers"
import { useMembershipKind, useSegmentMembers, useUpdateMembers } from "../../hooks/api/segments"
import { useDebounced } from "../../hooks/use-debounced"
import { useTableTranslations } from "../../hooks/use-table-translations"
import { customerName, formatDateTime } from "../../lib/format"
import type { AdminCustomerSegment, AdminCustomerSegmentMember } from "../../../types/http"
import { TitleBlock } from "../common/query-state"
import { toast } from "../common/toast"
import { readableMessage } from "../../lib/field-errors"

const PAGE_SIZE = 10
const column = createDataTableColumnHelper<AdminCustomerSegmentMember>()

/** Members; a segment decided per cart has none stored, and says why instead of an empty table. */
export const SegmentMembers = ({ segment }: { segment: AdminCustomerSegment }) =>
  useMembershipKind(segment) === "perCart" ? <PerCartMembers /> : <MemberTable segment={segment} />

const PerCartMembers = () => {
  const { t } = useTranslation()
  return (
    <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="segment-members">
      <TitleBlock level="h2" title={t("customerSuite.segments.members.title")} hint={t("customerSuite.segments.members.emptyHeading.perCart")} />
      <Text size="small" className="text-ui-fg-subtle">
        {t("customerSuite.segments.members.empty.perCart")}
      </Text>
    </Container>
  )
}

/** Members: paginated and searchable; each links to the customer; static segments add and remove. */
const MemberTable = ({ segment }: { segment: AdminCustomerSegment }) => {
  const { t } = useTranslation()
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { data, isPending, isError } = useSegmentMembers(segment.id, {
    q: search || undefined,
    limit: PAGE_SIZE,
    offset: pagination.pageIndex * PAGE_SIZE,
  })
  const members = useUpdateMembers(segment.id)
  const isStatic = segment.kind === "static"
  const membership = useMembershipKind(segment)
  const translations = useTableTranslations()

  const columns = useMemo(
    () => [
      column.accessor("email", {
        header: t("customerSuite.segments.members.customer"),
        cell: ({ row }) => (
          <Link to={`/customers/${row.original.id}`} className="text-ui-fg-interactive hover:underline" data-testid="segment-member-link">
            {customerName(row.original)}
          </Link>
        ),
      }),
      column.accessor("has_account", {
        header: t("customerSuite.segments.members.email"),
        cell: ({ row }) => (
          <span>
            {row.original.email ?? "—"}
            {!row.original.has_account && (
              <Badge size="2xsmall" className="ml-2">
                {t("customerSuite.segments.members.guest")}
              </Badge>
            )}
          </span>
        ),
      }),
      column.accessor("membership", {
        header: t("customerSuite.segments.members.since"),
        cell: ({ row }) => (
          <span>
            {formatDateTime(row.original.membership.matched_at)}
            <span className="text-ui-fg-muted"> · {t(`customerSuite.segments.members.source.${row.original.membership.source}`)}</span>
          </span>
        ),
      }),
      ...(isStatic
        ? [
            column.action({
              actions: [
                {
                  label: t("customerSuite.segments.members.remove"),
                  icon: <Trash />,
                  onClick: async (ctx) => {
                    try {
                      await members.mutateAsync({ remove: [ctx.row.original.id] })
                      toast.success(t("customerSuite.segments.members.removed", { name: customerName(ctx.row.original) }))
                    } catch (error) {
                      toast.error(readableMessage(error))
                    }
                  },
                },
              ],
            }),
          ]
        : []),
    ],
    [t, isStatic, members]
  )

  const table = useDataTable({
    data: data?.customers ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading: isPending,
    search: {
      state: search,
      onSearchChange: (value) => {
        setSearch(value)
        setPagination((p) => ({ ...p, pageIndex: 0 }))
      },
    },
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <Container className="divide-y p-0" data-testid="segment-members">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-wrap items-center justify-between gap-2" translations={translations.toolbar}>
          <TitleBlock level="h2" title={t("customerSuite.segments.members.title")} hint={t(`customerSuite.segments.members.hint.${membership}`)} />
          <div className="flex items-center gap-x-2">
            <DataTable.Search placeholder={t("customerSuite.common.search")} />
            {isStatic && <AddMembers segment={segment} />}
          </div>
        </DataTable.Toolbar>
        {isError ? (
          <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
            {t("customerSuite.common.loadError")}
          </Text>
        ) : (
          <DataTable.Table
            emptyState={{
              empty: {
                heading: t(`customerSuite.segments.members.emptyHeading.${membership}`),
                description: t(`customerSuite.segments.members.empty.${membership}`),
              },
              filtered: { heading: t("customerSuite.common.noResults"), description: t("customerSuite.common.noResultsHint") },
            }}
          />
        )}
        <DataTable.Pagination translations={translations.pagination} />
      </DataTable>
    </Container>
  )
}

/** A drawer to search customers and add the chosen ones to a static segment. */
const AddMembers = ({ segment }: { segment: AdminCustomerSegment }) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState("")
  const [chosen, setChosen] = useState<string[]>([])
  const q = useDebounced(search, 300)
  const customers = useCustomerSearch(q, open)
  const members = useUpdateMembers(segment.id)
  const add = async () => {
    try {
      const result = await members.mutateAsync({ add: chosen })
      toast.success(t("customerSuite.segments.members.added", { count: result.added.length }))
      setChosen([])
      setOpen(false)
    } catch (error) {
      toast.error(readableMessage(error))
    }
  }
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="segment-add-members">
          <PlusMini />
          {t("customerSuite.segments.members.add")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("customerSuite.segments.members.addTitle", { name: segment.name })}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3 overflow-y-auto">
          <Input
            type="search"
            autoFocus
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("customerSuite.segments.members.searchCustomers")}
            aria-label={t("customerSuite.segments.members.searchCustomers")}
          />
          {customers.isPending && <Text size="small">{t("customerSuite.common.loading")}</Text>}
          {customers.isError && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {t("customerSuite.common.loadError")}
            </Text>
          )}
          {customers.data?.customers.length === 0 && <Text size="small">{t("customerSuite.common.noResults")}</Text>}
          <ul className="flex flex-col gap-y-1">
            {customers.data?.customers.map((c) => (
              <li key={c.id}>
                <label className="hover:bg-ui-bg-base-hover flex cursor-pointer items-center gap-x-3 rounded-md px-2 py-1.5">
                  <Checkbox
                    checked={chosen.includes(c.id)}
                    onCheckedChange={(checked) => setChosen((prev) => (checked ? [...prev, c.id] : prev.filter((id) => id !== c.id)))}
                  />
                  <span className="txt-compact-small">{customerName(c)}</span>
                  <span className="txt-compact-small text-ui-fg-muted truncate">{c.email}</span>
                </label>
              </li>
            ))}
          </ul>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("customerSuite.common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={add} disabled={!chosen.length} isLoading={members.isPending}>
            {t("customerSuite.segments.members.addCount", { count: chosen.length })}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
