import { useTranslation } from "react-i18next"
import { useNavigate, useParams } from "react-router-dom"
import { FormPage } from "../../../../components/common/form-page"
import { Loaded, TextCrumb } from "../../../../components/common/query-state"
import { toast } from "../../../../components/common/toast"
import { BlockForm } from "../../../../components/content-blocks/block-form"
import { useContentBlock, useUpdateContentBlock } from "../../../../hooks/api/content-blocks"

const EditContentBlockPage = () => {
  const { t } = useTranslation()
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const update = useUpdateContentBlock(id)
  return (
    <Loaded query={useContentBlock(id)} variant="form">
      {({ content_block: block }) => (
        <FormPage testId="content-block-edit-page" title={t("customerSuite.contentBlocks.form.editTitle", { name: block.name })}>
          <BlockForm
            key={block.id}
            block={block}
            cancelTo={`/content-blocks/${block.id}`}
            submitting={update.isPending}
            onSubmit={async (input) => {
              await update.mutateAsync(input)
              toast.success(t("customerSuite.contentBlocks.form.saved"))
              navigate(`/content-blocks/${block.id}`)
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

export default EditContentBlockPage
