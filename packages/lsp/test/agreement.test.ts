import { expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { startClient, summary, tempSite } from "./client.ts";
import { FIXTURE } from "./fixture.ts";

const CLI = join(import.meta.dir, "..", "..", "cli", "src", "bin.ts");
/** What both report from the same code: front matter, content, layout and link checks. */
const SHARED = /^(frontmatter|content|link|layout)\./;

interface BuildDiagnostic {
  code: string;
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

test("the server and `bengal build --json` report the same link, layout and front matter diagnostics", async () => {
  const built = tempSite(FIXTURE);
  const served = tempSite(FIXTURE);
  try {
    const run = spawnSync("bun", [CLI, "build", built.root, "--json"], { encoding: "utf8" });
    const result = JSON.parse(run.stdout) as { diagnostics: BuildDiagnostic[] };
    const fromBuild = result.diagnostics
      .filter((d) => SHARED.test(d.code))
      .map((d) => `${d.file} ${summary([d as never])[0]}`)
      .sort();
    expect(fromBuild.length).toBeGreaterThanOrEqual(7);

    const client = await startClient(served.root);
    try {
      const files = [...new Set(fromBuild.map((s) => s.split(" ")[0]!))];
      await client.until((d) => files.every((f) => d.has(served.uri(f))), "every file the build reported");
      const fromServer = [...client.diagnostics]
        .flatMap(([uri, list]) =>
          summary(list.filter((d) => SHARED.test(String(d.code)))).map(
            (s) => `${uri.slice(served.uri("").length + 1)} ${s}`,
          ),
        )
        .sort();
      expect(fromServer).toEqual(fromBuild);
    } finally {
      await client.stop();
    }
  } finally {
    built.dispose();
    served.dispose();
  }
});
