import type { TomlError } from "smol-toml";

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
export function tomlMessage(e: TomlError): string {
  const first = e.message.split("\n")[0] ?? e.message;
  return first.replace(/^Invalid TOML document:\s*/, "") || "invalid TOML";
}
