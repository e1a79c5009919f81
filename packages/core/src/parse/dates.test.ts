import { expect, test } from "bun:test";
import { TomlDate } from "smol-toml";
import { parseDateString, parseDateValue } from "./dates.ts";

const iso = (s: string) => parseDateString(s)?.toISOString() ?? null;

test("date strings without a zone are UTC", () => {
  expect(iso("2025-10-01")).toBe("2025-10-01T00:00:00.000Z");
  expect(iso("2025-10-01 10:00")).toBe("2025-10-01T10:00:00.000Z");
  expect(iso("2025-10-01T10:00:00")).toBe("2025-10-01T10:00:00.000Z");
  expect(iso("2025-10-01T10:00:00.25")).toBe("2025-10-01T10:00:00.250Z");
});

test("zones are applied", () => {
  expect(iso("2025-10-01T10:00:00+02:00")).toBe("2025-10-01T08:00:00.000Z");
  expect(iso("2025-10-01T10:00:00Z")).toBe("2025-10-01T10:00:00.000Z");
  expect(iso("2025-10-01 10:00:00 -0530")).toBe("2025-10-01T15:30:00.000Z");
});

test("impossible or malformed dates are null", () => {
  expect(iso("2025-02-30")).toBeNull();
  expect(iso("2025-13-01")).toBeNull();
  expect(iso("2025-10-01T25:00")).toBeNull();
  expect(iso("yesterday")).toBeNull();
  expect(iso("10/01/2025")).toBeNull();
});

test("values: TOML dates, strings, and nothing else", () => {
  expect(parseDateValue(new TomlDate("2025-10-01"))!.toISOString()).toBe("2025-10-01T00:00:00.000Z");
  expect(parseDateValue(new TomlDate("10:00:00"))).toBeNull();
  expect(parseDateValue("2025-10-01")!.toISOString()).toBe("2025-10-01T00:00:00.000Z");
  expect(parseDateValue(20251001)).toBeNull();
  expect(parseDateValue(new Date("nope"))).toBeNull();
});
