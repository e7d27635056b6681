import { Container } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { TitleBlock } from "./query-state"

/**
 * A box of a page or a widget: its heading (and hint) with its actions on
 * the right, then its rows, divided.
 */
export const Section = ({ title, hint, actions, testId, children }: { title: string; hint?: string; actions?: ReactNode; testId?: string; children?: ReactNode }) => (
  <Container className="divide-y p-0" data-testid={testId}>
    <div className="flex items-start justify-between gap-x-4 px-6 py-4">
      <TitleBlock level="h2" title={title} hint={hint} />
      {actions}
    </div>
    {children}
  </Container>
)

/** A link among a section's actions ("Manage", "Log"). */
export const SectionLink = ({ to, testId, children }: { to: string; testId?: string; children: ReactNode }) => (
  <Link to={to} className="txt-compact-small text-ui-fg-interactive shrink-0 hover:underline" data-testid={testId}>
    {children}
  </Link>
)
