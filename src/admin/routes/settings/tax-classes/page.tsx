import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ReceiptPercent } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { ClassTable } from "../../../components/tax-classes/class-table"
import { RateMatrix } from "../../../components/tax-classes/rate-matrix"
import { TAX_CLASS_TYPES, classesOfType, messageOf, useTaxClasses } from "../../../lib/tax-classes"

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
        <Heading level="h1">{t("customerSuite.taxClasses.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.taxClasses.subtitle")}
        </Text>
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
  breadcrumb: () => <Breadcrumb />,
}

const Breadcrumb = () => {
  const { t } = useTranslation()
  return <>{t("customerSuite.taxClasses.title")}</>
}

export default TaxClassesPage
