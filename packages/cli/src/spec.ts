import type { FlagSpec } from "./args.ts";

export interface CommandSpec {
  /** Words after `bengal` (`["new", "page"]`). */
  readonly path: readonly string[];
  readonly summary: string;
  /** Positional arguments as shown in the usage line (`[dir]`, `<name>`). */
  readonly args: readonly { readonly name: string; readonly description: string }[];
  readonly flags: readonly FlagSpec[];
  readonly examples: readonly string[];
}

const HELP: FlagSpec = { name: "help", short: "h", type: "boolean", description: "Show this help" };
const CONFIG: FlagSpec = {
  name: "config",
  type: "string",
  value: "<path>",
  description: "Config file to use instead of bengal.toml / bengal.yaml in the site folder",
};

export const BUILD: CommandSpec = {
  path: ["build"],
  summary: "Build the site into the output folder",
  args: [{ name: "[dir]", description: "Site folder (default: the current folder)" }],
  flags: [
    { name: "drafts", type: "boolean", description: "Include pages marked draft: true" },
    { name: "baseurl", type: "string", value: "<url>", description: "Override [site] baseurl" },
    {
      name: "output",
      type: "string",
      value: "<dir>",
      description: "Output folder (overrides [build] output_dir)",
    },
    CONFIG,
    { name: "strict", type: "boolean", description: "Treat warnings as errors" },
    {
      name: "verbose",
      type: "boolean",
      description: "Print each stage as it ends, and why pages were re-rendered",
    },
    { name: "quiet", type: "boolean", description: "Print only warnings and errors" },
    { name: "json", type: "boolean", description: "Print one JSON object with the result and nothing else" },
    { name: "no-parallel", type: "boolean", description: "Render and process assets on one thread" },
    { name: "full", type: "boolean", description: "Ignore the incremental cache and rebuild everything" },
    {
      name: "max-workers",
      type: "string",
      value: "<n>",
      description:
        "Worker threads for pages and assets (overrides [build] max_workers; pages then use them at any size)",
    },
    {
      name: "stats",
      type: "boolean",
      description: "Print per-stage times, workers used and their utilization, and peak memory",
    },
    {
      name: "check-external",
      type: "boolean",
      description: "Also request http(s) links (8 at a time, 10 s timeout; answers cached 24 h in .bengal/)",
    },
    HELP,
  ],
  examples: [
    "bengal build",
    "bengal build site --drafts --baseurl http://localhost:8000",
    "bengal build --json",
  ],
};

export const SERVE: CommandSpec = {
  path: ["serve"],
  summary: "Build the site, serve it and rebuild with live reload as files change",
  args: [{ name: "[dir]", description: "Site folder (default: the current folder)" }],
  flags: [
    {
      name: "host",
      type: "string",
      value: "<host>",
      description: "Interface to listen on (default 127.0.0.1; 0.0.0.0 exposes the site to your network)",
    },
    {
      name: "port",
      type: "string",
      value: "<port>",
      description: "Port to listen on (default 5173; the next free one if taken, 0 for any)",
    },
    {
      name: "strict-port",
      type: "boolean",
      description: "Exit if the port is taken instead of trying the next",
    },
    { name: "open", type: "boolean", description: "Open the site in the default browser" },
    { name: "no-watch", type: "boolean", description: "Build once and serve without watching for changes" },
    { name: "drafts", type: "boolean", description: "Include pages marked draft: true" },
    CONFIG,
    HELP,
  ],
  examples: ["bengal serve", "bengal serve site --port 8080 --open", "bengal serve --host 0.0.0.0 --drafts"],
};

export const CLEAN: CommandSpec = {
  path: ["clean"],
  summary: "Remove the output folder and the .bengal/ cache",
  args: [{ name: "[dir]", description: "Site folder (default: the current folder)" }],
  flags: [
    { name: "keep-cache", type: "boolean", description: "Keep the .bengal/ cache folder" },
    CONFIG,
    HELP,
  ],
  examples: ["bengal clean", "bengal clean site --keep-cache"],
};

export const NEW_SITE: CommandSpec = {
  path: ["new", "site"],
  summary: "Create a starter site in a new folder",
  args: [{ name: "<name>", description: "Folder to create; must not exist or be empty" }],
  flags: [HELP],
  examples: ["bengal new site my-blog"],
};

export const NEW_PAGE: CommandSpec = {
  path: ["new", "page"],
  summary: "Create a content page with front matter",
  args: [{ name: "<path>", description: "Path under content/, e.g. blog/my-post or blog/my-post.md" }],
  flags: [
    {
      name: "title",
      type: "string",
      value: "<title>",
      description: "Page title (default: from the file name)",
    },
    {
      name: "dir",
      type: "string",
      value: "<site>",
      description: "Site folder (default: the nearest folder with a bengal config)",
    },
    HELP,
  ],
  examples: ["bengal new page blog/my-post", 'bengal new page docs/setup.md --title "Setting up"'],
};

export const NEW: CommandSpec = {
  path: ["new"],
  summary: "Create a new site or page",
  args: [{ name: "<site|page>", description: "What to create" }],
  flags: [HELP],
  examples: ["bengal new site my-blog", "bengal new page blog/my-post"],
};

export const ROOT_FLAGS: readonly FlagSpec[] = [
  { name: "version", short: "v", type: "boolean", description: "Print the version" },
  HELP,
];

/** Top-level commands in help order. */
export const COMMANDS: readonly CommandSpec[] = [BUILD, SERVE, NEW, CLEAN];
export const SUBCOMMANDS: Readonly<Record<string, readonly CommandSpec[]>> = { new: [NEW_SITE, NEW_PAGE] };
