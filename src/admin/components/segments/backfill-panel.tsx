import { Button, Container, StatusBadge, Text, usePrompt } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { isBackfillActive, useCancelBackfill, useLatestBackfill, useStartBackfill } from "../../hooks/api/segments"
import { readableMessage } from "../../lib/field-errors"
import { formatDateTime, formatDuration, formatTimeLeft } from "../../lib/format"
import type { AdminCustomerFactsBackfill } from "../../../types/http"
import { toast } from "../common/toast"

const STATUS_COLOR: Record<AdminCustomerFactsBackfill["status"], "grey" | "blue" | "green" | "red" | "orange"> = {
  queued: "grey",
  running: "blue",
  succeeded: "green",
  failed: "red",
  canceled: "orange",
}

/**
 * The facts backfill (the rebuild of what segment rules read from customers
 * and orders): the latest run's progress bar with the time left while it
 * runs (followed every 2 s, also after a reload), or how the last one ended,
 * and a button to start one. On the segments page and the settings page.
 */
export const BackfillPanel = () => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  const { data: run, isPending, isError } = useLatestBackfill()
  const start = useStartBackfill()
  const cancel = useCancelBackfill()
  const active = isBackfillActive(run)
  const percent = run ? Math.round(run.progress * 100) : 0

  const onStart = async () => {
    const confirmed = await prompt({
      title: t("customerSuite.segments.backfill.confirmTitle"),
      description: t("customerSuite.segments.backfill.confirmBody"),
      confirmText: t("customerSuite.segments.backfill.start"),
      cancelText: t("customerSuite.common.cancel"),
      variant: "confirmation",
    })
    if (!confirmed) {
      return
    }
    try {
      await start.mutateAsync()
    } catch (e) {
      toast.error(t("customerSuite.segments.backfill.startFailed"), { description: readableMessage(e) })
    }
  }
  const onCancel = async () => {
    try {
      await cancel.mutateAsync(run!.id)
    } catch (e) {
      toast.error(t("customerSuite.segments.backfill.cancelFailed"), { description: readableMessage(e) })
    }
  }

  return (
    <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="backfill-panel" data-status={run?.status ?? "none"}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Text size="small" weight="plus">
          {t("customerSuite.segments.backfill.title")}
        </Text>
        {run && (
          <StatusBadge color={STATUS_COLOR[run.status]} data-testid="backfill-status">
            {t(`customerSuite.segments.backfill.status.${run.status}`)}
          </StatusBadge>
        )}
        <span className="flex-1" />
        {active ? (
          <Button size="small" variant="secondary" onClick={onCancel} isLoading={cancel.isPending} data-testid="backfill-cancel">
            {t("customerSuite.common.cancel")}
          </Button>
        ) : (
          <Button size="small" variant="secondary" onClick={onStart} isLoading={start.isPending} disabled={isPending} data-testid="backfill-start">
            {t("customerSuite.segments.backfill.start")}
          </Button>
        )}
      </div>
      {isError && (
        <Text size="small" className="text-ui-fg-error">
          {t("customerSuite.common.loadError")}
        </Text>
      )}
      {!isPending && !isError && !run && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.segments.backfill.never")}
        </Text>
      )}
      {run && active && (
        <>
          <div
            className="bg-ui-bg-switch-off h-2 w-full overflow-hidden rounded-full"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-label={t("customerSuite.segments.backfill.title")}
            data-testid="backfill-progress"
          >
            <div className="bg-ui-fg-interactive h-full transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <Text size="small" className="text-ui-fg-subtle" data-testid="backfill-progress-text">
            {t("customerSuite.segments.backfill.progress", {
              done: run.customers_done.toLocaleString(),
              total: run.customers_estimate.toLocaleString(),
              percent,
            })}
            {run.customers_per_second !== null &&
              ` · ${t("customerSuite.segments.backfill.speed", { rate: run.customers_per_second.toLocaleString() })}`}
            {run.estimated_seconds_left !== null &&
              ` · ${t("customerSuite.segments.backfill.left", { time: formatTimeLeft(run.estimated_seconds_left) })}`}
            {run.indexes_pending.length > 0 &&
              ` · ${t("customerSuite.segments.backfill.indexes", { count: run.indexes_pending.length })}`}
          </Text>
        </>
      )}
      {run && !active && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="backfill-summary">
          {t("customerSuite.segments.backfill.ended", {
            when: formatDateTime(run.finished_at ?? run.updated_at),
            customers: run.customers_done.toLocaleString(),
            orders: run.orders_done.toLocaleString(),
            duration: formatDuration(run.running_ms),
          })}
          {run.error && <span className="text-ui-fg-error"> · {run.error}</span>}
          {run.indexes_pending.length > 0 && (
            <span> · {t("customerSuite.segments.backfill.indexesPending", { count: run.indexes_pending.length })}</span>
          )}
        </Text>
      )}
    </Container>
  )
}
