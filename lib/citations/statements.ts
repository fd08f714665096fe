import type { Paragraph, Root } from "mdast";
import { parseWording } from "@/lib/citations/syntax";

/**
 * Statements of a wording and whether each cites a source (issue 22, "statements without a
 * source"). A statement is a paragraph, at the top level, in a list item or in a block quote;
 * headings, tables and code are not statements, and a paragraph that ends with a colon only
 * introduces what follows ("Absolute contraindications include:"). A statement cites a source
 * when it holds at least one citation marker. Pure; the submission checklist counts these and the
 * review page highlights the ones that cite nothing (lib/markdown.ts, markUnsourced).
 */

export type Statement = { node: Paragraph; text: string; cited: boolean };

const CONTAINERS = new Set(["root", "list", "listItem", "blockquote"]);

type Node = { type: string; value?: string; children?: Node[] };

function textOf(node: Node): string {
  if (node.type === "citation") return "";
  if (typeof node.value === "string") return node.value;
  return (node.children ?? []).map(textOf).join("");
}

const hasCitation = (node: Node): boolean => node.type === "citation" || (node.children ?? []).some(hasCitation);

/** The statements of a parsed wording, in document order. */
export function statementsOf(tree: Root): Statement[] {
  const found: Statement[] = [];
  const walk = (node: Node) => {
    for (const child of node.children ?? []) {
      if (child.type === "paragraph") {
        const text = textOf(child).replace(/\s+/g, " ").trim();
        if (text && !text.endsWith(":")) found.push({ node: child as unknown as Paragraph, text, cited: hasCitation(child) });
      } else if (CONTAINERS.has(child.type)) walk(child);
    }
  };
  walk(tree);
  return found;
}

export type StatementCount = { total: number; unsourced: string[] };

/** How many statements a wording makes and the text of each that cites nothing. */
export function countUnsourcedStatements(markdown: string): StatementCount {
  const statements = statementsOf(parseWording(markdown));
  return { total: statements.length, unsourced: statements.filter((s) => !s.cited).map((s) => s.text) };
}
