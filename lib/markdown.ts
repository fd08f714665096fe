import type { Element, ElementContent } from "hast";
import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { markerFromNode } from "@/lib/citations/markers";
import { numberCitations, numberRuns, type NumberedMarker, type UnknownCitation } from "@/lib/citations/numbering";
import { statementsOf } from "@/lib/citations/statements";
import { citationNodes, parseWording, type Citation } from "@/lib/citations/syntax";

/**
 * Markdown wordings to HTML for the reader page and the editor's live preview (one function, so
 * the preview shows exactly what readers get). Raw HTML in the Markdown is dropped, and the result
 * passes an allowlist sanitiser last, so nothing an editor types can add script, styles, event
 * handlers or non-http(s)/mailto links.
 */

export type ReferenceListEntry<R> = {
  /** 1-based, in order of first citation. */
  number: number;
  citekey: string;
  reference: R;
  /** The entry's id ("ref-N"), the target of the superscript links. */
  anchorId: string;
  /** Ids of the places citing it ("cite-N-k"), for "back to text" links. */
  backlinks: string[];
};

export type RenderedWording<R> = {
  html: string;
  /** Only what this wording cites, numbered as in the text. */
  referenceList: ReferenceListEntry<R>[];
  /** Citekeys not in `references`, shown in the text as "[?key]". */
  unknownCitekeys: UnknownCitation[];
};

const citeId = (number: number, occurrence: number) => `cite-${number}-${occurrence}`;
const CITE_ID = /^cite-\d+-\d+$/;

const sanitizeSchema: SanitizeSchema = {
  tagNames: [
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "blockquote",
    "ul",
    "ol",
    "li",
    "em",
    "strong",
    "a",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "span",
  ],
  attributes: {
    a: ["href", "title", ["id", CITE_ID]],
    ol: ["start"],
    th: [["align", "left", "center", "right"]],
    td: [["align", "left", "center", "right"]],
    sup: [["className", "citation"]],
    // "unsourced" is only ever set by markUnsourced (Markdown cannot set classes; raw HTML is dropped).
    span: [
      ["className", "citation-unknown", "unsourced"],
      ["id", CITE_ID],
    ],
  },
  protocols: { href: ["http", "https", "mailto"] },
  // Our ids are generated, never typed by editors (Markdown cannot set ids), so no clobber prefix.
  clobber: [],
  clobberPrefix: "",
  strip: ["script", "style"],
  ancestors: { li: ["ol", "ul"], tbody: ["table"], thead: ["table"], tr: ["table"], th: ["table"], td: ["table"] },
  required: {},
};

const htmlPipeline = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeExternalLinks, { rel: ["noopener", "noreferrer", "nofollow"] })
  .use(rehypeStringify)
  .freeze();

const text = (value: string): ElementContent => ({ type: "text", value });

/**
 * The superscript for one marker: each shown number links to its entry; numbers hidden inside a
 * range ("1-3") keep an empty anchor so their entry's back-link still lands here.
 */
function citationChildren(numbered: NumberedMarker, nextCiteId: (n: number) => string): ElementContent[] {
  const link = (n: number): Element => ({
    type: "element",
    tagName: "a",
    properties: { href: `#ref-${n}`, id: nextCiteId(n) },
    children: [text(String(n))],
  });
  const anchor = (n: number): Element => ({ type: "element", tagName: "span", properties: { id: nextCiteId(n) }, children: [] });
  const parts: ElementContent[][] = numberRuns(numbered.numbers).map(({ first, last }) => {
    if (first === last) return [link(first)];
    if (last === first + 1) return [link(first), text(","), link(last)];
    const hidden = Array.from({ length: last - first - 1 }, (_, i) => anchor(first + 1 + i));
    return [link(first), ...hidden, text("-"), link(last)];
  });
  for (const key of numbered.unknownKeys) {
    parts.push([{ type: "element", tagName: "span", properties: { className: ["citation-unknown"] }, children: [text(`[?${key}]`)] }]);
  }
  return parts.flatMap((part, i) => (i === 0 ? part : [text(","), ...part]));
}

type Parent = Extract<Nodes, { children: unknown[] }>;

/** Removes the citations inside a node and returns them, in order. */
function takeCitations(node: Parent): Citation[] {
  const taken: Citation[] = [];
  const children = node.children as RootContent[];
  (node as { children: RootContent[] }).children = children.filter((child) => {
    if (child.type === "citation") taken.push(child);
    else if ("children" in child) taken.push(...takeCitations(child));
    return child.type !== "citation";
  });
  return taken;
}

/**
 * Rewrites what the allowlist would otherwise mangle: the page title is the only h1, so body
 * headings start at h2; a citation written inside link text moves just after the link (a link
 * inside a link is invalid HTML); GFM footnotes and images are not supported and stay readable as text.
 */
function adaptTree(node: Parent): void {
  const children = node.children as RootContent[];
  (node as { children: RootContent[] }).children = children.flatMap((child): RootContent[] => {
    if (child.type === "heading" && child.depth === 1) child.depth = 2;
    if (child.type === "link" || child.type === "linkReference") {
      adaptTree(child);
      return [child, ...takeCitations(child)];
    }
    if (child.type === "image") return [{ type: "text", value: child.alt ?? "" }];
    if (child.type === "footnoteReference") return [{ type: "text", value: `[^${child.label ?? child.identifier}]` }];
    if (child.type === "footnoteDefinition") {
      adaptTree(child);
      const label: PhrasingContent = { type: "text", value: `[^${child.label ?? child.identifier}]: ` };
      const [first, ...rest] = child.children;
      if (first?.type === "paragraph") return [{ ...first, children: [label, ...first.children] }, ...rest];
      return [{ type: "paragraph", children: [label] }, ...child.children];
    }
    if ("children" in child) adaptTree(child);
    return [child];
  });
}

const escapeText = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Sanitised HTML of a tree; a tree too deep to convert (see parseWording) is shown as its escaped source. */
function treeToHtml(tree: Root, markdown: string): string {
  try {
    return htmlPipeline.stringify(htmlPipeline.runSync(tree));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return `<p>${escapeText(markdown)}</p>`;
  }
}

export type RenderOptions = {
  /** Mark each statement that cites nothing (lib/citations/statements.ts) with class "unsourced": the review page's highlight. */
  markUnsourced?: boolean;
};

export function renderWording<R extends { citekey: string }>(
  markdown: string,
  references: readonly R[],
  options: RenderOptions = {},
): RenderedWording<R> {
  const tree = parseWording(markdown);
  // The statement's text is wrapped in a span (not a class on the paragraph, which a tight list item drops).
  if (options.markUnsourced)
    for (const statement of statementsOf(tree))
      if (!statement.cited)
        statement.node.children = [
          {
            type: "unsourced",
            data: { hName: "span", hProperties: { className: ["unsourced"] } },
            children: statement.node.children,
          } as unknown as PhrasingContent,
        ];
  const byKey = new Map(references.map((ref) => [ref.citekey, ref]));
  const nodes = citationNodes(tree);
  const numbering = numberCitations(nodes.map(markerFromNode), byKey.keys());

  // The k-th place citing reference N gets the id "cite-N-k"; the list links back to each.
  const backlinks = new Map<number, string[]>();
  const nextCiteId = (n: number) => {
    const ids = backlinks.get(n) ?? [];
    const id = citeId(n, ids.length + 1);
    backlinks.set(n, [...ids, id]);
    return id;
  };
  nodes.forEach((node: Citation, i) => {
    node.data = {
      hName: "sup",
      hProperties: { className: ["citation"] },
      hChildren: citationChildren(numbering.markers[i], nextCiteId),
    };
  });
  adaptTree(tree);

  const html = treeToHtml(tree, markdown);
  const referenceList = numbering.order.map((citekey, i) => ({
    number: i + 1,
    citekey,
    reference: byKey.get(citekey) as R,
    anchorId: `ref-${i + 1}`,
    backlinks: backlinks.get(i + 1) ?? [],
  }));
  return { html, referenceList, unknownCitekeys: numbering.unknown };
}

function inlineText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "citation":
      // A NUL (the Markdown parser never passes one through), removed with the space before
      // it once the block is joined, so "pain [@a]." reads "pain.".
      return "\u0000";
    case "break":
      return " ";
    case "image":
      return node.alt ?? "";
    case "html":
    case "footnoteReference":
      return "";
    default:
      return "children" in node ? (node.children as Nodes[]).map(inlineText).join("") : "";
  }
}

function blockTexts(node: Nodes): string[] {
  switch (node.type) {
    case "paragraph":
    case "heading":
    case "tableCell":
      return [inlineText(node)];
    case "code":
      return [node.value];
    case "html":
    case "thematicBreak":
    case "definition":
      return [];
    default:
      return "children" in node ? (node.children as Nodes[]).flatMap(blockTexts) : [inlineText(node)];
  }
}

/**
 * The words of a wording without Markdown syntax or citation markers, for search and
 * readability. Blocks (paragraphs, headings, list items, table cells) are separated by a blank
 * line so a heading or bullet without a full stop is still its own sentence.
 */
export function markdownToPlainText(markdown: string): string {
  return blockTexts(parseWording(markdown))
    .map((block) =>
      block
        // eslint-disable-next-line no-control-regex -- a NUL marks where a citation was (see inlineText)
        .replace(/\s*\u0000/g, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter(Boolean)
    .join("\n\n");
}
