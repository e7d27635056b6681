import { toast } from "../../../../components/common/toast"
import { useTranslation } from "react-i18next"
import { useNavigate, useParams } from "react-router-dom"
import { FormPage } from "../../../../components/common/form-page"
import { Loaded, TextCrumb } from "../../../../components/common/query-state"
import { SegmentForm } from "../../../../components/segments/segment-form"
import { useSegment, useUpdateSegment } from "../../../../hooks/api/segments"

const EditSegmentPage = () => {
  const { t } = useTranslation()
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const update = useUpdateSegment(id)
  return (
    <Loaded query={useSegment(id)} variant="form">
      {({ customer_segment: segment }) => (
        <FormPage testId="segment-edit-page" title={t("customerSuite.segments.form.editTitle", { name: segment.name })}>
          <SegmentForm
            key={segment.id}
            segment={segment}
            cancelTo={`/customer-segments/${segment.id}`}
            submitting={update.isPending}
            onSubmit={async (input) => {
              await update.mutateAsync(input)
              toast.success(t("customerSuite.segments.form.saved"))
              navigate(`/customer-segments/${segment.id}`)
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

export default EditSegmentPage
