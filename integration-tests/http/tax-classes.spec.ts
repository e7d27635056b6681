import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createTaxClassStep } from "../../src/workflows/tax-classes/steps/create-tax-class"
import { TAX_CLASS_MODULE } from "../../src/modules/tax_class"
import ProductTaxClass from "../../src/links/product-tax-class"
import type TaxClassModuleService from "../../src/modules/tax_class/service"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"

jest.setTimeout(120_000)

const failAfterStep = createStep("customer-suite-test-fail-after-tax-class", async () => {
  throw new Error("a later step failed")
})
/** A workflow whose step after the tax class fails: the class must be compensated. */
const failingCreate = createWorkflow("customer-suite-test-failing-tax-class", (input: { type: "customer"; name: string; code: string; is_default: boolean }) => {
  createTaxClassStep(input)
  failAfterStep()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("tax classes and the rate matrix (admin API)", () => {
      let admin: AuthHeaders

      beforeEach(async () => {
        admin = await createAdminUser(getContainer())
      })

      const failure = (promise: Promise<unknown>) =>
        promise.then(() => Promise.reject(new Error("expected a failure")), (e: any) => e.response)
      const create = async (body: Record<string, unknown>) => (await api.post("/admin/tax-classes", body, admin)).data.tax_class

      it("creates classes per type with one default each, and refuses a code twice", async () => {
        const retail = await create({ type: "customer", name: "Retail", code: "retail", is_default: true })
        const wholesale = await create({ type: "customer", name: "Wholesale", code: "wholesale" })
        const taxable = await create({ type: "product", name: "Taxable goods", code: "taxable", is_default: true })
        expect(retail.is_default).toBe(true)

        // A new default replaces the old one of the same type only.
        await api.post(`/admin/tax-classes/${wholesale.id}`, { is_default: true }, admin)
        const { data } = await api.get("/admin/tax-classes?type=customer", admin)
        expect(data.tax_classes.map((c: any) => [c.code, c.is_default])).toEqual([
          ["retail", false],
          ["wholesale", true],
        ])
        expect((await api.get(`/admin/tax-classes/${taxable.id}`, admin)).data.tax_class.is_default).toBe(true)
        // Created as the default: the previous one steps down.
        const services = await create({ type: "product", name: "Services", code: "services", is_default: true })
        expect(services.is_default).toBe(true)
        expect((await api.get(`/admin/tax-classes/${taxable.id}`, admin)).data.tax_class.is_default).toBe(false)

        const twice = await failure(api.post("/admin/tax-classes", { type: "customer", name: "Retail 2", code: "retail" }, admin))
        expect(twice.status).toBe(400)
        expect(twice.data.message).toMatch(/^code: a customer tax class with the code "retail" already exists/)
        // The same code on the other type is fine.
        await create({ type: "product", name: "Retail goods", code: "retail" })

        const bad = await failure(api.post("/admin/tax-classes", { type: "customer", name: "", code: "Bad Code" }, admin))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/name|code/)
      })

      it("validates matrix rows, naming the field, and stores nothing on a refusal", async () => {
        const retail = await create({ type: "customer", name: "Retail", code: "retail", is_default: true })
        const wholesale = await create({ type: "customer", name: "Wholesale", code: "wholesale" })
        const taxable = await create({ type: "product", name: "Taxable goods", code: "taxable", is_default: true })
        const reduced = await create({ type: "product", name: "Reduced rate", code: "reduced" })

        const exempt = await api.post(
          "/admin/tax-class-rates",
          { customer_class_id: wholesale.id, product_class_id: taxable.id, country_code: "DE", is_exempt: true, rate: 19 },
          admin
        )
        expect(exempt.data.tax_class_rate).toMatchObject({ country_code: "de", province_code: null, is_exempt: true, rate: null })
        await api.post(
          "/admin/tax-class-rates",
          { customer_class_id: retail.id, product_class_id: reduced.id, country_code: "de", rate: 7, code: "DE-RED", name: "Reduced VAT" },
          admin
        )
        await api.post(
          "/admin/tax-class-rates",
          { customer_class_id: retail.id, product_class_id: reduced.id, country_code: "us", rate: 0 },
          admin
        )
        await api.post(
          "/admin/tax-class-rates",
          { customer_class_id: retail.id, product_class_id: reduced.id, country_code: "us", province_code: "US-CA", rate: 2.5 },
          admin
        )

        const refusals: [Record<string, unknown>, RegExp][] = [
          [{ customer_class_id: retail.id, product_class_id: reduced.id, country_code: "fr", rate: 150 }, /^rate: must be a percentage from 0 to 100/],
          [{ customer_class_id: retail.id, product_class_id: reduced.id, country_code: "fr", rate: -1 }, /^rate:/],
          [{ customer_class_id: retail.id, product_class_id: reduced.id, country_code: "fr" }, /^rate: give a rate/],
          [{ customer_class_id: "txcl_nope", product_class_id: reduced.id, country_code: "fr", rate: 5 }, /^customer_class_id: no customer tax class/],
          [{ customer_class_id: reduced.id, product_class_id: reduced.id, country_code: "fr", rate: 5 }, /^customer_class_id: no customer tax class/],
          [{ customer_class_id: retail.id, product_class_id: retail.id, country_code: "fr", rate: 5 }, /^product_class_id: no product tax class/],
          [{ customer_class_id: retail.id, product_class_id: reduced.id, country_code: "xx", rate: 5 }, /^country_code: must be an ISO 3166-1 alpha-2/],
          [{ customer_class_id: retail.id, product_class_id: reduced.id, country_code: "us", province_code: "de-by", rate: 5 }, /^province_code: must be in us/],
          [{ customer_class_id: retail.id, product_class_id: reduced.id, country_code: "de", rate: 5 }, /^country_code: overlaps the row txcr_/],
          [{ customer_class_id: retail.id, product_class_id: reduced.id, country_code: "us", province_code: "us-ca", rate: 5 }, /^province_code: overlaps the row txcr_/],
          [{ customer_class_id: retail.id, product_class_id: reduced.id, country_code: "fr", rate: 5, extra: 1 }, /extra/],
        ]
        for (const [body, message] of refusals) {
          const response = await failure(api.post("/admin/tax-class-rates", body, admin))
          // Request validation prefixes "Invalid request: "; the field comes first either way.
          expect([response.status, response.data.message.replace(/^Invalid request: /, "")]).toEqual([400, expect.stringMatching(message)])
        }
        const { data } = await api.get(`/admin/tax-class-rates?customer_class_id=${retail.id}`, admin)
        expect(data.count).toBe(3)

        // The province's row wins over its country's; other provinces get the country's.
        const service = getContainer().resolve<TaxClassModuleService>(TAX_CLASS_MODULE)
        const key = { customer_class_id: retail.id, product_class_id: reduced.id, country_code: "US" }
        expect((await service.findRate({ ...key, province_code: "us-ca" }))?.rate).toBe(2.5)
        expect((await service.findRate({ ...key, province_code: "us-ny" }))?.rate).toBe(0)
        expect(await service.findRate({ ...key, country_code: "fr" })).toBeNull()

        // Updating keeps the cell; an exempt row has no rate.
        const row = data.tax_class_rates.find((r: any) => r.country_code === "de")
        const updated = await api.post(`/admin/tax-class-rates/${row.id}`, { rate: 5 }, admin)
        expect(updated.data.tax_class_rate.rate).toBe(5)
        const noRate = await failure(api.post(`/admin/tax-class-rates/${exempt.data.tax_class_rate.id}`, { is_exempt: false }, admin))
        expect([noRate.status, noRate.data.message]).toEqual([400, expect.stringMatching(/^rate: give a rate/)])

        // A class in use cannot go; once its rows are gone it can.
        const inUse = await failure(api.delete(`/admin/tax-classes/${wholesale.id}`, admin))
        expect(inUse.status).toBe(400)
        expect(inUse.data.message).toMatch(/tax class rate\(s\) use this class/)
        await api.delete(`/admin/tax-class-rates/${exempt.data.tax_class_rate.id}`, admin)
        const deleted = await api.delete(`/admin/tax-classes/${wholesale.id}`, admin)
        expect(deleted.data).toEqual({ id: wholesale.id, object: "tax_class", deleted: true })
      })

      it("lists through query.graph: q on name or code (% and _ literal), type first then name, chosen fields, 404 for an unknown id", async () => {
        await create({ type: "product", name: "Zero rated", code: "zero_rated" })
        await create({ type: "customer", name: "Wholesale 100%", code: "wholesale" })
        await create({ type: "customer", name: "Retail", code: "retail" })
        const names = async (query: string) => (await api.get(`/admin/tax-classes${query}`, admin)).data.tax_classes.map((c: any) => c.name)
        expect(await names("")).toEqual(["Retail", "Wholesale 100%", "Zero rated"])
        expect(await names(`?q=${encodeURIComponent("%")}`)).toEqual(["Wholesale 100%"])
        expect(await names(`?q=${encodeURIComponent("o_r")}`)).toEqual(["Zero rated"])
        expect(await names("?q=RETAIL")).toEqual(["Retail"])
        const page = (await api.get("/admin/tax-classes?limit=1&offset=1&fields=id,code", admin)).data
        expect(page).toMatchObject({ count: 3, offset: 1, limit: 1 })
        expect(page.tax_classes).toEqual([{ id: expect.stringMatching(/^txcl_/), code: "wholesale" }])
        const missing = await failure(api.get("/admin/tax-classes/txcl_nope", admin))
        expect([missing.status, missing.data.type]).toEqual([404, "not_found"])
      })

      it("rolls a new default back: the class goes and the previous default returns", async () => {
        const retail = await create({ type: "customer", name: "Retail", code: "retail", is_default: true })
        const { errors } = await failingCreate(getContainer()).run({
          input: { type: "customer", name: "Wholesale", code: "wholesale", is_default: true },
          throwOnError: false,
        })
        expect(errors[0]?.error?.message).toBe("a later step failed")
        const { data } = await api.get("/admin/tax-classes?type=customer", admin)
        expect(data.tax_classes.map((c: any) => [c.id, c.is_default])).toEqual([[retail.id, true]])
      })

      it("links one class to many customer groups and many products (one class each)", async () => {
        const container = getContainer()
        const wholesale = await create({ type: "customer", name: "Wholesale", code: "wholesale" })
        const reduced = await create({ type: "product", name: "Reduced rate", code: "reduced" })
        const [b2b, trade] = await container.resolve(Modules.CUSTOMER).createCustomerGroups([{ name: "B2B" }, { name: "Trade" }])
        const [book, map] = await container.resolve(Modules.PRODUCT).createProducts([{ title: "Book" }, { title: "Map" }])
        const link = container.resolve(ContainerRegistrationKeys.LINK)
        await link.create([
          { [Modules.CUSTOMER]: { customer_group_id: b2b.id }, [TAX_CLASS_MODULE]: { tax_class_id: wholesale.id } },
          { [Modules.CUSTOMER]: { customer_group_id: trade.id }, [TAX_CLASS_MODULE]: { tax_class_id: wholesale.id } },
          { [Modules.PRODUCT]: { product_id: book.id }, [TAX_CLASS_MODULE]: { tax_class_id: reduced.id } },
          { [Modules.PRODUCT]: { product_id: map.id }, [TAX_CLASS_MODULE]: { tax_class_id: reduced.id } },
        ])
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: groups } = await query.graph({ entity: "customer_group", fields: ["id", "tax_class.code"], filters: { id: [b2b.id, trade.id] } })
        expect(groups.map((g: any) => g.tax_class?.code)).toEqual(["wholesale", "wholesale"])
        const { data: products } = await query.graph({ entity: "product", fields: ["id", "tax_class.code"], filters: { id: [book.id, map.id] } })
        expect(products.map((p: any) => p.tax_class?.code)).toEqual(["reduced", "reduced"])
      })

      it("sets, replaces and removes a group's and a product's class through the admin API, refusing the wrong type", async () => {
        const container = getContainer()
        const retail = await create({ type: "customer", name: "Retail", code: "retail" })
        const wholesale = await create({ type: "customer", name: "Wholesale", code: "wholesale" })
        const reduced = await create({ type: "product", name: "Reduced rate", code: "reduced" })
        const [b2b] = await container.resolve(Modules.CUSTOMER).createCustomerGroups([{ name: "B2B" }])
        const [book] = await container.resolve(Modules.PRODUCT).createProducts([{ title: "Book" }])
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const classOf = async (entity: "customer_group" | "product", id: string) =>
          ((await query.graph({ entity, fields: ["id", "tax_class.code"], filters: { id } })).data[0] as any).tax_class?.code ?? null

        await api.post(`/admin/customer-groups/${b2b.id}/tax-class`, { tax_class_id: retail.id }, admin)
        await api.post(`/admin/customer-groups/${b2b.id}/tax-class`, { tax_class_id: wholesale.id }, admin)
        expect(await classOf("customer_group", b2b.id)).toBe("wholesale")
        await api.post(`/admin/products/${book.id}/tax-class`, { tax_class_id: reduced.id }, admin)
        expect(await classOf("product", book.id)).toBe("reduced")

        const wrongType = await failure(api.post(`/admin/products/${book.id}/tax-class`, { tax_class_id: wholesale.id }, admin))
        expect([wrongType.status, wrongType.data.message]).toEqual([400, `tax_class_id: no product tax class with the id "${wholesale.id}"`])
        expect(await classOf("product", book.id)).toBe("reduced")
        const missing = await failure(api.post("/admin/customer-groups/cusgroup_nope/tax-class", { tax_class_id: retail.id }, admin))
        expect(missing.status).toBe(404)
        const bad = await failure(api.post(`/admin/customer-groups/${b2b.id}/tax-class`, { tax_class_id: "a b" }, admin))
        expect(bad.status).toBe(400)

        await api.post(`/admin/customer-groups/${b2b.id}/tax-class`, { tax_class_id: null }, admin)
        expect(await classOf("customer_group", b2b.id)).toBeNull()
      })

      it("reads a group's and a product's class: null without one, the class once set, 404 for an unknown id", async () => {
        const container = getContainer()
        const wholesale = await create({ type: "customer", name: "Wholesale", code: "wholesale", description: "Resellers" })
        const reduced = await create({ type: "product", name: "Reduced rate", code: "reduced" })
        const [b2b, other] = await container.resolve(Modules.CUSTOMER).createCustomerGroups([{ name: "B2B" }, { name: "Other" }])
        const [book] = await container.resolve(Modules.PRODUCT).createProducts([{ title: "Book" }])

        const groupClass = async (id: string) => (await api.get(`/admin/customer-groups/${id}/tax-class`, admin)).data
        const productClass = async (id: string) => (await api.get(`/admin/products/${id}/tax-class`, admin)).data
        expect(await groupClass(b2b.id)).toEqual({ tax_class: null })
        expect(await productClass(book.id)).toEqual({ tax_class: null })

        await api.post(`/admin/customer-groups/${b2b.id}/tax-class`, { tax_class_id: wholesale.id }, admin)
        await api.post(`/admin/products/${book.id}/tax-class`, { tax_class_id: reduced.id }, admin)
        expect((await groupClass(b2b.id)).tax_class).toMatchObject({
          id: wholesale.id,
          type: "customer",
          name: "Wholesale",
          code: "wholesale",
          description: "Resellers",
          is_default: false,
        })
        expect((await productClass(book.id)).tax_class).toMatchObject({ id: reduced.id, type: "product", code: "reduced" })
        // Another group is untouched.
        expect(await groupClass(other.id)).toEqual({ tax_class: null })

        // Removed: null again.
        await api.post(`/admin/customer-groups/${b2b.id}/tax-class`, { tax_class_id: null }, admin)
        expect(await groupClass(b2b.id)).toEqual({ tax_class: null })
        // A deleted class is no longer the product's (the default applies, as the settings page says).
        await api.delete(`/admin/tax-classes/${reduced.id}`, admin)
        expect(await productClass(book.id)).toEqual({ tax_class: null })
        // ...and its link rows are gone, not left behind.
        const links = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: ProductTaxClass.entryPoint, fields: ["product_id", "tax_class_id"], filters: { tax_class_id: reduced.id } })
        expect(links.data).toEqual([])

        const missingGroup = await failure(api.get("/admin/customer-groups/cusgroup_nope/tax-class", admin))
        expect([missingGroup.status, missingGroup.data.type, missingGroup.data.message]).toEqual([
          404,
          "not_found",
          'Customer group with id "cusgroup_nope" was not found',
        ])
        const missingProduct = await failure(api.get("/admin/products/prod_nope/tax-class", admin))
        expect([missingProduct.status, missingProduct.data.type]).toEqual([404, "not_found"])
        // The query takes no parameters.
        const extra = await failure(api.get(`/admin/products/${book.id}/tax-class?fields=*`, admin))
        expect(extra.status).toBe(400)
        // Admins only.
        const anonymous = await failure(api.get(`/admin/products/${book.id}/tax-class`))
        expect(anonymous.status).toBe(401)
      })
    })
  },
})
