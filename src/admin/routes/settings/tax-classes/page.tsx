import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ReceiptPercent } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { TextCrumb, TitleBlock } from "../../../components/common/query-state"
import { ClassTable } from "../../../components/tax-classes/class-table"
import { RateMatrix } from "../../../components/tax-classes/rate-matrix"
import { classesOfType, useTaxClasses } from "../../../hooks/api/tax-classes"
import { messageOf } from "../../../lib/api"
import { TAX_CLASS_TYPES } from "../../../lib/types/tax-classes"

/**
 * Settings → Tax classes: customer classes (for customer groups), product
 * classes (for products), and the matrix of rates for each pair by country.
 */
const TaxClassesPage = () => {
  const { t } = useTranslation()
  const { data, isPending, isError, error } = useTaxClasses()

  return (
    <div className="flex flex-col gap-y-3" data-testid="tax-classes-page">
      <Container className="px-6 py-4">
        <TitleBlock level="h1" title={t("customerSuite.taxClasses.title")} hint={t("customerSuite.taxClasses.subtitle")} />
      </Container>
      {isError ? (
        <Container className="px-6 py-4" role="alert">
          <Text size="small" className="text-ui-fg-error">
            {t("customerSuite.common.loadError")} {messageOf(error)}
          </Text>
        </Container>
      ) : (
        <>
          {TAX_CLASS_TYPES.map((type) => (
            <ClassTable key={type} type={type} classes={classesOfType(data, type)} isPending={isPending} />
          ))}
          {data && <RateMatrix customerClasses={classesOfType(data, "customer")} productClasses={classesOfType(data, "product")} />}
        </>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "customerSuite.taxClasses.nav",
  translationNs: "translation",
  icon: ReceiptPercent,
})

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.taxClasses.title" />,
}

export default TaxClassesPage
