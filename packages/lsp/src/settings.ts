import type { Severity } from "@bengal/core/analysis";

export type Severities = Readonly<Record<string, Severity | "off">>;

const LEVELS: ReadonlySet<string> = new Set(["error", "warning", "info", "off"]);

/**
 * Reads the editor's `bengal.validate` setting (diagnostic code → severity). It comes from user
 * JSON, so anything malformed is skipped with a warning rather than trusted.
 */
export function parseSeverities(value: unknown, warn: (message: string) => void): Severities {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    warn(
      `bengal-lsp: ignoring bengal.validate: expected an object of code → severity, got ${JSON.stringify(value)}`,
    );
    return {};
  }
  const out: Record<string, Severity | "off"> = {};
  for (const [code, level] of Object.entries(value)) {
    if (typeof level === "string" && LEVELS.has(level)) out[code] = level as Severity | "off";
    else
      warn(
        `bengal-lsp: ignoring bengal.validate["${code}"] = ${JSON.stringify(level)}: expected "error", "warning", "info" or "off"`,
      );
  }
  return out;
}

/**
 * The `validate` value inside a `workspace/didChangeConfiguration` payload, which clients shape
 * differently: VS Code sends `{ bengal: { validate } }`, some send the section itself. `undefined`
 * means the payload carries no settings and the server should ask with `workspace/configuration`.
 */
export function pushedValidate(settings: unknown): { value: unknown } | undefined {
  if (typeof settings !== "object" || settings === null) return undefined;
  const record = settings as Record<string, unknown>;
  const section = record.bengal;
  if (typeof section === "object" && section !== null)
    return { value: (section as Record<string, unknown>).validate };
  if ("validate" in record) return { value: record.validate };
  return undefined;
}
