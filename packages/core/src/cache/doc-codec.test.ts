import { expect, test } from "bun:test";
import { deserialize, serialize } from "node:v8";
import type { ParsedDocument } from "../model/page.ts";
import { parseDocument } from "../parse/parse-document.ts";
import { decodeDoc, encodeDoc, type StoredDoc } from "./doc-codec.ts";

function stored(path: string, text: string): StoredDoc {
  const { doc, diagnostics } = parseDocument(path, text);
  const { body: _body, bodyKey: _key, ...rest } = doc as ParsedDocument;
  return { doc: rest, diagnostics };
}

/** What v8's round trip gives: the form documents had in the table before. */
const v8Copy = (value: StoredDoc) => deserialize(serialize(value)) as StoredDoc;

const documents: Record<string, string> = {
  "yaml.md": [
    "---",
    "title: Dates",
    "date: 2025-03-04",
    "lastmod: 2025-03-05T10:20:30Z",
    "tags: [a, b]",
    "published: 2024-01-02",
    "nested:",
    "  when: [2020-01-01, plain, 3]",
    "  deep: { at: 2021-06-07T08:09:10Z }",
    "big: .inf",
    "small: -.inf",
    "odd: .nan",
    "text: '2025-03-04'",
    "---",
    "Body.",
  ].join("\n"),
  "toml.md": [
    "+++",
    'title = "Toml"',
    "date = 2025-03-04T05:06:07Z",
    "local = 2025-03-04",
    "[extra]",
    "times = [1979-05-27T07:32:00Z]",
    "+++",
    "Body.",
  ].join("\n"),
  "plain.md": "---\ntitle: Plain\nweight: 3\n---\nBody.",
  "broken.md": "---\ntitle: [unclosed\n---\nBody.",
  "none.md": "Just a body.",
};

for (const [path, text] of Object.entries(documents)) {
  test(`${path} reads back as v8's round trip did`, () => {
    const doc = stored(path, text);
    const back = decodeDoc(encodeDoc(doc));
    expect(back).toEqual(v8Copy(doc));
    expect(Bun.deepEquals(back, v8Copy(doc), true)).toBe(true);
  });
}

test("dates come back as dates, strings that look like dates stay strings", () => {
  const yaml = decodeDoc(encodeDoc(stored("yaml.md", documents["yaml.md"]!))).doc.frontMatter;
  expect(yaml.date).toBeInstanceOf(Date);
  expect(yaml.date?.toISOString()).toBe("2025-03-04T00:00:00.000Z");
  const params = yaml.params as Record<string, unknown> & { nested: { when: unknown[] } };
  expect(params.text).toBe("2025-03-04");
  expect(params.nested.when[1]).toBe("plain");
  expect(params.big).toBe(Number.POSITIVE_INFINITY);
  expect(params.small).toBe(Number.NEGATIVE_INFINITY);
  expect(params.odd).toBeNaN();
  const toml = decodeDoc(encodeDoc(stored("toml.md", documents["toml.md"]!))).doc.frontMatter;
  const extra = toml.params as { local: unknown; extra: { times: Date[] } };
  expect(extra.local).toBeInstanceOf(Date);
  expect(extra.extra.times[0]).toBeInstanceOf(Date);
  expect(extra.extra.times[0]!.toISOString()).toBe("1979-05-27T07:32:00.000Z");
});

test("an invalid date and a value JSON cannot hold survive too", () => {
  const base = stored("plain.md", documents["plain.md"]!);
  const odd: StoredDoc = {
    ...base,
    doc: {
      ...base.doc,
      frontMatter: {
        ...base.doc.frontMatter,
        date: new Date(Number.NaN),
        params: { when: new Date(Number.NaN) },
      },
    },
  };
  const back = decodeDoc(encodeDoc(odd));
  expect(back.doc.frontMatter.date?.getTime()).toBeNaN();
  expect((back.doc.frontMatter.params.when as Date).getTime()).toBeNaN();
  const exotic: StoredDoc = {
    ...base,
    doc: { ...base.doc, frontMatter: { ...base.doc.frontMatter, params: { set: new Set([1, 2]) } } },
  };
  const text = encodeDoc(exotic);
  expect(text.startsWith("v8:")).toBe(true);
  expect(decodeDoc(text).doc.frontMatter.params.set).toEqual(new Set([1, 2]));
});
