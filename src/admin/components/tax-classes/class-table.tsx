import { PlusMini } from "@medusajs/icons"
import { Badge, Button, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useDeleteTaxClass } from "../../hooks/api/tax-classes"
import { messageOf } from "../../lib/api"
import { fieldErrorsOf } from "../../lib/field-errors"
import type { AdminTaxClass } from "../../../types/http"
import type { TaxClassType } from "../../lib/types/tax-classes"
import { Section } from "../common/section"
import { RowActions, TableHead, useConfirmedWrite } from "../common/table-parts"
import { ClassDrawer } from "./class-drawer"

/** One type's classes (customer or product): the default marked, create, edit and delete. */
export const ClassTable = ({
  type,
  classes,
  isPending,
}: {
  type: TaxClassType
  classes: AdminTaxClass[]
  isPending: boolean
}) => {
  const { t } = useTranslation()
  const confirmedWrite = useConfirmedWrite()
  const remove = useDeleteTaxClass()
  // The class being edited is a snapshot taken on click: a refetch must not reset the open form.
  const [drawer, setDrawer] = useState<{ open: boolean; taxClass?: AdminTaxClass }>({ open: false })

  const onDelete = (taxClass: AdminTaxClass) =>
    confirmedWrite({
      title: t("customerSuite.taxClasses.delete.title", { name: taxClass.name }),
      description: t("customerSuite.taxClasses.delete.description", { name: taxClass.name }),
      write: () => remove.mutateAsync(taxClass.id),
      done: t("customerSuite.taxClasses.delete.deleted", { name: taxClass.name }),
      failed: t("customerSuite.taxClasses.delete.failed", { name: taxClass.name }),
      // "id: 2 tax class rate(s) use this class; delete them first": the reason, without the field.
      reason: (error) => fieldErrorsOf(error).id ?? messageOf(error),
    })

  return (
    <Section
      testId={`tax-classes-${type}`}
      title={t(`customerSuite.taxClasses.types.${type}.title`)}
      hint={t(`customerSuite.taxClasses.types.${type}.hint`)}
      actions={
        <Button size="small" variant="secondary" onClick={() => setDrawer({ open: true })} data-testid={`tax-classes-${type}-create`}>
          <PlusMini />
          {t("customerSuite.common.create")}
        </Button>
      }
    >
      {isPending ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" aria-busy="true">
          {t("customerSuite.common.loading")}
        </Text>
      ) : classes.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {t(`customerSuite.taxClasses.types.${type}.empty`)}
        </Text>
      ) : (
        <Table>
          <TableHead
            labels={[t("customerSuite.taxClasses.fields.name"), t("customerSuite.taxClasses.fields.code"), t("customerSuite.taxClasses.fields.description")]}
          />
          <Table.Body>
            {classes.map((c) => (
              <Table.Row key={c.id} data-testid="tax-class-row" data-tax-class-id={c.id} data-code={c.code}>
                <Table.Cell>
                  <span className="flex items-center gap-x-2">
                    <span>{c.name}</span>
                    {c.is_default && (
                      <Badge size="2xsmall" color="blue" data-testid="tax-class-default">
                        {t("customerSuite.taxClasses.fields.default")}
                      </Badge>
                    )}
                  </span>
                </Table.Cell>
                <Table.Cell className="font-mono">{c.code}</Table.Cell>
                <Table.Cell className="text-ui-fg-subtle max-w-[24rem] truncate" title={c.description ?? undefined}>
                  {c.description || "—"}
                </Table.Cell>
                <RowActions
                  editLabel={t("customerSuite.taxClasses.editNamed", { name: c.name })}
                  deleteLabel={t("customerSuite.taxClasses.deleteNamed", { name: c.name })}
                  onEdit={() => setDrawer({ open: true, taxClass: c })}
                  onDelete={() => onDelete(c)}
                />
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <ClassDrawer
        type={type}
        taxClass={drawer.taxClass}
        open={drawer.open}
        onOpenChange={(open) => setDrawer((prev) => ({ ...prev, open }))}
      />
    </Section>
  )
}
