#!/usr/bin/env bun
import { main } from "./main.ts";
import { processTerminal } from "./terminal.ts";

const term = processTerminal();
try {
  process.exitCode = await main(process.argv.slice(2), term);
} catch (error) {
  term.err(
    `bengal: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
