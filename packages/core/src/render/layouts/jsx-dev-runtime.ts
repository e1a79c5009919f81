/** JSX dev runtime: Bun imports this one outside production mode. */
export * from "hono/jsx/jsx-dev-runtime";
