import { ArrowDownTray } from "@medusajs/icons"
import { Button, DropdownMenu, Text } from "@medusajs/ui"
import { useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { downloadCustomersCsv, type ExportProgress } from "../../hooks/api/customer-grid"
import { readableMessage } from "../../lib/field-errors"
import { toast } from "../common/toast"

export type ExportScope = "selected" | "filtered" | "all"

/**
 * "Export CSV" of the selected rows, of what the filter matches or of every
 * customer, with the columns shown: the file is read as it streams in, its
 * rows counted against the count the grid gave, then saved.
 */
export const ExportMenu = ({
  queryFor,
  selectedCount,
  filteredCount,
  filtered,
}: {
  /** The export's query string and the rows expected (null: unknown) for a scope. */
  queryFor: (scope: ExportScope) => { query: string; expected: number | null }
  /** Rows selected one by one (0: none; the "selected" choice is off). */
  selectedCount: number
  filteredCount: number | null
  /** Whether any filter is set (otherwise "filtered" is "all"). */
  filtered: boolean
}) => {
  const { t } = useTranslation()
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const abort = useRef<AbortController | null>(null)

  const run = async (scope: ExportScope) => {
    const { query, expected } = queryFor(scope)
    const controller = new AbortController()
    abort.current = controller
    setProgress({ rows: 0, expected })
    try {
      const { rows } = await downloadCustomersCsv(query, expected, setProgress, controller.signal)
      toast.success(t("customerSuite.customerGrid.export.done", { count: rows, formatted: rows.toLocaleString() }))
    } catch (e) {
      if (!controller.signal.aborted) {
        toast.error(t("customerSuite.customerGrid.export.failed"), { description: readableMessage(e) })
      }
    } finally {
      abort.current = null
      setProgress(null)
    }
  }

  if (progress) {
    const percent = progress.expected ? Math.min(100, Math.round((progress.rows / progress.expected) * 100)) : null
    return (
      <div className="flex items-center gap-x-2" data-testid="customer-grid-export-progress" aria-busy="true">
        <div
          role="progressbar"
          aria-label={t("customerSuite.customerGrid.export.button")}
          aria-valuemin={0}
          aria-valuemax={progress.expected ?? undefined}
          aria-valuenow={progress.rows}
          className="bg-ui-bg-subtle h-2 w-24 overflow-hidden rounded-full"
        >
          <div className="bg-ui-fg-interactive h-full" style={{ width: `${percent ?? 100}%` }} />
        </div>
        <Text size="xsmall" className="text-ui-fg-subtle whitespace-nowrap">
          {progress.expected
            ? t("customerSuite.customerGrid.export.progress", { rows: progress.rows.toLocaleString(), expected: progress.expected.toLocaleString() })
            : t("customerSuite.customerGrid.export.progressUnknown", { rows: progress.rows.toLocaleString() })}
        </Text>
        <Button size="small" variant="transparent" onClick={() => abort.current?.abort()} data-testid="customer-grid-export-cancel">
          {t("customerSuite.common.cancel")}
        </Button>
      </div>
    )
  }
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="customer-grid-export">
          <ArrowDownTray />
          {t("customerSuite.customerGrid.export.button")}
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        <DropdownMenu.Item disabled={!selectedCount} onSelect={() => run("selected")} data-testid="customer-grid-export-selected">
          {t("customerSuite.customerGrid.export.selected", { count: selectedCount, formatted: selectedCount.toLocaleString() })}
        </DropdownMenu.Item>
        {filtered && (
          <DropdownMenu.Item onSelect={() => run("filtered")} data-testid="customer-grid-export-filtered">
            {filteredCount === null
              ? t("customerSuite.customerGrid.export.filteredUnknown")
              : t("customerSuite.customerGrid.export.filtered", { count: filteredCount, formatted: filteredCount.toLocaleString() })}
          </DropdownMenu.Item>
        )}
        <DropdownMenu.Item onSelect={() => run("all")} data-testid="customer-grid-export-all">
          {t("customerSuite.customerGrid.export.all")}
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
