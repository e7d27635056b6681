import { Heading, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useNavigate, useParams } from "react-router-dom"
import { Loaded, TextCrumb } from "../../../../components/common/query-state"
import { SegmentForm } from "../../../../components/segments/segment-form"
import { useSegment, useUpdateSegment } from "../../../../lib/segments"

const EditSegmentPage = () => {
  const { t } = useTranslation()
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const query = useSegment(id)
  const update = useUpdateSegment(id)
  return (
    <Loaded query={query} variant="form">
      {({ customer_segment: segment }) => (
        <div className="flex flex-col gap-y-3" data-testid="segment-edit-page">
          <Heading level="h1" className="px-1">
            {t("customerSuite.segments.form.editTitle", { name: segment.name })}
          </Heading>
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
        </div>
      )}
    </Loaded>
  )
}

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.common.edit" />,
}

export default EditSegmentPage
