import { expect, test } from "bun:test";
import { titleFromFileName } from "./title.ts";

test("file names become titles", () => {
  expect(titleFromFileName("content/docs/getting-started.md")).toBe("Getting Started");
  expect(titleFromFileName("content/my_first_post.markdown")).toBe("My First Post");
  expect(titleFromFileName("content/API-reference.md")).toBe("API Reference");
});

test("index files take the folder name; the root is Home", () => {
  expect(titleFromFileName("content/docs/user-guide/_index.md")).toBe("User Guide");
  expect(titleFromFileName("content/blog/hello-world/index.md")).toBe("Hello World");
  expect(titleFromFileName("content/_index.md")).toBe("Home");
  expect(titleFromFileName("content/index.md")).toBe("Home");
  expect(titleFromFileName("_index.md")).toBe("Home");
});
