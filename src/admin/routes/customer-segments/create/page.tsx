import { Heading, Text, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { SegmentForm } from "../../../components/segments/segment-form"
import { useCreateSegment } from "../../../lib/segments"

const CreateSegmentPage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateSegment()
  return (
    <div className="flex flex-col gap-y-3" data-testid="segment-create-page">
      <div className="px-1">
        <Heading level="h1">{t("customerSuite.segments.form.createTitle")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.segments.form.createHint")}
        </Text>
      </div>
      <SegmentForm
        cancelTo="/customer-segments"
        submitting={create.isPending}
        onSubmit={async (input) => {
          const { customer_segment } = await create.mutateAsync(input)
          toast.success(t("customerSuite.segments.form.created", { name: customer_segment.name }))
          navigate(`/customer-segments/${customer_segment.id}`)
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
  return <>{t("customerSuite.segments.form.createTitle")}</>
}

export default CreateSegmentPage
