import { describe, expect, test } from "bun:test";
import { closest, type FlagSpec, parseArgs, UsageError } from "./args.ts";

const SPECS: FlagSpec[] = [
  { name: "drafts", type: "boolean", description: "" },
  { name: "baseurl", type: "string", value: "<url>", description: "" },
  { name: "no-parallel", type: "boolean", description: "" },
  { name: "help", short: "h", type: "boolean", description: "" },
];

describe("parseArgs", () => {
  test("reads booleans, --flag value, --flag=value, short flags and positionals", () => {
    expect(parseArgs(["site", "--drafts", "--baseurl", "/x", "-h", "--no-parallel"], SPECS)).toEqual({
      positionals: ["site"],
      flags: { drafts: true, baseurl: "/x", help: true, "no-parallel": true },
    });
    expect(parseArgs(["--baseurl=https://a.org/?q=1"], SPECS).flags.baseurl).toBe("https://a.org/?q=1");
    expect(parseArgs(["--baseurl="], SPECS).flags.baseurl).toBe("");
  });

  test("everything after -- is positional", () => {
    expect(parseArgs(["--", "--drafts"], SPECS)).toEqual({ positionals: ["--drafts"], flags: {} });
  });

  test("reports unknown flags with a suggestion, missing values and stray values", () => {
    expect(() => parseArgs(["--draft"], SPECS)).toThrow(
      new UsageError("unknown option --draft (did you mean --drafts?)"),
    );
    expect(() => parseArgs(["--zzz"], SPECS)).toThrow(new UsageError("unknown option --zzz"));
    expect(() => parseArgs(["--baseurl"], SPECS)).toThrow(UsageError);
    expect(() => parseArgs(["--baseurl", "--drafts"], SPECS)).toThrow(UsageError);
    expect(() => parseArgs(["--drafts=yes"], SPECS)).toThrow(new UsageError("--drafts takes no value"));
    expect(() => parseArgs(["-x"], SPECS)).toThrow(UsageError);
  });
});

describe("closest", () => {
  test("finds typos and swaps, not unrelated words", () => {
    expect(closest("biuld", ["build", "clean", "new"])).toBe("build");
    expect(closest("verbos", ["verbose", "quiet"])).toBe("verbose");
    expect(closest("deploy", ["build", "clean", "new"])).toBeNull();
  });
});
