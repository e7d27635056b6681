export const defaultAdminTaxClassRateFields = [
  "id",
  "customer_class_id",
  "product_class_id",
  "country_code",
  "province_code",
  "rate",
  "is_exempt",
  "code",
  "name",
  "created_at",
  "updated_at",
  "deleted_at",
]

/** Lists answer by country, then province, unless `order` says otherwise. */
export const defaultAdminTaxClassRateOrder = { country_code: "ASC", province_code: "ASC" } as const

export const retrieveTaxClassRateQueryConfig = {
  defaults: defaultAdminTaxClassRateFields,
  isList: false,
}

export const listTaxClassRatesQueryConfig = {
  ...retrieveTaxClassRateQueryConfig,
  defaultLimit: 200,
  isList: true,
}
