import { Button, Drawer } from "@medusajs/ui"
import type { FormEvent, ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { FieldError } from "./field"

/**
 * A drawer holding a form: title (and a description for screen readers), the
 * fields, the errors no field claims, Cancel and Save.
 */
export const DrawerForm = ({
  open,
  onOpenChange,
  testId,
  title,
  description,
  onSubmit,
  saving,
  saveTestId,
  error,
  errorTestId,
  children,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  testId: string
  saveTestId: string
  title: string
  description: string
  onSubmit: (event: FormEvent) => void
  saving: boolean
  /** Errors no field claims (a conflict, a server failure), above the buttons. */
  error?: string
  errorTestId?: string
  children: ReactNode
}) => {
  const { t } = useTranslation()
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid={testId}>
        <form onSubmit={onSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>{title}</Drawer.Title>
            <Drawer.Description className="sr-only">{description}</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {children}
            <FieldError error={error} testId={errorTestId} />
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                {t("customerSuite.common.cancel")}
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={saving} data-testid={saveTestId}>
              {t("customerSuite.common.save")}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
