import { afterEach, expect, test } from "bun:test";
import { builtinThemeDir } from "./theme-dir.ts";

const saved = process.env.BENGAL_THEME_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.BENGAL_THEME_DIR;
  else process.env.BENGAL_THEME_DIR = saved;
});

test("BENGAL_THEME_DIR points bundles at the theme", () => {
  process.env.BENGAL_THEME_DIR = "/opt/bengal/theme";
  expect(builtinThemeDir()).toBe("/opt/bengal/theme");
  delete process.env.BENGAL_THEME_DIR;
  expect(builtinThemeDir()).toMatch(/\/packages\/core\/theme$/);
});
