import { diagnostic } from "../diagnostics/create.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { type KeyPath, nearestKeyRange, nearestValueRange, type SourceLocator } from "../parse/locator.ts";
import { describeValue, isPlainObject } from "../parse/values.ts";
import type { SchemaNode } from "./schema.ts";

interface Context {
  readonly file: string;
  readonly locator: SourceLocator;
  readonly diagnostics: Diagnostic[];
}

/** `menu.main[0].name` */
export function formatPath(path: KeyPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else {
      const name = /^[A-Za-z0-9_-]+$/.test(seg) ? seg : JSON.stringify(seg);
      out += out === "" ? name : `.${name}`;
    }
  }
  return out || "the config";
}

const TYPE_NAMES: Record<SchemaNode["type"], string> = {
  string: "a string",
  boolean: "a boolean",
  integer: "an integer",
  enum: "a string",
  table: "a table",
  array: "an array",
  record: "a table",
  any: "anything",
};

/**
 * Checks `value` against `node` and returns the accepted part: wrong values are reported
 * and left out (so defaults apply), unknown keys are reported and dropped. `null` means
 * "not set", which is how YAML writes an empty value.
 */
export function validate(node: SchemaNode, value: unknown, path: KeyPath, ctx: Context): unknown {
  if (value === null || value === undefined) return undefined;
  const wrongType = (): undefined => {
    ctx.diagnostics.push(
      diagnostic("config.invalid-type", {
        file: ctx.file,
        range: nearestValueRange(ctx.locator, path),
        message: `${formatPath(path)} must be ${TYPE_NAMES[node.type]}, got ${describeValue(value)}`,
      }),
    );
    return undefined;
  };
  const invalid = (message: string): undefined => {
    ctx.diagnostics.push(
      diagnostic("config.invalid-value", {
        file: ctx.file,
        range: nearestValueRange(ctx.locator, path),
        message,
      }),
    );
    return undefined;
  };

  switch (node.type) {
    case "any":
      return value;
    case "string":
      return typeof value === "string" ? value : wrongType();
    case "boolean":
      return typeof value === "boolean" ? value : wrongType();
    case "integer": {
      if (typeof value !== "number" || !Number.isInteger(value)) return wrongType();
      if (node.min !== undefined && value < node.min)
        return invalid(`${formatPath(path)} must be at least ${node.min}, got ${value}`);
      if (node.max !== undefined && value > node.max)
        return invalid(`${formatPath(path)} must be at most ${node.max}, got ${value}`);
      return value;
    }
    case "enum": {
      if (typeof value !== "string") return wrongType();
      if (!node.values.includes(value))
        return invalid(
          `${formatPath(path)} must be one of ${node.values.map((v) => `"${v}"`).join(", ")}, got "${value}"${didYouMean(value, node.values)}`,
        );
      return value;
    }
    case "array": {
      if (!Array.isArray(value)) return wrongType();
      const out: unknown[] = [];
      value.forEach((item, i) => {
        const accepted = validate(node.items, item, [...path, i], ctx);
        if (accepted !== undefined) out.push(accepted);
      });
      return out;
    }
    case "table":
    case "record":
      return isPlainObject(value) ? validateTable(node, value, path, ctx) : wrongType();
  }
}

function validateTable(
  node: Extract<SchemaNode, { type: "table" | "record" }>,
  value: Record<string, unknown>,
  path: KeyPath,
  ctx: Context,
): Record<string, unknown> | undefined {
  const known = node.type === "table" ? Object.keys(node.fields) : node.keys;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, key];
    const schema = node.type === "table" ? node.fields[key] : known.includes(key) ? node.values : undefined;
    if (!schema) {
      const where = path.length === 0 ? "" : ` in [${formatPath(path)}]`;
      const what = node.type === "record" ? "diagnostic code" : "key";
      const limit = Math.max(2, Math.floor(key.length / 4));
      ctx.diagnostics.push(
        diagnostic("config.unknown-key", {
          file: ctx.file,
          range: nearestKeyRange(ctx.locator, childPath),
          message: `Unknown ${what} "${key}"${where}${didYouMean(key, known, limit)}`,
        }),
      );
      continue;
    }
    const accepted = validate(schema, child, childPath, ctx);
    if (accepted !== undefined) out[key] = accepted;
  }
  if (node.type === "table" && node.required) {
    const missing = node.required.filter((k) => value[k] === undefined || value[k] === null);
    if (missing.length > 0) {
      ctx.diagnostics.push(
        diagnostic("config.invalid-value", {
          file: ctx.file,
          range: nearestValueRange(ctx.locator, path),
          message: `${formatPath(path)} needs ${missing.map((k) => `\`${k}\``).join(" and ")}`,
        }),
      );
      return undefined;
    }
    // A required field with a wrong type was reported already; the entry is still unusable.
    if (node.required.some((k) => out[k] === undefined)) return undefined;
  }
  return out;
}
