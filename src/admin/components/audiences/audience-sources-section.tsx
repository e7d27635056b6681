import { ArrowPath, PlusMini, Trash } from "@medusajs/icons"
import { Badge, Button, Container, Copy, Drawer, Input, Label, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useAudienceSources, useCreateAudienceSource, useDeleteAudienceSource, useRotateAudienceSecret } from "../../hooks/api/audiences"
import { formatDateTime } from "../../lib/format"
import { readableMessage } from "../../lib/field-errors"
import type { AdminAudienceSource } from "../../../types/http"
import { SectionStatus, TitleBlock } from "../common/query-state"
import { useConfirmDelete, useConfirmedWrite } from "../common/table-parts"
import { toast } from "../common/toast"

type Revealed = { name: string; secret: string; rotated: boolean }

/**
 * The sources that push audiences: each one's secret hint, last batch and
 * last refused batch; create (the secret is shown once), rotate, delete.
 */
export const AudienceSourcesSection = () => {
  const { t } = useTranslation()
  const { data, isPending, isError } = useAudienceSources({ limit: 100, offset: 0 })
  const [revealed, setRevealed] = useState<Revealed | null>(null)
  const rotate = useRotateAudienceSecret()
  const remove = useDeleteAudienceSource()
  const confirm = useConfirmDelete()
  const confirmed = useConfirmedWrite()
  const sources = data?.audience_sources ?? []

  const onRotate = async (source: AdminAudienceSource) => {
    const ok = await confirm(
      t("customerSuite.audiences.sources.rotateTitle", { name: source.name }),
      t("customerSuite.audiences.sources.rotateDescription"),
      t("customerSuite.audiences.sources.rotate")
    )
    if (!ok) {
      return
    }
    try {
      const { secret } = await rotate.mutateAsync(source.id)
      setRevealed({ name: source.name, secret, rotated: true })
    } catch (error) {
      toast.error(t("customerSuite.audiences.sources.rotateFailed"), { description: readableMessage(error) })
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="audience-sources">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <TitleBlock level="h2" title={t("customerSuite.audiences.sources.title")} hint={t("customerSuite.audiences.sources.hint")} />
        <CreateSource onCreated={(name, secret) => setRevealed({ name, secret, rotated: false })} />
      </div>
      <SectionStatus isPending={isPending} isError={isError} isEmpty={!isPending && !isError && sources.length === 0} empty={t("customerSuite.audiences.sources.empty")} />
      {sources.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("customerSuite.audiences.fields.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.audiences.fields.sourceId")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.audiences.fields.secret")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.audiences.fields.lastBatch")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.audiences.fields.lastError")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {sources.map((source) => (
              <Table.Row key={source.id} data-testid="audience-source-row">
                <Table.Cell>
                  <span className="font-medium">{source.name}</span>
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {t("customerSuite.audiences.sources.audienceCount", { count: source.audience_count })}
                  </Text>
                </Table.Cell>
                <Table.Cell>
                  <span className="flex items-center gap-x-1">
                    <code className="txt-compact-xsmall font-mono">{source.id}</code>
                    <Copy content={source.id} />
                  </span>
                </Table.Cell>
                <Table.Cell>
                  <code className="txt-compact-xsmall font-mono">{source.secret_hint}</code>
                  {source.previous_secret_expires_at && (
                    <Text size="xsmall" className="text-ui-fg-muted">
                      {t("customerSuite.audiences.sources.graceUntil", { date: formatDateTime(source.previous_secret_expires_at) })}
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell>{source.last_batch_at ? formatDateTime(source.last_batch_at) : <span className="text-ui-fg-muted">{t("customerSuite.audiences.never")}</span>}</Table.Cell>
                <Table.Cell className="max-w-[320px]">
                  {source.last_error ? (
                    <span className="flex flex-col" data-testid="audience-source-error">
                      <Badge size="2xsmall" color="red" className="w-fit">
                        {formatDateTime(source.last_error_at)}
                      </Badge>
                      <Text size="xsmall" className="text-ui-fg-subtle whitespace-normal break-words">
                        {source.last_error}
                      </Text>
                    </span>
                  ) : (
                    <span className="text-ui-fg-muted">—</span>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <span className="flex justify-end gap-x-1">
                    <Button size="small" variant="secondary" onClick={() => onRotate(source)} data-testid="audience-source-rotate">
                      <ArrowPath />
                      {t("customerSuite.audiences.sources.rotate")}
                    </Button>
                    <Button
                      size="small"
                      variant="transparent"
                      aria-label={t("customerSuite.common.delete")}
                      onClick={() =>
                        confirmed({
                          title: t("customerSuite.audiences.sources.deleteTitle", { name: source.name }),
                          description: t("customerSuite.audiences.sources.deleteDescription"),
                          write: () => remove.mutateAsync(source.id),
                          done: t("customerSuite.audiences.sources.deleted", { name: source.name }),
                          failed: t("customerSuite.audiences.sources.deleteFailed"),
                        })
                      }
                    >
                      <Trash />
                    </Button>
                  </span>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <SecretDrawer revealed={revealed} onClose={() => setRevealed(null)} />
    </Container>
  )
}

/** A drawer asking for the new source's name. */
const CreateSource = ({ onCreated }: { onCreated: (name: string, secret: string) => void }) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState("")
  const [error, setError] = useState<string | null>(null)
  const create = useCreateAudienceSource()
  const submit = async () => {
    setError(null)
    try {
      const { audience_source, secret } = await create.mutateAsync({ name })
      setOpen(false)
      setName("")
      onCreated(audience_source.name, secret)
    } catch (e) {
      setError(readableMessage(e))
    }
  }
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="audience-source-create">
          <PlusMini />
          {t("customerSuite.audiences.sources.create")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("customerSuite.audiences.sources.createTitle")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-2">
          <Label htmlFor="audience-source-name">{t("customerSuite.audiences.fields.name")}</Label>
          <Input
            id="audience-source-name"
            autoFocus
            value={name}
            maxLength={255}
            onChange={(e) => setName(e.target.value)}
            placeholder={t("customerSuite.audiences.sources.namePlaceholder")}
            aria-invalid={Boolean(error)}
          />
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {error}
            </Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("customerSuite.common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} disabled={!name.trim()} isLoading={create.isPending} data-testid="audience-source-save">
            {t("customerSuite.common.create")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** The secret, once: copy it now, it is never shown again. */
const SecretDrawer = ({ revealed, onClose }: { revealed: Revealed | null; onClose: () => void }) => {
  const { t } = useTranslation()
  return (
    <Drawer open={revealed !== null} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>
            {revealed?.rotated
              ? t("customerSuite.audiences.secret.rotatedTitle", { name: revealed.name })
              : t("customerSuite.audiences.secret.createdTitle", { name: revealed?.name ?? "" })}
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3">
          <Text size="small">{t("customerSuite.audiences.secret.once")}</Text>
          <div className="bg-ui-bg-subtle flex items-center justify-between gap-x-2 rounded-md border px-3 py-2">
            <code className="txt-compact-small break-all font-mono" data-testid="audience-source-secret">
              {revealed?.secret}
            </code>
            <Copy content={revealed?.secret ?? ""} />
          </div>
          {revealed?.rotated && (
            <Text size="small" className="text-ui-fg-subtle">
              {t("customerSuite.audiences.secret.grace")}
            </Text>
          )}
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerSuite.audiences.secret.howToSign")}
          </Text>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" data-testid="audience-source-secret-done">
              {t("customerSuite.audiences.secret.done")}
            </Button>
          </Drawer.Close>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
