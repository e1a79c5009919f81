import type { TomlError } from "smol-toml";
import type { Range } from "../model/range.ts";
import type { LineIndex } from "./positions.ts";

/** Helpers for messages about user-written values (config and front matter alike). */

/** `string "yes"`, `number 3`, `a table` — what the user wrote, for type errors. */
export function describeValue(value: unknown): string {
  if (value instanceof Date) return `date ${Number.isNaN(value.getTime()) ? "?" : value.toISOString()}`;
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "a table";
  if (typeof value === "string") return `string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** smol-toml's message carries its own code frame; the CLI prints ours instead. */
/**
 * Where a TOML error points: from its line and column to that line's end (at least one
 * character). `firstLine`: the line of `index`'s text where the TOML starts (front matter).
 */
export function tomlErrorRange(e: TomlError, index: LineIndex, firstLine = 0): Range {
  const line = firstLine + Math.max(0, e.line - 1);
  const start = Math.min(index.lineStart(line) + Math.max(0, e.column - 1), index.lineEnd(line));
  return index.rangeAt(start, Math.max(start + 1, index.lineEnd(line)));
}

export function tomlMessage(e: TomlError): string {
  const first = e.message.split("\n")[0] ?? e.message;
  return first.replace(/^Invalid TOML document:\s*/, "") || "invalid TOML";
}
