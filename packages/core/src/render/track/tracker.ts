import type { Page } from "../../model/page.ts";
import type { SiteIndex } from "../../model/site.ts";
import { BODY_READ } from "./body-read.ts";
import { createDepValues, type DepEnvironment, type Deps } from "./dep-value.ts";

/**
 * Records what a render reads. Layouts and the props builder see `tracker.index`, a view
 * of the site index that notes every page, section, URL and list it is asked for; the
 * values of those keys at render time become the render's dependencies.
 */
export interface Tracker {
  readonly index: SiteIndex;
  /** Runs `fn`, returning its value and the dependencies read meanwhile. */
  run<T>(fn: () => T): { value: T; deps: Deps };
  /** Notes a dependency read outside the index (an asset URL, a layout). */
  note(key: string): void;
  /** Runs `fn` without recording what it reads (work shared by every render, built once). */
  untracked<T>(fn: () => T): T;
}

export function createTracker(env: DepEnvironment): Tracker {
  const value = createDepValues(env);
  let current: Set<string> | null = null;
  const note = (key: string) => {
    current?.add(key);
  };

  const raw = env.index;
  const pageProxies = new Map<string, Page>();
  const trackPage = (page: Page | undefined): Page | undefined => {
    if (!page) return page;
    let proxy = pageProxies.get(page.id);
    if (!proxy) {
      const bodyKey = `body:${page.id}`;
      const metaKey = `meta:${page.id}`;
      proxy = new Proxy(page, {
        get(target, prop, receiver) {
          if (prop === BODY_READ) {
            note(bodyKey);
            return true;
          }
          note(prop === "body" ? bodyKey : metaKey);
          return Reflect.get(target, prop, receiver);
        },
      });
      pageProxies.set(page.id, proxy);
    }
    return proxy;
  };

  const pages = trackedMap(raw.pages, "meta", "pages*", note, trackPage);
  const sections = trackedMap(raw.sections, "section", "sections*", note);
  const byUrl = trackedMap(raw.byUrl, "url", "urls*", note);
  const bySource = trackedMap(raw.bySource, "src", "sources*", note);
  const listKeys: Partial<Record<keyof SiteIndex, string>> = {
    regularPageIds: "regular",
    taxonomies: "taxonomies",
    menu: "menu",
    aliases: "aliases",
    drafts: "drafts",
    targets: "targets",
  };
  const index = new Proxy(raw, {
    get(target, prop, receiver) {
      switch (prop) {
        case "pages":
          return pages;
        case "sections":
          return sections;
        case "byUrl":
          return byUrl;
        case "bySource":
          return bySource;
      }
      const key = listKeys[prop as keyof SiteIndex];
      if (key) note(key);
      return Reflect.get(target, prop, receiver);
    },
  });

  return {
    index,
    note,
    run(fn) {
      const previous = current;
      const keys = new Set<string>();
      current = keys;
      try {
        const result = fn();
        const deps: Deps = {};
        for (const key of [...keys].sort()) deps[key] = value(key);
        return { value: result, deps };
      } finally {
        current = previous;
      }
    },
    untracked(fn) {
      const previous = current;
      current = null;
      try {
        return fn();
      } finally {
        current = previous;
      }
    },
  };
}

/** A read-only Map view that notes `prefix:key` for lookups and `all` for iteration. */
function trackedMap<K extends string, V>(
  map: ReadonlyMap<K, V>,
  prefix: string,
  all: string,
  note: (key: string) => void,
  wrap: (v: V | undefined) => V | undefined = (v) => v,
): ReadonlyMap<K, V> {
  // Dependency keys made once per map key: the same pages and sections are looked up on every render.
  const depKeys = new Map<K, string>();
  const depKey = (key: K): string => {
    let k = depKeys.get(key);
    if (k === undefined) {
      k = `${prefix}:${key}`;
      depKeys.set(key, k);
    }
    return k;
  };
  const iterate = () => {
    note(all);
    return [...map].map(([k, v]) => [k, wrap(v) as V] as [K, V]);
  };
  const view: ReadonlyMap<K, V> = {
    get size() {
      note(all);
      return map.size;
    },
    get(key) {
      note(depKey(key));
      return wrap(map.get(key));
    },
    has(key) {
      note(depKey(key));
      return map.has(key);
    },
    forEach(cb, thisArg) {
      for (const [k, v] of iterate()) cb.call(thisArg, v, k, view);
    },
    entries: () => iterate()[Symbol.iterator](),
    keys: () =>
      iterate()
        .map(([k]) => k)
        [Symbol.iterator](),
    values: () =>
      iterate()
        .map(([, v]) => v)
        [Symbol.iterator](),
    [Symbol.iterator]: () => iterate()[Symbol.iterator](),
  };
  return view;
}
