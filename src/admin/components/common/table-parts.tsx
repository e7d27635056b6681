import { PencilSquare, Trash } from "@medusajs/icons"
import { IconButton, Table, usePrompt } from "@medusajs/ui"
import { toast } from "./toast"
import { useTranslation } from "react-i18next"
import { readableMessage } from "../../lib/field-errors"

/** A table's header row: one cell a label, then a narrow unlabelled (screen readers only) cell over the row actions. */
export const TableHead = ({ labels }: { labels: string[] }) => {
  const { t } = useTranslation()
  return (
    <Table.Header>
      <Table.Row>
        {labels.map((label) => (
          <Table.HeaderCell key={label}>{label}</Table.HeaderCell>
        ))}
        <Table.HeaderCell className="w-24">
          <span className="sr-only">{t("customerSuite.taxClasses.fields.actions")}</span>
        </Table.HeaderCell>
      </Table.Row>
    </Table.Header>
  )
}

/** A row's last cell: edit and delete buttons, each named for screen readers. */
export const RowActions = ({
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
}: {
  editLabel: string
  deleteLabel: string
  onEdit: () => void
  onDelete: () => void
}) => (
  <Table.Cell>
    <span className="flex items-center justify-end gap-x-1">
      <IconButton size="small" variant="transparent" aria-label={editLabel} onClick={onEdit}>
        <PencilSquare />
      </IconButton>
      <IconButton size="small" variant="transparent" aria-label={deleteLabel} onClick={onDelete}>
        <Trash />
      </IconButton>
    </span>
  </Table.Cell>
)

/** Asks before deleting (a danger prompt with Delete, or `confirmText`, and Cancel); resolves true when the merchant confirmed. */
export const useConfirmDelete = () => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  return (title: string, description: string, confirmText = t("customerSuite.common.delete")) =>
    prompt({ title, description, confirmText, cancelText: t("customerSuite.common.cancel"), variant: "danger" })
}

/**
 * A write that asks first (a delete, ending a session): after the merchant
 * confirms it runs, with a toast either way (`done`, or `failed` with the
 * API's reason); `then` runs after it succeeded (leave the deleted record's page).
 */
export const useConfirmedWrite = () => {
  const confirm = useConfirmDelete()
  return async ({
    title,
    description,
    confirmText,
    write,
    done,
    failed,
    reason = readableMessage,
    then,
  }: {
    title: string
    description: string
    confirmText?: string
    write: () => Promise<unknown>
    done: string
    failed: string
    /** The failure's description (default: the API's message). */
    reason?: (error: unknown) => string
    then?: () => void
  }) => {
    if (!(await confirm(title, description, confirmText))) {
      return
    }
    try {
      await write()
      toast.success(done)
      then?.()
    } catch (error) {
      toast.error(failed, { description: reason(error) })
    }
  }
}
