import { describe, expect, test } from "bun:test";
import { statSync } from "node:fs";
import type { OutputFile } from "../model/output.ts";
import { JobMemo } from "./job-memo.ts";
import { processAssets } from "./pipeline.ts";
import { diskHost, makePng, type TempSite, tempSite } from "./testing.ts";

const stamp = (path: string) => {
  const s = statSync(path, { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}` : null;
};

/** Runs the pipeline with a memo over a host that counts reads, as the dev server would. */
let memo = new JobMemo(stamp);

async function build(site: TempSite, assets: { rel: string; source: string }[]) {
  memo = memo.withStamps(stamp);
  const reads: string[] = [];
  const host = diskHost();
  const counting = {
    ...host,
    readBytes: (p: string) => {
      reads.push(p);
      return host.readBytes(p);
    },
  };
  const result = await processAssets({
    host: counting,
    siteRoot: site.root,
    assets,
    statics: [],
    options: {
      minify: true,
      fingerprint: false,
      optimize: false,
      parallel: false,
      maxWorkers: null,
      baseurl: "",
    },
    memo,
  });
  return { result, reads: reads.map((p) => p.slice(site.root.length + 1)).sort() };
}

const content = (files: readonly OutputFile[], path: string) => {
  const f = files.find((x) => x.path === path)!;
  return typeof f.content === "string" ? f.content : new TextDecoder().decode(f.content);
};

describe("JobMemo (the dev server's asset results)", () => {
  test("an unchanged asset is not read again; an edited partial re-runs the stylesheets that import it", async () => {
    using site = tempSite();
    const assets = [
      {
        rel: "css/main.css",
        source: site.write("assets/css/main.css", '@import "parts/a.css";\nbody { margin: 0; }\n'),
      },
      { rel: "css/parts/a.css", source: site.write("assets/css/parts/a.css", "a { color: red; }\n") },
      { rel: "css/other.css", source: site.write("assets/css/other.css", ".kept-rule { color: blue; }\n") },
      { rel: "img/x.png", source: site.write("assets/img/x.png", makePng(4, 1)) },
    ];
    const first = await build(site, assets);
    expect(first.reads.length).toBeGreaterThanOrEqual(4);

    expect((await build(site, assets)).reads).toEqual([]);

    await Bun.sleep(5);
    site.write("assets/css/parts/a.css", "a { color: green; }\n");
    const edited = await build(site, assets);
    // main.css bundles the partial; other.css and the image are untouched.
    expect(edited.reads).toEqual(["assets/css/main.css", "assets/css/parts/a.css", "assets/css/parts/a.css"]);
    expect(content(edited.result.files, "assets/css/main.css")).toContain("green");
    expect(content(edited.result.files, "assets/css/other.css")).toContain(".kept-rule");
    expect(edited.result.files.map((f) => f.path)).toEqual(first.result.files.map((f) => f.path));
  });
});
