import { ASSISTANCE_SESSION_FIELDS } from "../../utils/assistance"

/** A session's fields, never its code hash (the routes take no `fields`: the presenter needs them all). */
export const defaultAdminAssistanceSessionFields = [...ASSISTANCE_SESSION_FIELDS]

/** Lists answer newest first. */
export const defaultAdminAssistanceSessionOrder = { created_at: "DESC", id: "DESC" } as const

export const retrieveAssistanceSessionQueryConfig = {
  defaults: defaultAdminAssistanceSessionFields,
  isList: false,
}

export const listAssistanceSessionsQueryConfig = {
  ...retrieveAssistanceSessionQueryConfig,
  defaultLimit: 50,
  isList: true,
}
