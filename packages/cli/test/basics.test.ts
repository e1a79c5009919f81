import { describe, expect, test } from "bun:test";
import pkg from "../package.json" with { type: "json" };
import { BUILD, CLEAN, type CommandSpec, NEW, NEW_PAGE, NEW_SITE, SERVE } from "../src/spec.ts";
import { bengal, tempDir } from "./run.ts";

describe("bengal --version and --help", () => {
  test("--version prints the package version", async () => {
    using dir = tempDir();
    const r = await bengal(["--version"], { cwd: dir.path });
    expect(r).toEqual({ code: 0, stdout: `bengal ${pkg.version}\n`, stderr: "" });
    expect(pkg.version).toBe("0.1.0");
  });

  test("--help lists the commands", async () => {
    using dir = tempDir();
    const r = await bengal(["--help"], { cwd: dir.path });
    expect(r.code).toBe(0);
    for (const name of ["build", "serve", "new", "clean"]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
    }
  });

  const commands: [string[], CommandSpec][] = [
    [["build"], BUILD],
    [["serve"], SERVE],
    [["clean"], CLEAN],
    [["new"], NEW],
    [["new", "site"], NEW_SITE],
    [["new", "page"], NEW_PAGE],
  ];
  test.each(commands)("%p --help lists every flag", async (words, spec) => {
    using dir = tempDir();
    const r = await bengal([...words, "--help"], { cwd: dir.path });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: bengal ${words.join(" ")}`);
    for (const flag of spec.flags) {
      const label = flag.type === "string" ? `--${flag.name} ${flag.value}` : `--${flag.name}`;
      expect(r.stdout).toContain(label);
      expect(r.stdout).toContain(flag.description);
    }
  });

  test("build --help lists the documented build flags", async () => {
    using dir = tempDir();
    const r = await bengal(["build", "-h"], { cwd: dir.path });
    for (const flag of [
      "--drafts",
      "--baseurl <url>",
      "--output <dir>",
      "--config <path>",
      "--strict",
      "--verbose",
      "--quiet",
      "--json",
      "--no-parallel",
    ]) {
      expect(r.stdout).toContain(flag);
    }
  });
});

describe("usage errors exit 2", () => {
  test("an unknown flag suggests the closest one", async () => {
    using dir = tempDir();
    const r = await bengal(["build", "--draft"], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("unknown option --draft (did you mean --drafts?)");
    expect(r.stderr).toContain("usage: bengal build [dir] [options]");
  });

  test("an unknown command suggests the closest one", async () => {
    using dir = tempDir();
    const r = await bengal(["biuld"], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command biuld (did you mean build?)");
  });

  test("a string flag without its value", async () => {
    using dir = tempDir();
    const r = await bengal(["build", "--baseurl"], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--baseurl needs a value");
  });

  test.each([["build"], ["clean"]])("%p of a missing folder", async (command) => {
    using dir = tempDir();
    const r = await bengal([command, "nowhere"], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the site folder nowhere does not exist");
  });

  test("no command prints the help on stderr", async () => {
    using dir = tempDir();
    const r = await bengal([], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: bengal <command>");
  });
});
