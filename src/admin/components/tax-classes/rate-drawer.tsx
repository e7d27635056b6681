import { Select, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import type { FieldErrors } from "../../lib/rule-model"
import {
  fieldErrors,
  messageOf,
  parseRate,
  useCreateTaxClassRate,
  useUpdateTaxClassRate,
  type TaxClass,
  type TaxClassRate,
} from "../../lib/tax-classes"
import { CountryPicker } from "./country-picker"
import { DrawerForm, Field, FormError, SwitchField, TextField, byField } from "./field"
import { NamedItems } from "../common/named-items"

const FIELDS = ["customer_class_id", "product_class_id", "country_code", "province_code", "rate", "is_exempt", "code", "name"] as const

/**
 * Add or edit a matrix row: the two classes and the place (country, optionally
 * a province), then a rate or "exempt", and the code and name shown on tax
 * lines. An existing row keeps its classes and place (delete it to move it).
 * Ranges and formats are the API's to check: its messages appear by their field.
 */
export const RateDrawer = ({
  row,
  customerClasses,
  productClasses,
  open,
  onOpenChange,
}: {
  /** Edit this row; add one when absent. */
  row?: TaxClassRate
  customerClasses: TaxClass[]
  productClasses: TaxClass[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useTranslation()
  const create = useCreateTaxClassRate()
  const update = useUpdateTaxClassRate()
  const [customerClassId, setCustomerClassId] = useState("")
  const [productClassId, setProductClassId] = useState("")
  const [country, setCountry] = useState<string | null>(null)
  const [province, setProvince] = useState("")
  const [rate, setRate] = useState("")
  const [exempt, setExempt] = useState(false)
  const [code, setCode] = useState("")
  const [name, setName] = useState("")
  const [errors, setErrors] = useState<FieldErrors>({})

  useEffect(() => {
    if (open) {
      setCustomerClassId(row?.customer_class_id ?? "")
      setProductClassId(row?.product_class_id ?? "")
      setCountry(row?.country_code ?? null)
      setProvince(row?.province_code ?? "")
      setRate(row?.rate === null || row?.rate === undefined ? "" : String(row.rate))
      setExempt(row?.is_exempt ?? false)
      setCode(row?.code ?? "")
      setName(row?.name ?? "")
      setErrors({})
    }
  }, [open, row])

  // A field's error goes once the field changes.
  const clear = (...fields: string[]) =>
    setErrors((prev) => (fields.some((f) => f in prev) ? Object.fromEntries(Object.entries(prev).filter(([f]) => !fields.includes(f))) : prev))

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    const parsed = parseRate(rate)
    if (!exempt && rate.trim() && parsed === null) {
      setErrors({ rate: t("customerSuite.taxClasses.matrix.rateNotNumber") })
      return
    }
    setErrors({})
    const details = {
      rate: exempt ? null : parsed,
      is_exempt: exempt,
      code: code.trim() || null,
      name: name.trim() || null,
    }
    try {
      if (row) {
        await update.mutateAsync({ id: row.id, ...details })
        toast.success(t("customerSuite.taxClasses.matrix.saved"))
      } else {
        await create.mutateAsync({
          customer_class_id: customerClassId,
          product_class_id: productClassId,
          country_code: country ?? "",
          province_code: province.trim() || null,
          ...details,
        })
        toast.success(t("customerSuite.taxClasses.matrix.created"))
      }
      onOpenChange(false)
    } catch (error) {
      setErrors(fieldErrors(error))
      toast.error(t("customerSuite.taxClasses.matrix.saveFailed"), { description: messageOf(error) })
    }
  }

  // With "exempt" on the rate field is hidden: an error about the rate goes under the form.
  const shown = byField(errors, exempt ? FIELDS.filter((f) => f !== "rate") : FIELDS)
  const fixed = !!row
  const classSelect = (field: "customer_class_id" | "product_class_id", value: string, set: (v: string) => void, options: TaxClass[]) => (
    <Select
      value={value || undefined}
      onValueChange={(v) => {
        set(v)
        clear(field)
      }}
      disabled={fixed}
    >
      <Select.Trigger id={`tax-rate-${field}`} aria-invalid={!!shown.field(field)} data-testid={`tax-rate-${field}`}>
        <Select.Value placeholder={t("customerSuite.taxClasses.matrix.chooseClass")} />
      </Select.Trigger>
      <Select.Content>
        <NamedItems items={options} />
      </Select.Content>
    </Select>
  )

  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      testId="tax-rate-drawer"
      saveTestId="tax-rate-save"
      title={t(row ? "customerSuite.taxClasses.matrix.editTitle" : "customerSuite.taxClasses.matrix.addTitle")}
      description={t("customerSuite.taxClasses.matrix.subtitle")}
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      {fixed && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.taxClasses.matrix.cellFixed")}
        </Text>
      )}
      <Field
        name="customer_class_id"
        htmlFor="tax-rate-customer_class_id"
        label={t("customerSuite.taxClasses.matrix.fields.customerClass")}
        error={shown.field("customer_class_id")}
      >
        {classSelect("customer_class_id", customerClassId, setCustomerClassId, customerClasses)}
      </Field>
      <Field
        name="product_class_id"
        htmlFor="tax-rate-product_class_id"
        label={t("customerSuite.taxClasses.matrix.fields.productClass")}
        error={shown.field("product_class_id")}
      >
        {classSelect("product_class_id", productClassId, setProductClassId, productClasses)}
      </Field>
      <div className="grid grid-cols-2 gap-x-3">
        <Field name="country_code" htmlFor="tax-rate-country" label={t("customerSuite.taxClasses.matrix.fields.country")} error={shown.field("country_code")}>
          <CountryPicker
            id="tax-rate-country"
            value={country}
            onChange={(c) => {
              setCountry(c)
              clear("country_code", "province_code")
            }}
            placeholder={t("customerSuite.taxClasses.matrix.chooseCountry")}
            invalid={!!shown.field("country_code")}
            disabled={fixed}
            testId="tax-rate-country"
          />
        </Field>
        <TextField
          name="province_code"
          id="tax-rate-province"
          label={t("customerSuite.taxClasses.matrix.fields.province")}
          optional={t("customerSuite.common.optional")}
          error={shown.field("province_code")}
          className="font-mono"
          value={province}
          maxLength={10}
          disabled={fixed}
          placeholder={country ? `${country}-…` : "us-ca"}
          onChange={(value) => {
            setProvince(value)
            clear("province_code")
          }}
        />
      </div>
      <Text size="xsmall" className="text-ui-fg-muted -mt-2">
        {t("customerSuite.taxClasses.matrix.fields.provinceHint")}
      </Text>
      <SwitchField
        name="is_exempt"
        id="tax-rate-exempt"
        label={t("customerSuite.taxClasses.matrix.fields.exempt")}
        hint={t("customerSuite.taxClasses.matrix.fields.exemptHint")}
        error={shown.field("is_exempt")}
        checked={exempt}
        onCheckedChange={(checked) => {
          setExempt(checked)
          clear("rate", "is_exempt")
        }}
        testId="tax-rate-exempt"
      />
      {!exempt && (
        <TextField
          name="rate"
          id="tax-rate-rate"
          label={t("customerSuite.taxClasses.matrix.fields.rate")}
          hint={t("customerSuite.taxClasses.matrix.fields.rateHint")}
          error={shown.field("rate")}
          type="number"
          inputMode="decimal"
          step="any"
          value={rate}
          onChange={(value) => {
            setRate(value)
            clear("rate")
          }}
        />
      )}
      <div className="grid grid-cols-2 gap-x-3">
        <TextField
          name="code"
          id="tax-rate-code"
          label={t("customerSuite.taxClasses.matrix.fields.code")}
          optional={t("customerSuite.common.optional")}
          error={shown.field("code")}
          className="font-mono"
          value={code}
          maxLength={64}
          onChange={setCode}
        />
        <TextField
          name="name"
          id="tax-rate-name"
          label={t("customerSuite.taxClasses.matrix.fields.name")}
          optional={t("customerSuite.common.optional")}
          error={shown.field("name")}
          value={name}
          maxLength={255}
          onChange={setName}
        />
      </div>
      <Text size="xsmall" className="text-ui-fg-muted -mt-2">
        {t("customerSuite.taxClasses.matrix.fields.codeHint")}
      </Text>
      <FormError error={shown.rest} />
    </DrawerForm>
  )
}
