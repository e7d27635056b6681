import { PencilSquare, Trash } from "@medusajs/icons"
import { IconButton, Table, usePrompt } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

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

/** Asks before deleting (a danger prompt with Delete and Cancel); resolves true when the merchant confirmed. */
export const useConfirmDelete = () => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  return (title: string, description: string) =>
    prompt({
      title,
      description,
      confirmText: t("customerSuite.common.delete"),
      cancelText: t("customerSuite.common.cancel"),
      variant: "danger",
    })
}
