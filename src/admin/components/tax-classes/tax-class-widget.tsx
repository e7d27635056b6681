import { Badge, Button, Skeleton, Text } from "@medusajs/ui"
import { toast } from "../common/toast"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { classesOfType, useOwnerTaxClass, useSetOwnerTaxClass, useTaxClasses } from "../../hooks/api/tax-classes"
import { messageOf } from "../../lib/api"
import type { TaxClassOwner } from "../../lib/types/tax-classes"
import { OptionSelect, namedOptions } from "../common/option-select"
import { Section, SectionLink } from "../common/section"
import { readableMessage } from "../../lib/field-errors"

const DEFAULT = "__default__"

const statusOf = (error: unknown) =>
  error && typeof error === "object" && "status" in error && typeof error.status === "number" ? error.status : null

/**
 * A customer group's or a product's tax class: the linked class, or the
 * type's default when none is linked; pick another class or go back to the
 * default. Shared by the customer group and product widgets.
 */
export const TaxClassWidget = ({ owner, testId }: { owner: TaxClassOwner; testId: string }) => {
  const { t } = useTranslation()
  const type = owner.kind === "customer_group" ? "customer" : "product"
  const current = useOwnerTaxClass(owner)
  const classes = useTaxClasses()
  const set = useSetOwnerTaxClass(owner)
  const [choice, setChoice] = useState<string | null>(null)

  const options = classesOfType(classes.data, type)
  const fallback = options.find((c) => c.is_default)
  const linked = current.data?.tax_class ?? null
  const saved = linked?.id ?? DEFAULT
  const chosen = choice ?? saved

  const save = async () => {
    try {
      await set.mutateAsync(chosen === DEFAULT ? null : chosen)
      setChoice(null)
      toast.success(t("customerSuite.taxClasses.widget.saved"))
    } catch (error) {
      toast.error(t("customerSuite.taxClasses.widget.saveFailed"), { description: readableMessage(error) })
    }
  }

  const loading = current.isPending || classes.isPending
  const failed = current.isError || classes.isError
  // The merchant turned tax classes off: the plugin's routes answer 404, and the widget stays away.
  if (statusOf(classes.error) === 404) {
    return null
  }
  return (
    <Section
      testId={testId}
      title={t("customerSuite.taxClasses.widget.title")}
      hint={t(`customerSuite.taxClasses.widget.hint.${owner.kind}`)}
      actions={<SectionLink to="/settings/tax-classes">{t("customerSuite.taxClasses.widget.manage")}</SectionLink>}
    >
      {loading && !failed && (
        <div className="flex flex-col gap-y-2 px-6 py-4" aria-busy="true">
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-8 w-full" />
        </div>
      )}
      {failed && (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {t("customerSuite.common.loadError")} {messageOf(current.error ?? classes.error)}
        </Text>
      )}
      {!loading && !failed && (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <div className="flex flex-wrap items-center gap-2" data-testid={`${testId}-current`}>
            {linked ? (
              <>
                <Text size="small" weight="plus">
                  {linked.name}
                </Text>
                <Badge size="2xsmall" className="font-mono">
                  {linked.code}
                </Badge>
              </>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                {fallback
                  ? t("customerSuite.taxClasses.widget.defaultClass", { name: fallback.name })
                  : t("customerSuite.taxClasses.widget.noDefault")}
              </Text>
            )}
          </div>
          {options.length === 0 ? (
            <Text size="small" className="text-ui-fg-muted">
              {t(`customerSuite.taxClasses.types.${type}.empty`)}
            </Text>
          ) : (
            <div className="flex items-center gap-x-2">
              <OptionSelect
                size="small"
                label={t("customerSuite.taxClasses.widget.choose")}
                testId={`${testId}-select`}
                value={chosen}
                onValueChange={setChoice}
                disabled={set.isPending}
                options={[
                  { value: DEFAULT, label: fallback ? t("customerSuite.taxClasses.widget.useDefaultNamed", { name: fallback.name }) : t("customerSuite.taxClasses.widget.useDefault") },
                  // A linked class no longer listed (deleted meanwhile) stays selectable as it is.
                  ...(linked && !options.some((c) => c.id === linked.id) ? namedOptions([linked]) : []),
                  ...namedOptions(options),
                ]}
              />
              <Button
                size="small"
                variant="secondary"
                onClick={save}
                disabled={chosen === saved}
                isLoading={set.isPending}
                data-testid={`${testId}-save`}
              >
                {t("customerSuite.common.save")}
              </Button>
            </div>
          )}
        </div>
      )}
    </Section>
  )
}
