import { CheckMini } from "@medusajs/icons"
import { Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"

/**
 * A picker's list of options under its search box: "Loading…", the load
 * error or "No results" in their turn, then the options.
 */
export const Listbox = ({
  state,
  multiselectable,
  className = "max-h-[280px]",
  children,
}: {
  state: "loading" | "error" | "empty" | "ready"
  multiselectable?: boolean
  className?: string
  children: ReactNode
}) => {
  const { t } = useTranslation()
  const status = { loading: t("customerSuite.common.loading"), error: t("customerSuite.common.loadError"), empty: t("customerSuite.common.noResults"), ready: null }[state]
  return (
    <div className={clx("overflow-y-auto p-1", className)} role="listbox" aria-multiselectable={multiselectable}>
      {status && (
        <Text size="small" className={clx("px-2 py-1.5", state === "error" ? "text-ui-fg-error" : "text-ui-fg-subtle")}>
          {status}
        </Text>
      )}
      {children}
    </div>
  )
}

/** One option of a `Listbox`: a button announced as an option. */
export const ListboxOption = ({
  selected,
  onChoose,
  className,
  testId,
  children,
}: {
  selected: boolean
  onChoose: () => void
  className?: string
  testId?: string
  children: ReactNode
}) => (
  <button
    type="button"
    role="option"
    aria-selected={selected}
    onClick={onChoose}
    className={clx("hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover flex w-full rounded-md px-2 py-1.5 text-left outline-none", className)}
    data-testid={testId}
  >
    {children}
  </button>
)

/** An option with a check mark when chosen, its label and a hint (a code, a handle) on the right. */
export const CheckedOption = ({ selected, label, hint, onChoose }: { selected: boolean; label: string; hint?: string; onChoose: () => void }) => (
  <ListboxOption selected={selected} onChoose={onChoose} className="txt-compact-small items-center gap-x-2">
    <span className="flex size-4 items-center justify-center">{selected && <CheckMini />}</span>
    <span className="flex-1 truncate">{label}</span>
    {hint && <span className="text-ui-fg-muted truncate">{hint}</span>}
  </ListboxOption>
)
