import { ChevronDownMini } from "@medusajs/icons"
import { Button, DropdownMenu, Drawer, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useCreateBulkAction, useExactGridCount, useStaticSegments } from "../../hooks/api/customer-grid"
import { useCustomerGroupOptions } from "../../hooks/api/customer-groups"
import { BULK_ACTIONS } from "../../lib/customer-grid"
import { readableMessage } from "../../lib/field-errors"
import type { BulkActionKind, BulkActionSelection } from "../../../types/http/customer-grid"
import { OptionSelect } from "../common/option-select"
import { toast } from "../common/toast"

const needs = (action: BulkActionKind): "group" | "segment" | null =>
  action === "add_to_group" || action === "remove_from_group" ? "group" : action === "add_to_segment" || action === "remove_from_segment" ? "segment" : null

/** The group or static segment an action works on. */
const TargetPicker = ({ kind, value, onChange }: { kind: "group" | "segment"; value: string; onChange: (value: string) => void }) => {
  const { t } = useTranslation()
  const groups = useCustomerGroupOptions()
  const segments = useStaticSegments(kind === "segment")
  const options = (kind === "group" ? groups.data : segments.data) ?? []
  const pending = kind === "group" ? groups.isPending : segments.isPending
  const label = t(`customerSuite.customerGrid.bulk.target.${kind}`)
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="small" weight="plus" htmlFor="customer-grid-bulk-target">
        {label}
      </Label>
      <OptionSelect
        id="customer-grid-bulk-target"
        options={options}
        value={value}
        onValueChange={onChange}
        placeholder={pending ? t("customerSuite.common.loading") : t(`customerSuite.customerGrid.bulk.target.choose_${kind}`)}
        testId="customer-grid-bulk-target"
      />
      {!pending && options.length === 0 && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {t(`customerSuite.customerGrid.bulk.target.none_${kind}`)}
        </Text>
      )}
    </div>
  )
}

/**
 * The bulk action menu for the selection (rows, or everything the filter
 * matches), and the dialog that confirms one: what it does, to how many
 * customers, the group or segment it needs; a delete names the count and
 * sends it, so the server refuses when the selection has changed since.
 */
export const BulkActionsMenu = ({
  selection,
  filterQuery,
  count: shownCount,
  estimate: shownEstimate,
  onStarted,
}: {
  selection: BulkActionSelection | null
  /** The filters as a query string (a delete by filters asks their exact count first). */
  filterQuery: string
  /** Customers in the selection (the grid's count for a filter). */
  count: number
  estimate: boolean
  onStarted: () => void
}) => {
  const { t } = useTranslation()
  const create = useCreateBulkAction()
  const [action, setAction] = useState<BulkActionKind | null>(null)
  const [target, setTarget] = useState("")
  const [error, setError] = useState<string | null>(null)
  const target_kind = action ? needs(action) : null
  // A delete names, and sends, the exact count the filters match now (the grid's may be an estimate).
  const exact = useExactGridCount(filterQuery, action === "delete" && selection?.kind === "filters")
  const counting = action === "delete" && selection?.kind === "filters" && !exact.data
  const count = action === "delete" && exact.data ? exact.data.count : shownCount
  const estimate = action === "delete" && exact.data ? false : shownEstimate
  const countText = estimate ? t("customerSuite.customerGrid.countEstimate", { count, formatted: count.toLocaleString() }) : t("customerSuite.customerGrid.countExact", { count, formatted: count.toLocaleString() })

  const open = (next: BulkActionKind) => {
    setAction(next)
    setTarget("")
    setError(null)
  }
  const start = async () => {
    if (!action || !selection) {
      return
    }
    setError(null)
    try {
      await create.mutateAsync({
        action,
        selection,
        ...(target_kind ? { params: target_kind === "group" ? { group_id: target } : { segment_id: target } } : {}),
        ...(action === "delete" ? { expected_count: count } : {}),
      })
      toast.success(t("customerSuite.customerGrid.bulk.started", { action: t(`customerSuite.customerGrid.bulk.actions.${action}`) }))
      setAction(null)
      onStarted()
    } catch (e) {
      setError(readableMessage(e))
    }
  }

  return (
    <>
      {/* Not modal: an item opens a drawer or a prompt, which must not inherit the menu's blocked page. */}
      <DropdownMenu modal={false}>
        <DropdownMenu.Trigger asChild>
          <Button size="small" variant="secondary" disabled={!selection} data-testid="customer-grid-bulk">
            {t("customerSuite.customerGrid.bulk.menu")}
            <ChevronDownMini />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">
          {BULK_ACTIONS.map((kind) => (
            <DropdownMenu.Item key={kind} onSelect={() => open(kind)} className={kind === "delete" ? "text-ui-fg-error" : undefined} data-testid={`customer-grid-bulk-${kind}`}>
              {t(`customerSuite.customerGrid.bulk.actions.${kind}`)}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu>
      <Drawer open={action !== null} onOpenChange={(o) => !o && setAction(null)}>
        <Drawer.Content data-testid="customer-grid-bulk-dialog" data-action={action ?? ""}>
          <Drawer.Header>
            <Drawer.Title>{action ? t(`customerSuite.customerGrid.bulk.actions.${action}`) : ""}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4">
            <Text size="small" data-testid="customer-grid-bulk-count">
              {action === "delete"
                ? t("customerSuite.customerGrid.bulk.deleteWarning", { customers: countText })
                : t("customerSuite.customerGrid.bulk.appliesTo", { customers: countText })}
            </Text>
            {target_kind && <TargetPicker kind={target_kind} value={target} onChange={setTarget} />}
            {(error || exact.error) && (
              <Text size="small" className="text-ui-fg-error" role="alert" data-testid="customer-grid-bulk-error">
                {error ?? readableMessage(exact.error)}
              </Text>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary">
                {t("customerSuite.common.cancel")}
              </Button>
            </Drawer.Close>
            <Button
              size="small"
              variant={action === "delete" ? "danger" : "primary"}
              onClick={start}
              disabled={!selection || (!!target_kind && !target) || counting}
              isLoading={create.isPending}
              data-testid="customer-grid-bulk-start"
            >
              {action === "delete" ? t("customerSuite.customerGrid.bulk.deleteConfirm", { count, formatted: count.toLocaleString() }) : t("customerSuite.customerGrid.bulk.start")}
            </Button>
          </Drawer.Footer>
        </Drawer.Content>
      </Drawer>
    </>
  )
}
