import { zodResolver } from "@hookform/resolvers/zod"
import { Text } from "@medusajs/ui"
import { toast } from "../common/toast"
import { Controller } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { useCreateTaxClassRate, useUpdateTaxClassRate } from "../../hooks/api/tax-classes"
import { useDrawerForm } from "../../hooks/use-drawer-form"
import { useErrorMessage } from "../../hooks/use-error-message"
import { useSaveFailed } from "../../hooks/use-save-failed"
import { flattenFormErrors, placeErrors } from "../../lib/field-errors"
import { taxClassRateFormSchema, taxClassRateFormValues } from "../../lib/forms/tax-classes"
import type { AdminTaxClass, AdminTaxClassRate } from "../../../types/http"
import { DrawerForm } from "../common/drawer-form"
import { Field, SwitchField, TextField } from "../common/field"
import { FormSelect, namedOptions } from "../common/option-select"
import { CountryPicker } from "./country-picker"
import { taxField } from "./tax-field"

const FIELDS = ["customer_class_id", "product_class_id", "country_code", "province_code", "rate", "is_exempt", "code", "name"] as const
type FieldName = (typeof FIELDS)[number]

/**
 * Add or edit a matrix row: the two classes and the place (country, optionally
 * a province), then a rate or "exempt", and the code and name shown on tax
 * lines. An existing row keeps its classes and place (delete it to move it).
 * Ranges and formats are the API's to check: its messages appear by their field,
 * and a field's message goes once the field changes.
 */
export const RateDrawer = ({
  row,
  customerClasses,
  productClasses,
  open,
  onOpenChange,
}: {
  /** Edit this row; add one when absent. */
  row?: AdminTaxClassRate
  customerClasses: AdminTaxClass[]
  productClasses: AdminTaxClass[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useTranslation()
  const shown = useErrorMessage()
  const create = useCreateTaxClassRate()
  const update = useUpdateTaxClassRate()
  const form = useDrawerForm(open, taxClassRateFormValues(row), zodResolver(taxClassRateFormSchema))
  const { control, register, clearErrors } = form
  const [exempt, country] = form.watch(["is_exempt", "country_code"])

  const saveFailed = useSaveFailed(form.setError, t("customerSuite.taxClasses.matrix.saveFailed"))
  const submit = form.handleSubmit(async ({ rate, is_exempt, code, name, ...cell }) => {
    const details = { rate, is_exempt, code, name }
    try {
      if (row) {
        await update.mutateAsync({ id: row.id, ...details })
        toast.success(t("customerSuite.taxClasses.matrix.saved"))
      } else {
        await create.mutateAsync({ ...cell, ...details })
        toast.success(t("customerSuite.taxClasses.matrix.created"))
      }
      onOpenChange(false)
    } catch (error) {
      saveFailed(error)
    }
  })

  // With "exempt" on the rate field is hidden: an error about the rate goes under the form.
  const placed = placeErrors(flattenFormErrors(form.formState.errors), exempt ? FIELDS.filter((f) => f !== "rate") : FIELDS)
  const field = (name: FieldName) => taxField(placed, name, shown)
  /** A field's registration; its message goes once it changes. */
  const text = (name: "province_code" | "rate" | "code" | "name") => register(name, { onChange: () => clearErrors(name) })
  const fixed = !!row
  const classSelect = (name: "customer_class_id" | "product_class_id", label: string, options: AdminTaxClass[]) => (
    <Field label={label} htmlFor={`tax-rate-${name}`} {...field(name)}>
      <FormSelect
        control={control}
        name={name}
        id={`tax-rate-${name}`}
        testId={`tax-rate-${name}`}
        placeholder={t("customerSuite.taxClasses.matrix.chooseClass")}
        invalid={!!placed.field(name)}
        disabled={fixed}
        onChosen={() => clearErrors(name)}
        options={namedOptions(options)}
      />
    </Field>
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
      error={placed.rest}
      errorTestId="tax-form-error"
    >
      {fixed && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.taxClasses.matrix.cellFixed")}
        </Text>
      )}
      {classSelect("customer_class_id", t("customerSuite.taxClasses.matrix.fields.customerClass"), customerClasses)}
      {classSelect("product_class_id", t("customerSuite.taxClasses.matrix.fields.productClass"), productClasses)}
      <div className="grid grid-cols-2 gap-x-3">
        <Field label={t("customerSuite.taxClasses.matrix.fields.country")} htmlFor="tax-rate-country" {...field("country_code")}>
          <Controller
            control={control}
            name="country_code"
            render={({ field: { value, onChange } }) => (
              <CountryPicker
                id="tax-rate-country"
                value={value || null}
                onChange={(code) => {
                  onChange(code)
                  clearErrors(["country_code", "province_code"])
                }}
                placeholder={t("customerSuite.taxClasses.matrix.chooseCountry")}
                invalid={!!placed.field("country_code")}
                disabled={fixed}
                testId="tax-rate-country"
              />
            )}
          />
        </Field>
        <TextField
          id="tax-rate-province"
          label={t("customerSuite.taxClasses.matrix.fields.province")}
          optional={t("customerSuite.common.optional")}
          className="font-mono"
          maxLength={10}
          disabled={fixed}
          placeholder={country ? `${country}-…` : "us-ca"}
          registration={text("province_code")}
          {...field("province_code")}
        />
      </div>
      <Hint text={t("customerSuite.taxClasses.matrix.fields.provinceHint")} />
      <Controller
        control={control}
        name="is_exempt"
        render={({ field: { value, onChange } }) => (
          <SwitchField
            id="tax-rate-exempt"
            label={t("customerSuite.taxClasses.matrix.fields.exempt")}
            hint={t("customerSuite.taxClasses.matrix.fields.exemptHint")}
            checked={value}
            onCheckedChange={(checked) => {
              onChange(checked)
              clearErrors(["rate", "is_exempt"])
            }}
            {...field("is_exempt")}
            testId="tax-rate-exempt"
          />
        )}
      />
      {!exempt && (
        <TextField
          id="tax-rate-rate"
          label={t("customerSuite.taxClasses.matrix.fields.rate")}
          hint={t("customerSuite.taxClasses.matrix.fields.rateHint")}
          type="number"
          inputMode="decimal"
          step="any"
          registration={text("rate")}
          {...field("rate")}
        />
      )}
      <div className="grid grid-cols-2 gap-x-3">
        <TextField
          id="tax-rate-code"
          label={t("customerSuite.taxClasses.matrix.fields.code")}
          optional={t("customerSuite.common.optional")}
          className="font-mono"
          maxLength={64}
          registration={text("code")}
          {...field("code")}
        />
        <TextField
          id="tax-rate-name"
          label={t("customerSuite.taxClasses.matrix.fields.name")}
          optional={t("customerSuite.common.optional")}
          maxLength={255}
          registration={text("name")}
          {...field("name")}
        />
      </div>
      <Hint text={t("customerSuite.taxClasses.matrix.fields.codeHint")} />
    </DrawerForm>
  )
}

/** A hint for the fields above it. */
const Hint = ({ text }: { text: string }) => (
  <Text size="xsmall" className="text-ui-fg-muted -mt-2">
    {text}
  </Text>
)
