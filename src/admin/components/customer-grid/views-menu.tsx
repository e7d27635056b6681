import { Bookmarks, StarSolid } from "@medusajs/icons"
import { Badge, Button, Checkbox, DropdownMenu, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useCreateGridView, useDeleteGridView, useGridViews, useSetDefaultGridView, useUpdateGridView } from "../../hooks/api/customer-grid"
import { readableMessage } from "../../lib/field-errors"
import type { CustomerGridColumn, CustomerGridFilters, CustomerGridSort, CustomerGridView } from "../../../types/http/customer-grid"
import { DrawerForm } from "../common/drawer-form"
import { useConfirmDelete } from "../common/table-parts"
import { toast } from "../common/toast"

type GridState = { filters: CustomerGridFilters; columns: CustomerGridColumn[]; sort: CustomerGridSort | null }

/** "Save view": a name and whether other staff see it; stores the grid's filters, columns and sort. */
const SaveViewDrawer = ({ open, onOpenChange, state, onSaved }: { open: boolean; onOpenChange: (open: boolean) => void; state: GridState; onSaved: (view: CustomerGridView) => void }) => {
  const { t } = useTranslation()
  const create = useCreateGridView()
  const [name, setName] = useState("")
  const [shared, setShared] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const save = async () => {
    setError(null)
    try {
      const { view } = await create.mutateAsync({ name: name.trim(), shared, ...state })
      toast.success(t("customerSuite.customerGrid.views.saved", { name: view.name }))
      onSaved(view)
      onOpenChange(false)
      setName("")
      setShared(false)
    } catch (e) {
      setError(readableMessage(e))
    }
  }
  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      testId="customer-grid-save-view"
      saveTestId="customer-grid-view-save"
      title={t("customerSuite.customerGrid.views.saveTitle")}
      description={t("customerSuite.customerGrid.views.saveHint")}
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
      saving={create.isPending}
      error={error ?? undefined}
    >
      <Text size="small" className="text-ui-fg-subtle">
        {t("customerSuite.customerGrid.views.saveHint")}
      </Text>
      <div className="flex flex-col gap-y-1">
        <Label size="small" weight="plus" htmlFor="customer-grid-view-name">
          {t("customerSuite.customerGrid.views.name")}
        </Label>
        <Input id="customer-grid-view-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!error} data-testid="customer-grid-view-name" />
      </div>
      <div className="flex items-center gap-x-2">
        <Checkbox id="customer-grid-view-shared" checked={shared} onCheckedChange={(v) => setShared(v === true)} data-testid="customer-grid-view-shared" />
        <Label size="small" htmlFor="customer-grid-view-shared">
          {t("customerSuite.customerGrid.views.sharedLabel")}
        </Label>
      </div>
    </DrawerForm>
  )
}

/**
 * The view menu: the user's views and the shared ones (marked), the default
 * starred; choosing one applies it. Save the grid as a new view; update or
 * delete the chosen one when it is the user's; make it the user's default.
 */
export const ViewsMenu = ({ activeId, state, onApply }: { activeId: string | null; state: GridState; onApply: (view: CustomerGridView | null) => void }) => {
  const { t } = useTranslation()
  const views = useGridViews()
  const update = useUpdateGridView()
  const remove = useDeleteGridView()
  const setDefault = useSetDefaultGridView()
  const confirm = useConfirmDelete()
  const [saving, setSaving] = useState(false)
  const list = views.data?.views ?? []
  const defaultId = views.data?.default_view_id ?? null
  const active = list.find((v) => v.id === activeId) ?? null

  const run = async (write: () => Promise<unknown>, done: string) => {
    try {
      await write()
      toast.success(done)
    } catch (e) {
      toast.error(t("customerSuite.customerGrid.views.failed"), { description: readableMessage(e) })
    }
  }

  return (
    <>
      {/* Not modal: an item opens a drawer or a prompt, which must not inherit the menu's blocked page. */}
      <DropdownMenu modal={false}>
        <DropdownMenu.Trigger asChild>
          <Button size="small" variant="secondary" data-testid="customer-grid-views" data-active-view={active?.id ?? ""}>
            <Bookmarks />
            {active ? active.name : t("customerSuite.customerGrid.views.menu")}
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end" className="min-w-[260px]">
          <DropdownMenu.Label>{t("customerSuite.customerGrid.views.menu")}</DropdownMenu.Label>
          {views.isPending && <DropdownMenu.Item disabled>{t("customerSuite.common.loading")}</DropdownMenu.Item>}
          {views.isError && <DropdownMenu.Item disabled>{t("customerSuite.common.loadError")}</DropdownMenu.Item>}
          {views.isSuccess && list.length === 0 && <DropdownMenu.Item disabled>{t("customerSuite.customerGrid.views.none")}</DropdownMenu.Item>}
          {list.map((view) => (
            <DropdownMenu.Item key={view.id} onSelect={() => onApply(view)} className="flex items-center gap-x-2" data-testid="customer-grid-view-option" data-view-id={view.id}>
              <span className="flex-1 truncate">{view.name}</span>
              {view.id === defaultId && <StarSolid className="text-ui-fg-muted" aria-label={t("customerSuite.customerGrid.views.default")} />}
              {view.shared && (
                <Badge size="2xsmall" color={view.editable ? "blue" : "purple"}>
                  {view.editable ? t("customerSuite.customerGrid.views.sharedByYou") : t("customerSuite.customerGrid.views.shared")}
                </Badge>
              )}
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator />
          <DropdownMenu.Item onSelect={() => setSaving(true)} data-testid="customer-grid-view-save-new">
            {t("customerSuite.customerGrid.views.saveNew")}
          </DropdownMenu.Item>
          {active?.editable && (
            <DropdownMenu.Item
              onSelect={() => run(() => update.mutateAsync({ id: active.id, ...state }), t("customerSuite.customerGrid.views.updated", { name: active.name }))}
              data-testid="customer-grid-view-update"
            >
              {t("customerSuite.customerGrid.views.update", { name: active.name })}
            </DropdownMenu.Item>
          )}
          {active?.editable && (
            <DropdownMenu.Item
              onSelect={() =>
                run(() => update.mutateAsync({ id: active.id, shared: !active.shared }), t("customerSuite.customerGrid.views.updated", { name: active.name }))
              }
              data-testid="customer-grid-view-toggle-shared"
            >
              {active.shared ? t("customerSuite.customerGrid.views.unshare") : t("customerSuite.customerGrid.views.share")}
            </DropdownMenu.Item>
          )}
          {active && (
            <DropdownMenu.Item
              onSelect={() =>
                run(
                  () => setDefault.mutateAsync({ view_id: active.id === defaultId ? null : active.id }),
                  active.id === defaultId ? t("customerSuite.customerGrid.views.defaultCleared") : t("customerSuite.customerGrid.views.defaultSet", { name: active.name })
                )
              }
              data-testid="customer-grid-view-default"
            >
              {active.id === defaultId ? t("customerSuite.customerGrid.views.clearDefault") : t("customerSuite.customerGrid.views.setDefault")}
            </DropdownMenu.Item>
          )}
          {active?.editable && (
            <DropdownMenu.Item
              onSelect={async () => {
                if (await confirm(t("customerSuite.customerGrid.views.deleteTitle"), t("customerSuite.customerGrid.views.deleteDescription", { name: active.name }))) {
                  await run(() => remove.mutateAsync(active.id), t("customerSuite.customerGrid.views.deleted", { name: active.name }))
                  onApply(null)
                }
              }}
              className="text-ui-fg-error"
              data-testid="customer-grid-view-delete"
            >
              {t("customerSuite.customerGrid.views.delete")}
            </DropdownMenu.Item>
          )}
          {active && (
            <DropdownMenu.Item onSelect={() => onApply(null)} data-testid="customer-grid-view-clear">
              {t("customerSuite.customerGrid.views.clear")}
            </DropdownMenu.Item>
          )}
        </DropdownMenu.Content>
      </DropdownMenu>
      <SaveViewDrawer open={saving} onOpenChange={setSaving} state={state} onSaved={onApply} />
    </>
  )
}
