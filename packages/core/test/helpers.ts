import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Window } from "happy-dom";

const FIXTURES = join(import.meta.dir, "fixtures");

/** Copies a fixture site into a fresh temp folder; `using` removes it afterwards. */
export function fixtureSite(name: string): { root: string; [Symbol.dispose](): void } {
  const root = mkdtempSync(join(tmpdir(), `bengal-${name}-`));
  cpSync(join(FIXTURES, name), root, { recursive: true });
  return { root, [Symbol.dispose]: () => rmSync(root, { recursive: true, force: true }) };
}

export function readOutput(root: string, path: string): string {
  return readFileSync(join(root, "public", path), "utf8");
}

/** Parses an output HTML file into a DOM document for queries. */
export function dom(html: string): Document {
  const window = new Window({ url: "https://example.com/" });
  window.document.write(html);
  return window.document as unknown as Document;
}

/** Every file under `dir` (relative path → base64 bytes), to compare whole output trees. */
export function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p).toString("base64"));
    }
  };
  walk(dir);
  return out;
}
