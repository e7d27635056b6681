import { Button, Container, StatusBadge, Text } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { invalidateAfterBulkAction, isActive, useBulkAction, useBulkActions, useCancelBulkAction, useCurrentUserId } from "../../hooks/api/customer-grid"
import { readableMessage } from "../../lib/field-errors"
import { formatDateTime } from "../../lib/format"
import type { BulkActionListItem, BulkActionStatus } from "../../../types/http/customer-grid"
import { TitleBlock } from "../common/query-state"
import { toast } from "../common/toast"

const STATUS_COLOR: Record<BulkActionStatus, "grey" | "blue" | "green" | "red" | "orange"> = {
  queued: "grey",
  running: "blue",
  completed: "green",
  failed: "red",
  canceled: "orange",
}

/** The customers an action failed for, and why. */
const Failures = ({ id }: { id: string }) => {
  const { t } = useTranslation()
  const { data, isPending, isError } = useBulkAction(id)
  if (isPending) {
    return <Text size="small">{t("customerSuite.common.loading")}</Text>
  }
  if (isError) {
    return (
      <Text size="small" className="text-ui-fg-error">
        {t("customerSuite.common.loadError")}
      </Text>
    )
  }
  return (
    <ul className="flex flex-col gap-y-1" data-testid="customer-grid-bulk-failures">
      {data.failures.map((f) => (
        <li key={f.customer_id} className="txt-compact-small flex gap-x-2">
          <Link to={`/customers/${f.customer_id}`} className="text-ui-fg-interactive hover:underline">
            <code>{f.customer_id}</code>
          </Link>
          <span className="text-ui-fg-subtle">{f.message}</span>
        </li>
      ))}
    </ul>
  )
}

const ActionRow = ({ action }: { action: BulkActionListItem }) => {
  const { t } = useTranslation()
  const cancel = useCancelBulkAction()
  const [showFailures, setShowFailures] = useState(false)
  const percent = action.total ? Math.min(100, Math.round((action.processed / action.total) * 100)) : isActive(action) ? 0 : 100
  const name = t(`customerSuite.customerGrid.bulk.actions.${action.action}`)
  const onCancel = async () => {
    try {
      await cancel.mutateAsync(action.id)
    } catch (e) {
      toast.error(t("customerSuite.customerGrid.bulk.cancelFailed"), { description: readableMessage(e) })
    }
  }
  return (
    <li className="flex flex-col gap-y-2 px-6 py-3" data-testid="customer-grid-bulk-action" data-bulk-action-id={action.id} data-status={action.status}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Text size="small" weight="plus">
          {name}
        </Text>
        <StatusBadge color={STATUS_COLOR[action.status]} data-testid="customer-grid-bulk-status">
          {t(`customerSuite.customerGrid.bulk.status.${action.status}`)}
        </StatusBadge>
        <Text size="xsmall" className="text-ui-fg-muted">
          {formatDateTime(action.created_at)}
        </Text>
        <span className="flex-1" />
        {isActive(action) && (
          <Button size="small" variant="secondary" onClick={onCancel} isLoading={cancel.isPending} data-testid="customer-grid-bulk-cancel">
            {t("customerSuite.common.cancel")}
          </Button>
        )}
      </div>
      <div
        role="progressbar"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={action.total}
        aria-valuenow={action.processed}
        className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full"
      >
        <div className={action.status === "failed" ? "bg-ui-tag-red-icon h-full" : "bg-ui-fg-interactive h-full transition-[width]"} style={{ width: `${percent}%` }} />
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle" data-testid="customer-grid-bulk-counts">
        {t("customerSuite.customerGrid.bulk.counts", {
          processed: action.processed.toLocaleString(),
          total: action.total.toLocaleString(),
          succeeded: action.succeeded.toLocaleString(),
          failed: action.failed.toLocaleString(),
        })}
      </Text>
      {action.error && (
        <Text size="xsmall" className="text-ui-fg-error">
          {action.error}
        </Text>
      )}
      {action.failed > 0 && (
        <div className="flex flex-col gap-y-1">
          <Button size="small" variant="transparent" className="self-start" onClick={() => setShowFailures((s) => !s)} data-testid="customer-grid-bulk-show-failures">
            {showFailures ? t("customerSuite.customerGrid.bulk.hideFailures") : t("customerSuite.customerGrid.bulk.showFailures", { count: action.failed })}
          </Button>
          {showFailures && <Failures id={action.id} />}
        </div>
      )}
    </li>
  )
}

/** The panel shows this many of the user's recent actions. */
const SHOWN = 5

/**
 * The user's recent bulk actions from the server (so a reload shows them
 * again), asked every second while one is queued or running; when one ends,
 * the grid and the customer pages are refetched.
 */
export const BulkProgress = () => {
  const { t } = useTranslation()
  const client = useQueryClient()
  const me = useCurrentUserId()
  const { data, isError } = useBulkActions()
  const actions = me.data ? (data?.bulk_actions ?? []).filter((a) => a.user_id === me.data).slice(0, SHOWN) : []
  const running = actions.filter(isActive).map((a) => a.id)
  // Every user's running actions count for the refetch (another user's may change these rows too).
  const key = (data?.bulk_actions ?? []).filter(isActive).map((a) => a.id).join(",")
  const previous = useRef<string[] | null>(null)
  useEffect(() => {
    const before = previous.current
    previous.current = key ? key.split(",") : []
    if (before && before.some((id) => !previous.current?.includes(id))) {
      void invalidateAfterBulkAction(client)
    }
  }, [key, client])

  if (!actions.length && !isError) {
    return null
  }
  return (
    <Container className="divide-y p-0" data-testid="customer-grid-bulk-progress" aria-busy={running.length > 0}>
      <TitleBlock className="px-6 py-4" level="h2" title={t("customerSuite.customerGrid.bulk.progressTitle")} hint={t("customerSuite.customerGrid.bulk.progressHint")} />
      {isError && (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {t("customerSuite.common.loadError")}
        </Text>
      )}
      <ul className="divide-y">
        {actions.map((action) => (
          <ActionRow key={action.id} action={action} />
        ))}
      </ul>
    </Container>
  )
}
