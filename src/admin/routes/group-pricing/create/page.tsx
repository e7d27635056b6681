import { toast } from "../../../components/common/toast"
import { useTranslation } from "react-i18next"
import { useNavigate, useSearchParams } from "react-router-dom"
import { FormPage } from "../../../components/common/form-page"
import { TextCrumb } from "../../../components/common/query-state"
import { RuleForm } from "../../../components/group-pricing/rule-form"
import { useCreateGroupPriceRule } from "../../../hooks/api/group-pricing"

/** `?customer_group_id=` pre-fills the group (the customer group page's "Create rule"). */
const CreateGroupPriceRulePage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const groupId = useSearchParams()[0].get("customer_group_id") ?? ""
  const create = useCreateGroupPriceRule()
  return (
    <FormPage testId="group-pricing-create-page" title={t("customerSuite.groupPricing.form.createTitle")} hint={t("customerSuite.groupPricing.form.createHint")}>
      <RuleForm
        initialGroupId={/^[A-Za-z0-9_-]{1,100}$/.test(groupId) ? groupId : undefined}
        cancelTo="/group-pricing"
        submitting={create.isPending}
        onSubmit={async (input) => {
          const { group_price_rule } = await create.mutateAsync(input)
          toast.success(t("customerSuite.groupPricing.form.created", { name: group_price_rule.name }))
          navigate(`/group-pricing/${group_price_rule.id}`)
        }}
      />
    </FormPage>
  )
}

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.groupPricing.form.createTitle" />,
}

export default CreateGroupPriceRulePage
