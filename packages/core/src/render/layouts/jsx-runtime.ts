/** JSX automatic runtime for `@jsxImportSource @bengal/core` (and the loader's rewritten pragma). */
export * from "hono/jsx/jsx-runtime";
