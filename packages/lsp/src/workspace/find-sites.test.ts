import { expect, test } from "bun:test";
import { createMemoryHost } from "@bengal/core/analysis";
import { findSites, siteRootAbove } from "./find-sites.ts";

const host = createMemoryHost({
  "/w/a/bengal.toml": "",
  "/w/a/content/x.md": "",
  "/w/b/site/bengal.yml": "",
  "/w/node_modules/pkg/bengal.toml": "",
  "/w/public/bengal.toml": "",
});

test("sites below a folder, skipping dependencies and output; the site above a folder inside one", async () => {
  expect(await findSites(host, "/w")).toEqual(["/w/a", "/w/b/site"]);
  expect(await findSites(host, "/w/a/content")).toEqual(["/w/a"]);
  expect(await siteRootAbove(host, "/w/a/content")).toBe("/w/a");
  expect(await siteRootAbove(host, "/w")).toBeNull();
});
