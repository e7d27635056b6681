import { toast as uiToast } from "@medusajs/ui"

/**
 * The admin's toasts, always at the top centre of the window. The
 * dashboard's Toaster puts a toast at the bottom right when it has a
 * description and at the top right otherwise: there they cover the Save and
 * Cancel buttons of forms and drawers, or the Export / Edit / Delete buttons
 * of a page's header. The top centre is above the page's title row, between
 * its title and its buttons.
 */
type Props = Parameters<typeof uiToast.success>[1]
const POSITION = "top-center" as const
const at = (props?: Props) => ({ ...props, position: POSITION })

export const toast = {
  success: (title: string, props?: Props) => uiToast.success(title, at(props)),
  error: (title: string, props?: Props) => uiToast.error(title, at(props)),
  info: (title: string, props?: Props) => uiToast.info(title, at(props)),
  warning: (title: string, props?: Props) => uiToast.warning(title, at(props)),
  dismiss: (id?: string | number) => uiToast.dismiss(id),
}
