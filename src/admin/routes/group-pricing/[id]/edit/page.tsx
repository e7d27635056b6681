import { toast } from "../../../../components/common/toast"
import { useTranslation } from "react-i18next"
import { useNavigate, useParams } from "react-router-dom"
import { FormPage } from "../../../../components/common/form-page"
import { Loaded, TextCrumb } from "../../../../components/common/query-state"
import { RuleForm } from "../../../../components/group-pricing/rule-form"
import { useGroupPriceRule, useUpdateGroupPriceRule } from "../../../../hooks/api/group-pricing"

const EditGroupPriceRulePage = () => {
  const { t } = useTranslation()
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const update = useUpdateGroupPriceRule(id)
  return (
    <Loaded query={useGroupPriceRule(id)} variant="form">
      {({ group_price_rule: rule }) => (
        <FormPage testId="group-pricing-edit-page" title={t("customerSuite.groupPricing.form.editTitle", { name: rule.name })}>
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
        </FormPage>
      )}
    </Loaded>
  )
}

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.common.edit" />,
}

export default EditGroupPriceRulePage
