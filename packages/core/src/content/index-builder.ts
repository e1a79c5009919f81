import type { SiteConfig } from "../model/config.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Page, PageKind, ParsedDocument } from "../model/page.ts";
import type { SiteIndex } from "../model/site.ts";
import { titleFromFileName } from "../parse/title.ts";
import { collectAliases, placePages } from "./collisions.ts";
import { menuFromConfig, menuFromSections } from "./menu.ts";
import { compareText, sortedMap, sortIdsBySiteOrder } from "./order.ts";
import { contentPage, GENERATED, generatedPage } from "./pages.ts";
import { assembleSections, SectionPlan } from "./sections.ts";
import { renderTargets } from "./targets.ts";
import { TermRegistry } from "./taxonomies.ts";
import { isContentFile, normalizeSiteUrl, pageUrl, type SourceShape, sourceShape } from "./urls.ts";

export interface BuildIndexOptions {
  readonly drafts: boolean;
}

const KIND: Record<SourceShape["kind"], PageKind> = {
  home: "home",
  section: "section",
  bundle: "page",
  page: "page",
};

/**
 * The content index: every page (content and generated), sections, taxonomies, render
 * targets, aliases and the menu, from parsed documents alone. Pure and deterministic: the
 * same documents in any order give the same index.
 */
export function buildSiteIndex(
  docs: readonly ParsedDocument[],
  config: SiteConfig,
  options: BuildIndexOptions,
): { index: SiteIndex; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const includeDrafts = options.drafts || config.build.drafts;
  const sorted = docs.filter((d) => isContentFile(d.path)).sort((a, b) => compareText(a.path, b.path));

  const drafts = new Map<string, string>();
  const included: Array<{ doc: ParsedDocument; shape: SourceShape }> = [];
  for (const doc of sorted) {
    if (doc.frontMatter.draft === true && !includeDrafts) {
      drafts.set(doc.path, pageUrl(doc.path, doc.frontMatter, config));
      continue;
    }
    included.push({ doc, shape: sourceShape(doc.path) });
  }

  const plan = new SectionPlan(included.map((i) => i.shape));
  const terms = new TermRegistry();
  for (const { doc, shape } of included)
    terms.register(doc.path, doc.frontMatter, KIND[shape.kind] === "page");

  const contentPages: Page[] = [];
  for (const { doc, shape } of included) {
    const fm = doc.frontMatter;
    contentPages.push(
      contentPage(
        {
          doc,
          shape,
          kind: KIND[shape.kind],
          section: plan.sectionOf(shape),
          tags: terms.termsOf(fm, "tags"),
          categories: terms.termsOf(fm, "categories"),
          aliases: (fm.aliases ?? []).filter((a) => a.trim() !== "").map(normalizeSiteUrl),
        },
        config,
      ),
    );
  }

  // A section's page is its `_index.md` (the first one, if two claim the folder), else generated.
  const indexPages = new Map<string, Page>();
  for (const page of contentPages) {
    if ((page.kind === "home" || page.kind === "section") && !indexPages.has(page.section)) {
      indexPages.set(page.section, page);
    }
  }
  const generated: Page[] = [];
  for (const key of plan.keys) {
    if (indexPages.has(key)) continue;
    const page =
      key === ""
        ? generatedPage(
            { kind: "home", id: GENERATED.home, title: "Home", url: "/", section: "", slug: "" },
            config,
          )
        : generatedPage(
            {
              kind: "section",
              id: GENERATED.section(key),
              title: titleFromFileName(`content/${key}/_index.md`),
              url: normalizeSiteUrl(key.replace(/\s+/g, "-")),
              section: key,
              slug: key.slice(key.lastIndexOf("/") + 1),
            },
            config,
          );
    indexPages.set(key, page);
    generated.push(page);
  }

  const allById = new Map<string, Page>([...contentPages, ...generated].map((p) => [p.id, p]));
  const taxonomyResult = terms.finish(allById, config);
  generated.push(...taxonomyResult.pages);
  generated.push(
    generatedPage(
      {
        kind: "404",
        id: GENERATED.notFound,
        title: "Page Not Found",
        url: "/404.html",
        section: "",
        slug: "404",
      },
      config,
    ),
  );
  const pages = sortedMap([...contentPages, ...generated].map((p) => [p.id, p] as const));

  const docsByPath = new Map(included.map((i) => [i.doc.path, i.doc]));
  const placement = placePages(contentPages, generated, docsByPath);
  diagnostics.push(...placement.diagnostics);
  const aliasResult = collectAliases(contentPages, placement.byUrl, docsByPath);
  diagnostics.push(...aliasResult.diagnostics);

  const regularPageIds = sortIdsBySiteOrder(
    contentPages.filter((p) => p.kind === "page").map((p) => p.id),
    pages,
  );
  const regularBySection = new Map<string, string[]>();
  for (const id of regularPageIds) {
    const page = pages.get(id)!;
    const list = regularBySection.get(page.section) ?? [];
    list.push(id);
    regularBySection.set(page.section, list);
  }
  const sections = assembleSections(plan, indexPages, regularBySection, pages);

  const targets = renderTargets({
    pages,
    skipped: placement.skipped,
    sections,
    taxonomies: taxonomyResult.taxonomies,
    regularPageIds,
    config,
  });

  const index: SiteIndex = {
    config,
    pages,
    sections,
    taxonomies: taxonomyResult.taxonomies,
    targets,
    aliases: aliasResult.aliases,
    menu: config.menu.main.length > 0 ? menuFromConfig(config.menu.main) : menuFromSections(sections, pages),
    byUrl: sortedMap(placement.byUrl),
    bySource: sortedMap(contentPages.map((p) => [p.sourcePath!, p.id] as const)),
    regularPageIds,
    drafts: sortedMap(drafts),
  };
  return { index, diagnostics };
}
