import { describe, expect, test } from "bun:test";
import { createMemoryHost } from "../host/memory-host.ts";
import { DEFAULT_CONFIG } from "./defaults.ts";
import { loadConfig } from "./load-config.ts";

describe("loadConfig", () => {
  test("no config file: defaults and an info notice", async () => {
    const r = await loadConfig(createMemoryHost({ "/site/content/a.md": "# A" }), "/site");
    expect(r.config).toEqual(DEFAULT_CONFIG);
    expect(r.file).toBeNull();
    expect(r.fatal).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
      ["config.not-found", "info", "bengal.toml"],
    ]);
  });

  test("bengal.toml wins over bengal.yaml", async () => {
    const host = createMemoryHost({
      "/site/bengal.toml": '[site]\ntitle = "From TOML"\n',
      "/site/bengal.yaml": "site:\n  title: From YAML\n",
    });
    const r = await loadConfig(host, "/site");
    expect(r.config.site.title).toBe("From TOML");
    expect(r.file).toBe("/site/bengal.toml");
    expect(r.diagnostics).toEqual([]);
  });

  test("falls back to bengal.yml", async () => {
    const r = await loadConfig(createMemoryHost({ "/site/bengal.yml": "site:\n  title: Y\n" }), "/site");
    expect(r.config.site.title).toBe("Y");
    expect(r.file).toBe("/site/bengal.yml");
  });

  test("an explicit --config that does not exist is fatal", async () => {
    const r = await loadConfig(createMemoryHost({ "/site/bengal.toml": "" }), "/site", "prod.toml");
    expect(r.fatal).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
      ["config.not-found", "error", "prod.toml"],
    ]);
  });

  test("an explicit --config is used, absolute or relative to the root", async () => {
    const host = createMemoryHost({ "/site/conf/prod.toml": '[site]\nbaseurl = "/p/"\n' });
    expect((await loadConfig(host, "/site", "conf/prod.toml")).config.site.baseurl).toBe("/p");
    expect((await loadConfig(host, "/site", "/site/conf/prod.toml")).file).toBe("/site/conf/prod.toml");
  });

  test("wrong types and syntax errors are fatal; unknown keys are not", async () => {
    const bad = await loadConfig(createMemoryHost({ "/s/bengal.toml": "[build]\nparallel = 1\n" }), "/s");
    expect(bad.fatal).toBe(true);
    const broken = await loadConfig(createMemoryHost({ "/s/bengal.toml": "[build\n" }), "/s");
    expect(broken.fatal).toBe(true);
    expect(broken.diagnostics[0]!.code).toBe("config.invalid-toml");
    const unknown = await loadConfig(
      createMemoryHost({ "/s/bengal.toml": "[build]\nparalel = true\n" }),
      "/s",
    );
    expect(unknown.fatal).toBe(false);
    expect(unknown.diagnostics[0]!.message).toContain("did you mean `parallel`?");
  });

  test("a config that is not UTF-8 is unreadable and fatal", async () => {
    const r = await loadConfig(
      createMemoryHost({ "/s/bengal.toml": new Uint8Array([0xff, 0xfe, 0x41]) }),
      "/s",
    );
    expect(r.fatal).toBe(true);
    expect(r.diagnostics[0]!.code).toBe("config.unreadable");
  });
});
