import { describe, expect, test } from "bun:test";
import { cliArgs, cliCandidates, findBun, findCli, type Probe, serverUrlIn, showCommand } from "./cli.ts";

function probe(
  files: string[],
  env: Record<string, string> = {},
  platform: NodeJS.Platform = "linux",
): Probe {
  const set = new Set(files);
  return { exists: (f) => set.has(f), env, platform, home: "/home/ada" };
}

describe("findBun", () => {
  test("uses bengal.bunPath when the file is there, expanding ~", () => {
    expect(findBun("~/tools/bun", probe(["/home/ada/tools/bun"]))).toEqual({
      ok: true,
      path: "/home/ada/tools/bun",
    });
  });

  test("a bunPath that points nowhere names the setting and the value", () => {
    const found = findBun("/opt/bun", probe(["/usr/bin/bun"], { PATH: "/usr/bin" }));
    expect(found.ok).toBe(false);
    if (!found.ok) {
      expect(found.message).toContain('"bengal.bunPath"');
      expect(found.message).toContain('"/opt/bun"');
    }
  });

  test("searches PATH in order, then ~/.bun/bin", () => {
    expect(findBun("", probe(["/b/bun", "/c/bun"], { PATH: "/a:/b:/c" }))).toEqual({
      ok: true,
      path: "/b/bun",
    });
    expect(findBun("", probe(["/home/ada/.bun/bin/bun"], { PATH: "/a" }))).toEqual({
      ok: true,
      path: "/home/ada/.bun/bin/bun",
    });
  });

  test("missing everywhere: says how to install Bun and which setting to set", () => {
    const found = findBun("", probe([], { PATH: "/usr/bin" }));
    expect(found.ok).toBe(false);
    if (!found.ok) {
      expect(found.message).toContain("https://bun.sh");
      expect(found.message).toContain("npm install -g bun");
      expect(found.message).toContain('"bengal.bunPath"');
    }
  });
});

describe("findCli", () => {
  test("prefers the site's node_modules, then walks up to the workspace", () => {
    expect(cliCandidates("/w/site", "/w")).toEqual([
      "/w/site/node_modules/bengal/src/bin.ts",
      "/w/site/node_modules/.bin/bengal",
      "/w/node_modules/bengal/src/bin.ts",
      "/w/node_modules/.bin/bengal",
    ]);
    const p = probe(["/w/node_modules/bengal/src/bin.ts", "/w/node_modules/.bin/bengal"]);
    expect(findCli("", "/w/site", "/w", p)).toEqual({ ok: true, path: "/w/node_modules/bengal/src/bin.ts" });
    expect(findCli("", "/w/site", "/w", probe(["/w/node_modules/.bin/bengal"]))).toEqual({
      ok: true,
      path: "/w/node_modules/.bin/bengal",
    });
  });

  test("bengal.cliPath resolves against the workspace folder", () => {
    const p = probe(["/w/tools/bengal/bin.ts"]);
    expect(findCli("tools/bengal/bin.ts", "/w/site", "/w", p)).toEqual({
      ok: true,
      path: "/w/tools/bengal/bin.ts",
    });
    const missing = findCli("nope.ts", "/w/site", "/w", p);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.message).toContain("/w/nope.ts does not exist");
  });

  test("not installed: says which command installs it and which setting to set", () => {
    const found = findCli("", "/w/site", "/w", probe([]));
    expect(found.ok).toBe(false);
    if (!found.ok) {
      expect(found.message).toContain("`bun add -d bengal` in /w");
      expect(found.message).toContain('"bengal.cliPath"');
    }
  });
});

describe("cliArgs", () => {
  test("build asks for JSON, with --full and --drafts only when asked", () => {
    expect(cliArgs("/c/bin.ts", "/s", { kind: "build" })).toEqual(["/c/bin.ts", "build", "/s", "--json"]);
    expect(cliArgs("/c/bin.ts", "/s", { kind: "build", full: true, drafts: true })).toEqual([
      "/c/bin.ts",
      "build",
      "/s",
      "--json",
      "--full",
      "--drafts",
    ]);
  });

  test("serve passes a port only when one is set", () => {
    expect(cliArgs("c", "/s", { kind: "serve", port: 0 })).toEqual(["c", "serve", "/s"]);
    expect(cliArgs("c", "/s", { kind: "serve", port: 4321 })).toEqual(["c", "serve", "/s", "--port", "4321"]);
  });

  test("clean and new page", () => {
    expect(cliArgs("c", "/s", { kind: "clean" })).toEqual(["c", "clean", "/s"]);
    expect(cliArgs("c", "/s", { kind: "newPage", page: "blog/hello", title: "Hello, world" })).toEqual([
      "c",
      "new",
      "page",
      "blog/hello",
      "--title",
      "Hello, world",
      "--dir",
      "/s",
    ]);
  });

  test("showCommand quotes only what needs it", () => {
    expect(showCommand("/usr/bin/bun", ["b.ts", "--title", "Hello world"])).toBe(
      '/usr/bin/bun b.ts --title "Hello world"',
    );
  });
});

describe("serverUrlIn", () => {
  test("finds the URL in a colored line and drops trailing punctuation", () => {
    expect(serverUrlIn("\x1b[32m✓\x1b[0m Serving on \x1b[1mhttp://localhost:4000/\x1b[0m.")).toBe(
      "http://localhost:4000/",
    );
    expect(serverUrlIn("  Local: http://127.0.0.1:8000")).toBe("http://127.0.0.1:8000");
    expect(serverUrlIn("built 3 pages")).toBeNull();
  });
});
