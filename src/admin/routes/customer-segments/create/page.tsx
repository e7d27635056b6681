import { toast } from "../../../components/common/toast"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { FormPage } from "../../../components/common/form-page"
import { TextCrumb } from "../../../components/common/query-state"
import { SegmentForm } from "../../../components/segments/segment-form"
import { useCreateSegment } from "../../../hooks/api/segments"

const CreateSegmentPage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateSegment()
  return (
    <FormPage testId="segment-create-page" title={t("customerSuite.segments.form.createTitle")} hint={t("customerSuite.segments.form.createHint")}>
      <SegmentForm
        cancelTo="/customer-segments"
        submitting={create.isPending}
        onSubmit={async (input) => {
          const { customer_segment } = await create.mutateAsync(input)
          toast.success(t("customerSuite.segments.form.created", { name: customer_segment.name }))
          navigate(`/customer-segments/${customer_segment.id}`)
        }}
      />
    </FormPage>
  )
}

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.segments.form.createTitle" />,
}

export default CreateSegmentPage
