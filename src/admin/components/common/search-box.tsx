import { MagnifyingGlass } from "@medusajs/icons"
import { Popover, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

/** The search field at the top of a picker's popover (focused when it opens). */
export const SearchBox = ({
  value,
  onChange,
  label,
  onEnter,
  testId,
}: {
  value: string
  onChange: (value: string) => void
  label: string
  onEnter?: () => void
  testId?: string
}) => (
  <div className="flex items-center gap-x-2 border-b px-3 py-2">
    <MagnifyingGlass className="text-ui-fg-muted" />
    <input
      autoFocus
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && onEnter) {
          e.preventDefault()
          onEnter()
        }
      }}
      placeholder={label}
      aria-label={label}
      className="txt-compact-small w-full bg-transparent outline-none"
      data-testid={testId}
    />
  </div>
)

/** A popover that opens from `trigger` with a search box on top and the matches (`children`) below. */
export const SearchPopover = ({
  open,
  onOpenChange,
  trigger,
  className = "w-[320px]",
  children,
  ...search
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  trigger: ReactNode
  className?: string
  children: ReactNode
} & Parameters<typeof SearchBox>[0]) => (
  <Popover open={open} onOpenChange={onOpenChange}>
    <Popover.Trigger asChild>{trigger}</Popover.Trigger>
    <Popover.Content className={clx(className, "p-0")} align="start">
      <SearchBox {...search} />
      {children}
    </Popover.Content>
  </Popover>
)
