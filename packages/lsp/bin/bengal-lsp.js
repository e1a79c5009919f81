#!/usr/bin/env node
// Bun runs the TypeScript sources directly; Node (VS Code's own, for one) runs the bundle that
// `bun run --cwd packages/lsp build` writes to dist/.
if (typeof globalThis.Bun !== "undefined") {
  await import("../src/bin.ts");
} else {
  try {
    await import("../dist/bengal-lsp.js");
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("bengal-lsp.js"))
      throw error;
    process.stderr.write("bengal-lsp: dist/bengal-lsp.js is missing; run `bun run build` in packages/lsp\n");
    process.exitCode = 2;
  }
}
