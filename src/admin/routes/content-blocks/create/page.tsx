import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { FormPage } from "../../../components/common/form-page"
import { TextCrumb } from "../../../components/common/query-state"
import { toast } from "../../../components/common/toast"
import { BlockForm } from "../../../components/content-blocks/block-form"
import { useCreateContentBlock } from "../../../hooks/api/content-blocks"

const CreateContentBlockPage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateContentBlock()
  return (
    <FormPage testId="content-block-create-page" title={t("customerSuite.contentBlocks.form.createTitle")} hint={t("customerSuite.contentBlocks.form.createHint")}>
      <BlockForm
        cancelTo="/content-blocks"
        submitting={create.isPending}
        onSubmit={async (input) => {
          const { content_block } = await create.mutateAsync(input)
          toast.success(t("customerSuite.contentBlocks.form.created", { name: content_block.name }))
          navigate(`/content-blocks/${content_block.id}`)
        }}
      />
    </FormPage>
  )
}

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.contentBlocks.form.createTitle" />,
}

export default CreateContentBlockPage
