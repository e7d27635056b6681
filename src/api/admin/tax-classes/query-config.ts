export const defaultAdminTaxClassFields = [
  "id",
  "type",
  "name",
  "code",
  "description",
  "is_default",
  "metadata",
  "created_at",
  "updated_at",
  "deleted_at",
]

/** Lists answer by type, then name, unless `order` says otherwise. */
export const defaultAdminTaxClassOrder = { type: "ASC", name: "ASC" } as const

export const retrieveTaxClassQueryConfig = {
  defaults: defaultAdminTaxClassFields,
  isList: false,
}

export const listTaxClassesQueryConfig = {
  ...retrieveTaxClassQueryConfig,
  defaultLimit: 50,
  isList: true,
}
