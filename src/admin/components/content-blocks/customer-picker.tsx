import { Button } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useCustomerName, useCustomerSearch } from "../../hooks/api/customers"
import { useDebounced } from "../../hooks/use-debounced"
import { customerName } from "../../lib/format"
import { CheckedOption, Listbox } from "../common/listbox"
import { SearchPopover } from "../common/search-box"
import { RemovableBadge } from "../common/value-picker-input"

/** One customer, searched by name or email; shows the chosen one's name, holds the id ("" for none). */
export const CustomerPicker = ({ value, onChange, testId }: { value: string; onChange: (id: string) => void; testId?: string }) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState("")
  const customers = useCustomerSearch(useDebounced(search, 250), open)
  const list = customers.data?.customers ?? []
  const state = customers.isPending ? "loading" : customers.isError ? "error" : list.length === 0 ? "empty" : "ready"
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-1" data-testid={testId}>
      {value && <ChosenCustomer id={value} onRemove={() => onChange("")} />}
      <SearchPopover
        open={open}
        onOpenChange={setOpen}
        value={search}
        onChange={setSearch}
        label={t("customerSuite.contentBlocks.shopper.searchCustomers")}
        testId={testId ? `${testId}-search` : undefined}
        trigger={
          <Button type="button" size="small" variant="secondary" data-testid={testId ? `${testId}-open` : undefined}>
            {value ? t("customerSuite.segments.builder.change") : t("customerSuite.contentBlocks.shopper.chooseCustomer")}
          </Button>
        }
      >
        <Listbox state={state}>
          {list.map((c) => (
            <CheckedOption
              key={c.id}
              selected={c.id === value}
              label={customerName(c)}
              hint={c.email ?? undefined}
              onChoose={() => {
                onChange(c.id)
                setOpen(false)
              }}
            />
          ))}
        </Listbox>
      </SearchPopover>
    </div>
  )
}

const ChosenCustomer = ({ id, onRemove }: { id: string; onRemove: () => void }) => {
  const chosen = useCustomerName(id)
  const customer = chosen.data?.customer
  return (
    <RemovableBadge className="max-w-full" label={customer ? `${customerName(customer)}${customer.email ? ` · ${customer.email}` : ""}` : id} onRemove={onRemove} />
  )
}
