import { describe, expect, test } from "bun:test";
import type { Diagnostic } from "vscode-languageserver/node";
import { startClient, summary, type TestClient, tempSite } from "./client.ts";
import { FIXTURE } from "./fixture.ts";

const GUIDE = "content/docs/guide.md";
/** `code@range` → LSP severity (1 error, 2 warning, 3 info) for one file. */
const severities = (list: readonly Diagnostic[] | undefined) =>
  Object.fromEntries((list ?? []).map((d) => [summary([d])[0], d.severity]));

const ERROR = 1;
const WARNING = 2;
const INFO = 3;

async function withClient(
  options: Parameters<typeof startClient>[1],
  run: (client: TestClient, uri: (rel: string) => string) => Promise<void>,
): Promise<void> {
  const site = tempSite(FIXTURE);
  const client = await startClient(site.root, options);
  try {
    await run(client, site.uri);
  } finally {
    await client.stop();
    site.dispose();
  }
}

describe("the editor's bengal.validate setting", () => {
  test("initializationOptions.validate applies over the site's [validate]; a change applies live", async () => {
    await withClient(
      {
        initializationOptions: {
          validate: {
            "link.no-such-page": "warning",
            "link.draft-page": "off",
            "link.no-such-anchor": "loud",
          },
        },
      },
      async (client, uri) => {
        const guide = uri(GUIDE);
        await client.until((d) => d.has(guide), "the initial diagnostics");
        // The first publish already carries the setting: no error-then-warning flicker.
        expect(severities(client.diagnostics.get(guide))).toEqual({
          "frontmatter.unknown-key@2:7-2:11": WARNING, // the site's [validate], not named by the editor
          "link.no-such-anchor@8:11-8:26": WARNING, // "loud" is ignored: the default stays
          "link.no-such-page@10:9-10:17": WARNING,
          "link.no-such-page@13:12-13:23": WARNING,
        });
        expect(client.logs.some((m) => m.includes('bengal.validate["link.no-such-anchor"] = "loud"'))).toBe(
          true,
        );

        // VS Code pushes the whole `bengal` section on every settings change.
        await client.conn.sendNotification("workspace/didChangeConfiguration", {
          settings: {
            bengal: { validate: { "link.no-such-page": "off", "frontmatter.unknown-key": "info" } },
          },
        });
        await client.until(
          (d) => !summary(d.get(guide)).some((s) => s.startsWith("link.no-such-page")),
          "link.no-such-page to be turned off",
        );
        expect(severities(client.diagnostics.get(guide))).toEqual({
          "frontmatter.unknown-key@2:7-2:11": INFO, // the editor wins over the site for the codes it names
          "link.draft-page@11:10-11:19": WARNING, // no longer named: back to its default
          "link.no-such-anchor@8:11-8:26": WARNING,
        });

        // Clearing the setting restores the site's own severities.
        await client.conn.sendNotification("workspace/didChangeConfiguration", { settings: { bengal: {} } });
        await client.until(
          (d) => severities(d.get(guide))["link.no-such-page@10:9-10:17"] === ERROR,
          "link.no-such-page back as an error",
        );
        expect(severities(client.diagnostics.get(guide))["frontmatter.unknown-key@2:7-2:11"]).toBe(WARNING);
      },
    );
  });

  test("a client without pushed settings is asked with workspace/configuration", async () => {
    await withClient(
      {
        capabilities: { workspace: { configuration: true } },
        settings: { bengal: { validate: { "link.no-such-page": "warning" } } },
      },
      async (client, uri) => {
        const guide = uri(GUIDE);
        await client.until((d) => d.has(guide), "the initial diagnostics");
        expect(severities(client.diagnostics.get(guide))["link.no-such-page@10:9-10:17"]).toBe(WARNING);

        client.settings.bengal = { validate: { "link.no-such-page": "off" } };
        await client.conn.sendNotification("workspace/didChangeConfiguration", { settings: null });
        await client.until(
          (d) => !summary(d.get(guide)).some((s) => s.startsWith("link.no-such-page")),
          "link.no-such-page to be turned off after the pull",
        );
        expect(summary(client.diagnostics.get(guide))).toContain("link.no-such-anchor@8:11-8:26");
      },
    );
  });
});
