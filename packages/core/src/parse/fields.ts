import { diagnostic } from "../diagnostics/create.ts";
import { closest } from "../diagnostics/suggest.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { FrontMatter } from "../model/page.ts";
import type { Range } from "../model/range.ts";
import { parseDateValue } from "./dates.ts";
import type { KeyPath } from "./locator.ts";
import { describeValue } from "./values.ts";

type FieldKind = "string" | "boolean" | "number" | "date" | "list";

/** The front matter fields Bengal reads, and how each is typed. */
export const FRONT_MATTER_FIELDS: Readonly<Record<Exclude<keyof FrontMatter, "params">, FieldKind>> = {
  title: "string",
  date: "date",
  lastmod: "date",
  draft: "boolean",
  tags: "list",
  categories: "list",
  description: "string",
  summary: "string",
  slug: "string",
  url: "string",
  aliases: "list",
  weight: "number",
  layout: "string",
  type: "string",
  toc: "boolean",
};

const KNOWN = Object.keys(FRONT_MATTER_FIELDS);

/**
 * Types raw front matter data. Wrong values are reported and dropped; unknown keys go to
 * `params`, with an info diagnostic only when they look like a typo of a known field.
 */
export function typeFrontMatter(
  file: string,
  data: Readonly<Record<string, unknown>>,
  rangeOf: (path: KeyPath) => Range,
): { frontMatter: FrontMatter; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const out: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  const wrongType = (path: KeyPath, expected: string, value: unknown): void => {
    const name = path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join("");
    diagnostics.push(
      diagnostic("frontmatter.invalid-type", {
        file,
        range: rangeOf(path),
        message: `${name} must be ${expected}, got ${describeValue(value)}`,
      }),
    );
  };

  for (const [key, value] of Object.entries(data)) {
    const kind = (FRONT_MATTER_FIELDS as Record<string, FieldKind>)[key];
    if (kind === undefined) {
      params[key] = value;
      const suggestion = closest(key, KNOWN);
      if (suggestion !== null) {
        diagnostics.push(
          diagnostic("frontmatter.unknown-key", {
            file,
            range: rangeOf([key]),
            message: `Unknown front matter key "${key}" — did you mean \`${suggestion}\`? It is kept in page.params.`,
          }),
        );
      }
      continue;
    }
    // YAML writes an empty value as null: the same as leaving the key out.
    if (value === null || value === undefined) continue;
    switch (kind) {
      case "string":
        // `title: 404` is a title, not a type error.
        if (typeof value === "string") out[key] = value;
        else if (typeof value === "number" && Number.isFinite(value)) out[key] = String(value);
        else wrongType([key], "a string", value);
        break;
      case "boolean":
        if (typeof value === "boolean") out[key] = value;
        else wrongType([key], "true or false", value);
        break;
      case "number":
        if (typeof value === "number" && Number.isFinite(value)) out[key] = value;
        else wrongType([key], "a number", value);
        break;
      case "date": {
        const date = parseDateValue(value);
        if (date) out[key] = date;
        else
          diagnostics.push(
            diagnostic("frontmatter.invalid-date", {
              file,
              range: rangeOf([key]),
              message: `${key} is not a date: ${describeValue(value)}`,
            }),
          );
        break;
      }
      case "list": {
        const list = typeList(value, key, wrongType);
        if (list) out[key] = list;
        break;
      }
    }
  }
  return { frontMatter: { ...out, params } as FrontMatter, diagnostics };
}

function typeList(
  value: unknown,
  key: string,
  wrongType: (path: KeyPath, expected: string, value: unknown) => void,
): string[] | null {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) {
    wrongType([key], "a list of strings", value);
    return null;
  }
  // Bad items are reported and skipped; the rest still count so the page keeps its other terms.
  const items: string[] = [];
  value.forEach((item, i) => {
    if (typeof item === "string") items.push(item);
    else if (typeof item === "number" && Number.isFinite(item)) items.push(String(item));
    else wrongType([key, i], "a string", item);
  });
  return items;
}
