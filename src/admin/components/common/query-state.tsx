import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"

/** The part of a react-query result a page waits on. */
type Loadable<T> = { data: T | undefined; isPending: boolean; isError: boolean; error: unknown }

const errorText = (error: unknown) => (error instanceof Error ? error.message : "")

/**
 * A page that shows one record: skeletons while it loads, the load error in
 * its place when it fails, then `children(data)`. `detail` pages wait in two
 * boxes and show the error boxed; `form` pages wait in one and show it as text.
 */
export const Loaded = <T,>({
  query,
  variant,
  children,
}: {
  query: Loadable<T>
  variant: "detail" | "form"
  children: (data: T) => ReactNode
}) => {
  const { t } = useTranslation()
  if (query.isPending) {
    return variant === "detail" ? (
      <div className="flex flex-col gap-y-3" aria-busy="true">
        <Skeleton className="h-32 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    ) : (
      <Skeleton className="h-64 w-full" aria-busy="true" />
    )
  }
  if (query.isError || query.data === undefined) {
    const message = (
      <Text size="small" className="text-ui-fg-error" role={variant === "detail" ? undefined : "alert"}>
        {t("customerSuite.common.loadError")} {errorText(query.error)}
      </Text>
    )
    return variant === "detail" ? (
      <Container className="p-6" role="alert">
        {message}
      </Container>
    ) : (
      message
    )
  }
  return <>{children(query.data)}</>
}

/**
 * A section's list states under its header: a skeleton while loading, the load
 * error, or what an empty list says (each a row of the section's divided box).
 */
export const SectionStatus = ({
  isPending,
  isError,
  isEmpty,
  empty,
  skeleton = <Skeleton className="h-10 w-full" />,
  skeletonClassName = "px-6 py-4",
}: {
  isPending: boolean
  isError: boolean
  isEmpty: boolean
  empty: string
  skeleton?: ReactNode
  skeletonClassName?: string
}) => {
  const { t } = useTranslation()
  return (
    <>
      {isPending && (
        <div className={skeletonClassName} aria-busy="true">
          {skeleton}
        </div>
      )}
      {isError && (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {t("customerSuite.common.loadError")}
        </Text>
      )}
      {isEmpty && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {empty}
        </Text>
      )}
    </>
  )
}

/** A heading with its subtle hint below (a page's, a section's or a widget's). */
export const TitleBlock = ({
  title,
  hint,
  level,
  className,
}: {
  title: string
  hint?: string
  level?: "h1" | "h2"
  className?: string
}) => (
  <div className={className}>
    <Heading level={level}>{title}</Heading>
    {hint !== undefined && (
      <Text size="small" className="text-ui-fg-subtle">
        {hint}
      </Text>
    )}
  </div>
)

/** A breadcrumb that is a fixed text (`handle.breadcrumb: () => <TextCrumb k="…" />`). */
export const TextCrumb = ({ k }: { k: string }) => {
  const { t } = useTranslation()
  return <>{t(k)}</>
}

/** One fact in a `<dl>`: its label above, its value below. */
export const Stat = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <dt>
      <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Text>
    </dt>
    <dd className="txt-compact-small text-ui-fg-base">{children}</dd>
  </div>
)
