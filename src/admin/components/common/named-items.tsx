import { Select } from "@medusajs/ui"

/** A select's items for records with an id and a name (a class, a segment): the id chosen, the name shown. */
export const NamedItems = ({ items }: { items: { id: string; name: string }[] }) => (
  <>
    {items.map((item) => (
      <Select.Item key={item.id} value={item.id}>
        {item.name}
      </Select.Item>
    ))}
  </>
)
