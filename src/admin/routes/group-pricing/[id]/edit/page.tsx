import { Heading, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useNavigate, useParams } from "react-router-dom"
import { Loaded, TextCrumb } from "../../../../components/common/query-state"
import { RuleForm } from "../../../../components/group-pricing/rule-form"
import { useGroupPriceRule, useUpdateGroupPriceRule } from "../../../../lib/group-pricing"

const EditGroupPriceRulePage = () => {
  const { t } = useTranslation()
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const query = useGroupPriceRule(id)
  const update = useUpdateGroupPriceRule(id)
  return (
    <Loaded query={query} variant="form">
      {({ group_price_rule: rule }) => (
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
      )}
    </Loaded>
  )
}

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.common.edit" />,
}

export default EditGroupPriceRulePage
