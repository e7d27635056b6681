import { Heading, Skeleton, Text, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useNavigate, useParams } from "react-router-dom"
import { RuleForm } from "../../../../components/group-pricing/rule-form"
import { useGroupPriceRule, useUpdateGroupPriceRule } from "../../../../lib/group-pricing"

const EditGroupPriceRulePage = () => {
  const { t } = useTranslation()
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const { data, isPending, isError, error } = useGroupPriceRule(id)
  const update = useUpdateGroupPriceRule(id)
  if (isPending) {
    return <Skeleton className="h-64 w-full" aria-busy="true" />
  }
  if (isError) {
    return (
      <Text size="small" className="text-ui-fg-error" role="alert">
        {t("customerSuite.common.loadError")} {error instanceof Error ? error.message : ""}
      </Text>
    )
  }
  const rule = data.group_price_rule
  return (
    <div className="flex flex-col gap-y-3" data-testid="group-pricing-edit-page">
      <Heading level="h1" className="px-1">
        {t("customerSuite.groupPricing.form.editTitle", { name: rule.name })}
      </Heading>
      <RuleForm
        key={rule.id}
        rule={rule}
        cancelTo={`/group-pricing/${rule.id}`}
        submitting={update.isPending}
        onSubmit={async (input) => {
          await update.mutateAsync(input)
          toast.success(t("customerSuite.groupPricing.form.saved"))
          navigate(`/group-pricing/${rule.id}`)
        }}
      />
    </div>
  )
}

export const handle = {
  breadcrumb: () => <Crumb />,
}

const Crumb = () => {
  const { t } = useTranslation()
  return <>{t("customerSuite.common.edit")}</>
}

export default EditGroupPriceRulePage
