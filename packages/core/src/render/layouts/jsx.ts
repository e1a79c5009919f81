/**
 * What layouts import (`bengal/jsx` or `@bengal/core/jsx`): `raw` and the JSX types from hono, our
 * `Fragment` (html-runtime.ts renders the JSX), and the layout prop types. Site templates outside this
 * package reach this file through the loader plugin.
 */
export { raw } from "hono/html";
export type { Child, FC, JSX, PropsWithChildren } from "hono/jsx";
export { Fragment } from "./html-runtime.ts";
export type {
  BaseProps,
  Breadcrumb,
  BreadcrumbsProps,
  Component,
  LayoutProps,
  PageCardProps,
  PaginationProps,
  SiteView,
  TagsProps,
  TocProps,
} from "./props.ts";
