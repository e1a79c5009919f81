/** @jsxImportSource @bengal/core */
import type { TagsProps } from "../../../src/render/layouts/props.ts";

export default function Tags(props: TagsProps) {
  if (props.tags.length === 0) return null;
  return (
    <ul class="tags" aria-label="Tags">
      {props.tags.map((tag) => (
        <li>
          <a class="tag" href={props.site.url(tag.url)} rel="tag">
            #{tag.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
