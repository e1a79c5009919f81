/** @jsxImportSource @bengal/core */
import type { TocEntry } from "../../../src/model/render.ts";
import type { TocProps } from "../../../src/render/layouts/props.ts";

function Entries(props: { entries: readonly TocEntry[] }) {
  return (
    <ol>
      {props.entries.map((entry) => (
        <li>
          <a href={`#${entry.id}`}>{entry.text}</a>
          {entry.children.length > 0 ? <Entries entries={entry.children} /> : null}
        </li>
      ))}
    </ol>
  );
}

export default function Toc(props: TocProps) {
  if (props.toc.length === 0) return null;
  return (
    <nav class="toc" aria-labelledby="toc-title">
      <details open>
        <summary id="toc-title">On this page</summary>
        <Entries entries={props.toc} />
      </details>
    </nav>
  );
}
