import type { ReactNode } from "react"
import { TitleBlock } from "./query-state"

/** A page holding a create or edit form, its title (and a hint) above it. */
export const FormPage = ({ testId, title, hint, children }: { testId: string; title: string; hint?: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-3" data-testid={testId}>
    <TitleBlock className="px-1" level="h1" title={title} hint={hint} />
    {children}
  </div>
)
