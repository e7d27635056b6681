import { Adjustments } from "@medusajs/icons"
import { Button, DropdownMenu } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { CUSTOMER_GRID_COLUMNS, type CustomerGridColumn } from "../../../types/http/customer-grid"

/** Shows or hides the grid's columns (at least one stays); the export writes the columns shown. */
export const ColumnChooser = ({
  columns,
  onChange,
}: {
  columns: CustomerGridColumn[]
  /** A change as a function of the columns in force when it applies (the URL's, which may be newer than this render's). */
  onChange: (update: (current: CustomerGridColumn[]) => CustomerGridColumn[]) => void
}) => {
  const { t } = useTranslation()
  const toggle = (column: CustomerGridColumn, show: boolean) =>
    onChange((current) => {
      const next = CUSTOMER_GRID_COLUMNS.filter((c) => (c === column ? show : current.includes(c)))
      return next.length ? next : current
    })
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="customer-grid-columns">
          <Adjustments />
          {t("customerSuite.customerGrid.columnsMenu")}
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end" className="max-h-[420px] overflow-y-auto">
        {CUSTOMER_GRID_COLUMNS.map((column) => (
          <DropdownMenu.CheckboxItem
            key={column}
            checked={columns.includes(column)}
            onCheckedChange={(show) => toggle(column, show === true)}
            // Stay open: several columns are usually changed at once.
            onSelect={(e) => e.preventDefault()}
            data-testid={`customer-grid-column-${column}`}
          >
            {t(`customerSuite.customerGrid.columns.${column}`)}
          </DropdownMenu.CheckboxItem>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
