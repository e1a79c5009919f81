/**
 * JSX automatic runtime for `@jsxImportSource @bengal/core` (and the loader's rewritten pragma).
 * package.json maps `./jsx-dev-runtime` here too, hence `jsxDEV`.
 */
export type { JSX } from "hono/jsx/jsx-runtime";
export { Fragment, jsx, jsxDEV, jsxs } from "./html-runtime.ts";
