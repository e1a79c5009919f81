/**
 * What layouts import (`bengal/jsx` or `@bengal/core/jsx`): hono's string JSX helpers and the layout
 * prop types. Site templates outside this package reach this file through the loader plugin.
 */
export { raw } from "hono/html";
export type { Child, FC, JSX, PropsWithChildren } from "hono/jsx";
export { Fragment } from "hono/jsx";
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
