import { Heading, Skeleton, Text, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useNavigate, useParams } from "react-router-dom"
import { SegmentForm } from "../../../../components/segments/segment-form"
import { useSegment, useUpdateSegment } from "../../../../lib/segments"

const EditSegmentPage = () => {
  const { t } = useTranslation()
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const { data, isPending, isError, error } = useSegment(id)
  const update = useUpdateSegment(id)
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
  const segment = data.customer_segment
  return (
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
  )
}

export const handle = {
  breadcrumb: () => <Crumb />,
}

const Crumb = () => {
  const { t } = useTranslation()
  return <>{t("customerSuite.common.edit")}</>
}

export default EditSegmentPage
