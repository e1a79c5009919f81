import { diagnostic } from "../diagnostics/create.ts";
import { type Host, HostError } from "../host/host.ts";
import { join } from "../host/path.ts";
import type { SiteConfig } from "../model/config.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { ParsedDocument } from "../model/page.ts";
import { parseDocument } from "../parse/parse-document.ts";

/** Reads and parses every content file; an unreadable file is reported and skipped. */
export async function readContent(
  host: Host,
  root: string,
  paths: readonly string[],
  config: SiteConfig,
): Promise<{ docs: ParsedDocument[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const results = await Promise.all(
    paths.map(async (path) => {
      let text: string;
      try {
        text = await host.readText(join(root, path));
      } catch (error) {
        const notUtf8 = error instanceof HostError && error.code === "not-utf8";
        diagnostics.push(
          diagnostic(notUtf8 ? "content.not-utf8" : "content.unreadable", {
            file: path,
            message: notUtf8
              ? `${path} is not valid UTF-8`
              : `cannot read ${path}: ${(error as Error).message}`,
          }),
        );
        return null;
      }
      const parsed = parseDocument(path, text, { requireTitle: config.content.require_title });
      diagnostics.push(...parsed.diagnostics);
      return parsed.doc;
    }),
  );
  return { docs: results.filter((d): d is ParsedDocument => d !== null), diagnostics };
}
