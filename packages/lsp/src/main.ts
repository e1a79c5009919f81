import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.ts";
import { createDiskHost } from "./workspace/disk-host.ts";

const USAGE = `bengal-lsp — the Bengal language server

Usage: bengal-lsp --stdio | --node-ipc | --socket=<port>

Speaks the Language Server Protocol; your editor starts it. See the README's Editors section.
`;

/** Starts the server on the transport named in `argv` (read by vscode-languageserver itself). */
export function main(argv: readonly string[]): void {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(USAGE);
    return;
  }
  if (
    !argv.some(
      (a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket") || a.startsWith("--pipe"),
    )
  ) {
    process.stderr.write(`bengal-lsp: choose a transport\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, createDiskHost());
  connection.listen();
}
