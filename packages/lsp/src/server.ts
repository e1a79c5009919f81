import { type Host, relative } from "@bengal/core/analysis";
import {
  CodeActionKind,
  type Connection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeResult,
  type Diagnostic as LspDiagnostic,
  TextDocumentSyncKind,
  TextDocuments,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { toLspDiagnostic } from "./convert.ts";
import { codeActions } from "./features/code-actions.ts";
import { completion } from "./features/completion.ts";
import { definition, documentLinks, documentSymbols, hover, workspaceSymbols } from "./features/navigate.ts";
import { references } from "./features/references.ts";
import { prepareHeadingRename, renameFiles, renameHeading } from "./features/rename.ts";
import { parseSeverities, pushedValidate } from "./settings.ts";
import { UriMap, uriToPath } from "./uri.ts";
import type { FileChange } from "./workspace/site.ts";
import { Workspace } from "./workspace/workspace.ts";

const ALL_FILES = { filters: [{ pattern: { glob: "**/*" } }] };

/** Wires the LSP protocol to the workspace model. Everything the server knows comes from core. */
export function startServer(connection: Connection, disk: Host): Workspace {
  const documents = new TextDocuments(TextDocument);
  const uris = new UriMap();
  const justOpened = new Set<string>();
  const sent = new Map<string, string>();
  let pull = false;
  let refresh = false;
  let refreshQueued = false;
  let folders: string[] = [];
  let folderEvents = false;
  let watch = false;
  let configPull = false;
  let initialValidate: { value: unknown } | undefined;

  const push = (path: string, diagnostics: LspDiagnostic[]): void => {
    const key = JSON.stringify(diagnostics);
    const before = sent.get(path);
    if (before === key || (before === undefined && diagnostics.length === 0)) return;
    sent.set(path, key);
    void connection.sendDiagnostics({ uri: uris.toUri(path), diagnostics });
  };
  const isOpen = (path: string): boolean => documents.get(uris.toUri(path)) !== undefined;
  const latest = new Map<string, LspDiagnostic[]>();

  const workspace = new Workspace(disk, {
    publish(path, found) {
      const diagnostics = found.map(toLspDiagnostic);
      if (diagnostics.length > 0) latest.set(path, diagnostics);
      else latest.delete(path);
      // A pull client asks for open files itself; pushing them too would show everything twice.
      if (pull && isOpen(path)) {
        if (refresh && !refreshQueued) {
          refreshQueued = true;
          queueMicrotask(() => {
            refreshQueued = false;
            void connection.languages.diagnostics.refresh();
          });
        }
        return;
      }
      push(path, diagnostics);
    },
    log: (message) => connection.console.log(message),
  });

  const context = async (uri: string) => {
    await workspace.flush();
    const path = uris.remember(uri);
    const site = path === null ? undefined : workspace.siteOf(path);
    const doc = site && path !== null ? site.docs.get(relative(site.root, path)) : undefined;
    return site && doc ? { site, doc } : null;
  };
  const toUri = (path: string) => uris.toUri(path);
  const applyValidate = (value: unknown) =>
    workspace.setSeverities(parseSeverities(value, (m) => connection.console.warn(m)));
  /** Asks the client for the `bengal` section, for clients that announce a change without its value. */
  const pullValidate = async () => {
    try {
      const section = (await connection.workspace.getConfiguration("bengal")) as {
        validate?: unknown;
      } | null;
      await applyValidate(section?.validate);
    } catch (error) {
      connection.console.warn(`bengal-lsp: could not read the bengal settings: ${String(error)}`);
    }
  };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pull = caps.textDocument?.diagnostic !== undefined;
    refresh = caps.workspace?.diagnostics?.refreshSupport === true;
    folderEvents = caps.workspace?.workspaceFolders === true;
    watch = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configPull = caps.workspace?.configuration === true;
    const options = params.initializationOptions as Record<string, unknown> | null | undefined;
    initialValidate =
      options && typeof options === "object" && "validate" in options
        ? { value: options.validate }
        : undefined;
    const fromFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    const root = params.rootUri ? uriToPath(params.rootUri) : null;
    folders = [...fromFolders, ...(fromFolders.length === 0 && root ? [root] : [])].filter(
      (f): f is string => f !== null,
    );
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ["(", "#", "/", ":", " ", "-"] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        ...(pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: {
          workspaceFolders: { supported: true, changeNotifications: true },
          fileOperations: {
            willRename: ALL_FILES,
            didRename: ALL_FILES,
            didCreate: ALL_FILES,
            didDelete: ALL_FILES,
          },
        },
      },
      serverInfo: { name: "bengal-lsp", version: "0.1.0" },
    };
  });

  connection.onInitialized(async () => {
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) {
          const p = uriToPath(f.uri);
          if (p !== null) workspace.removeFolder(p);
        }
        for (const f of e.added) {
          const p = uriToPath(f.uri);
          if (p !== null) void workspace.addFolder(p);
        }
      });
    }
    if (watch) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*" }] })
        .catch(() => undefined);
    }
    // Severities first, so the first diagnostics published already carry them.
    if (initialValidate) await applyValidate(initialValidate.value);
    else if (configPull) await pullValidate();
    for (const folder of folders) await workspace.addFolder(folder);
  });

  connection.onDidChangeConfiguration((p) => {
    const pushed = pushedValidate(p.settings);
    if (pushed) void applyValidate(pushed.value);
    else if (configPull) void pullValidate();
  });

  documents.onDidOpen((e) => {
    const path = uris.remember(e.document.uri);
    if (path === null) return;
    justOpened.add(e.document.uri);
    // From now on the client pulls this file's diagnostics: clear what was pushed for it while closed.
    if (pull) push(path, []);
    workspace.bufferChanged(path, e.document.getText(), false);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    const path = uriToPath(e.document.uri);
    if (path !== null) workspace.bufferChanged(path, e.document.getText(), true);
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    const path = uriToPath(e.document.uri);
    if (path === null) return;
    workspace.bufferClosed(path);
    if (pull) push(path, latest.get(path) ?? []);
  });

  const fileEvents = (changes: FileChange[]) => workspace.filesChanged(changes);
  const kinds = {
    [FileChangeType.Created]: "create",
    [FileChangeType.Changed]: "change",
    [FileChangeType.Deleted]: "delete",
  } as const;
  connection.onDidChangeWatchedFiles((p) =>
    fileEvents(
      p.changes.flatMap((c) => {
        const path = uriToPath(c.uri);
        return path === null ? [] : [{ path, kind: kinds[c.type] }];
      }),
    ),
  );
  const paths = (list: ReadonlyArray<{ uri: string }>) =>
    list.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
  connection.workspace.onDidCreateFiles((p) =>
    fileEvents(paths(p.files).map((path) => ({ path, kind: "create" }))),
  );
  connection.workspace.onDidDeleteFiles((p) =>
    fileEvents(paths(p.files).map((path) => ({ path, kind: "delete" }))),
  );
  connection.workspace.onDidRenameFiles((p) =>
    fileEvents(
      p.files.flatMap((f) => {
        const from = uriToPath(f.oldUri);
        const to = uriToPath(f.newUri);
        return from === null || to === null
          ? []
          : [
              { path: from, kind: "delete" as const },
              { path: to, kind: "create" as const },
            ];
      }),
    ),
  );
  connection.workspace.onWillRenameFiles(async (p) => {
    await workspace.flush();
    const renames = p.files.flatMap((f) => {
      const from = uriToPath(f.oldUri);
      const to = uriToPath(f.newUri);
      return from === null || to === null ? [] : [{ from, to }];
    });
    const changes: Record<string, unknown[]> = {};
    for (const site of workspace.sites.values()) {
      const edit = renameFiles(
        site,
        renames.filter((r) => workspace.siteOf(r.from) === site),
        toUri,
      );
      Object.assign(changes, edit.changes);
    }
    return Object.keys(changes).length > 0 ? { changes: changes as never } : null;
  });

  connection.languages.diagnostics.on(async (p) => {
    await workspace.flush();
    const path = uris.remember(p.textDocument.uri);
    const site = path === null ? undefined : workspace.siteOf(path);
    const items =
      site && path !== null ? site.diagnosticsFor(relative(site.root, path)).map(toLspDiagnostic) : [];
    return { kind: "full", items };
  });

  connection.onCompletion(async (p) => {
    const c = await context(p.textDocument.uri);
    return c ? completion(c.site, c.doc, p.position) : [];
  });
  connection.onHover(async (p) => {
    const c = await context(p.textDocument.uri);
    return c ? hover(c.site, c.doc, p.position, toUri) : null;
  });
  connection.onDefinition(async (p) => {
    const c = await context(p.textDocument.uri);
    return c ? definition(c.site, c.doc, p.position, toUri) : null;
  });
  connection.onReferences(async (p) => {
    const c = await context(p.textDocument.uri);
    return c ? references(c.site, c.doc, p.position, p.context.includeDeclaration, toUri) : [];
  });
  connection.onDocumentLinks(async (p) => {
    const c = await context(p.textDocument.uri);
    return c ? documentLinks(c.site, c.doc, toUri) : [];
  });
  connection.onDocumentSymbol(async (p) => {
    const c = await context(p.textDocument.uri);
    return c ? documentSymbols(c.doc) : [];
  });
  connection.onWorkspaceSymbol(async (p) => {
    await workspace.flush();
    return workspaceSymbols(workspace.sites.values(), p.query, toUri);
  });
  connection.onPrepareRename(async (p) => {
    const c = await context(p.textDocument.uri);
    return c ? prepareHeadingRename(c.doc, p.position) : null;
  });
  connection.onRenameRequest(async (p) => {
    const c = await context(p.textDocument.uri);
    return c ? renameHeading(c.site, c.doc, p.position, p.newName, toUri) : null;
  });
  connection.onCodeAction(async (p) => {
    const c = await context(p.textDocument.uri);
    return c ? codeActions(c.site, c.doc, p.context.diagnostics, toUri) : [];
  });

  documents.listen(connection);
  return workspace;
}
