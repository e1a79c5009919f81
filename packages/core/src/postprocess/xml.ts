import { XMLBuilder } from "fast-xml-parser";

/** Attributes are keys prefixed `@_`; text next to attributes is `#text`. Values are escaped. */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
  // Otherwise `isPermaLink="true"` is written as a bare attribute, which is not XML.
  suppressBooleanAttributes: false,
  processEntities: true,
});

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Serialises one root element with the XML declaration and a final newline. */
export function buildXml(root: Record<string, unknown>): string {
  const body = builder.build(root) as string;
  return `${DECLARATION}${body.endsWith("\n") ? body : `${body}\n`}`;
}
