/** JSX dev runtime: Bun imports this one outside production mode. */
export type { JSX } from "hono/jsx/jsx-dev-runtime";
export { Fragment, jsxDEV } from "./html-runtime.ts";
