import type { Literal, Root } from "mdast";
import type { CompileContext, Extension as FromMarkdownExtension, Token } from "mdast-util-from-markdown";
import type { Code, Construct, Effects, Extension as MicromarkExtension, State } from "micromark-util-types";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";

/**
 * Citation markers (`[@key]`, `[@a; @b]`) as a Markdown syntax extension, so the Markdown parser
 * itself decides what is a citation: markers in code, escaped (`\[@a]`), written with entities
 * or inside link destinations are not, and every marker carries an exact source position.
 * Marker parsing, numbering and rendering all read this one tree and cannot disagree.
 */

export interface Citation extends Literal {
  type: "citation";
  /** The citekeys in the order written, repeats kept. */
  keys: string[];
  /** 1-based line and column of each key's `@`. */
  keyPositions: Array<{ line: number; column: number }>;
}

declare module "mdast" {
  interface PhrasingContentMap {
    citation: Citation;
  }
  interface RootContentMap {
    citation: Citation;
  }
}

declare module "micromark-util-types" {
  interface TokenTypeMap {
    citation: "citation";
    citationMarker: "citationMarker";
    citationKeyMarker: "citationKeyMarker";
    citationKey: "citationKey";
    citationSeparator: "citationSeparator";
    citationWhitespace: "citationWhitespace";
  }
}

// micromark character codes: line endings are negative (-5 CR, -4 LF, -3 CRLF), -2 a tab, -1 virtual space.
const isLineEnding = (code: Code) => code !== null && code < -2;
const isSpace = (code: Code) => code === -2 || code === -1 || code === 32;
const isAsciiAlphanumeric = (code: Code) =>
  code !== null && ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122));
// Same set as CITEKEY_PATTERN in citekey.ts: _ : . # $ % & + ? < > ~ / -
const KEY_PUNCTUATION = new Set([95, 58, 46, 35, 36, 37, 38, 43, 63, 60, 62, 126, 47, 45]);
const isKeyChar = (code: Code) => isAsciiAlphanumeric(code) || (code !== null && KEY_PUNCTUATION.has(code));

const AT_SIGN = 64;
const SEMICOLON = 59;
const RIGHT_BRACKET = 93;
const LEFT_BRACKET = 91;

function tokenizeCitation(effects: Effects, ok: State, nok: State): State {
  const skipGap = (next: State): State => {
    const gap: State = (code) => {
      if (isLineEnding(code)) {
        effects.enter("lineEnding");
        effects.consume(code);
        effects.exit("lineEnding");
        return gap;
      }
      if (isSpace(code)) {
        effects.enter("citationWhitespace");
        effects.consume(code);
        effects.exit("citationWhitespace");
        return gap;
      }
      return next(code);
    };
    return gap;
  };

  const atSign: State = (code) => {
    if (code !== AT_SIGN) return nok(code);
    effects.enter("citationKeyMarker");
    effects.consume(code);
    effects.exit("citationKeyMarker");
    return keyStart;
  };
  const keyStart: State = (code) => {
    if (!isAsciiAlphanumeric(code)) return nok(code);
    effects.enter("citationKey");
    effects.consume(code);
    return keyRest;
  };
  const keyRest: State = (code) => {
    if (isKeyChar(code)) {
      effects.consume(code);
      return keyRest;
    }
    effects.exit("citationKey");
    return afterKey(code);
  };
  const afterKeyEnd: State = (code) => {
    if (code === SEMICOLON) {
      effects.enter("citationSeparator");
      effects.consume(code);
      effects.exit("citationSeparator");
      return beforeKey;
    }
    if (code === RIGHT_BRACKET) {
      effects.enter("citationMarker");
      effects.consume(code);
      effects.exit("citationMarker");
      effects.exit("citation");
      return ok;
    }
    return nok(code);
  };
  const beforeKey = skipGap(atSign);
  const afterKey = skipGap(afterKeyEnd);

  return (code) => {
    effects.enter("citation");
    effects.enter("citationMarker");
    effects.consume(code);
    effects.exit("citationMarker");
    return beforeKey;
  };
}

const citationConstruct: Construct = { name: "citation", tokenize: tokenizeCitation };

/** Tried before link labels on `[`; falls back to them when the bracket holds no `@key`. */
export const citationSyntax: MicromarkExtension = { text: { [LEFT_BRACKET]: citationConstruct } };

function currentCitation(context: CompileContext): Citation {
  return context.stack[context.stack.length - 1] as Citation;
}

export const citationFromMarkdown: FromMarkdownExtension = {
  enter: {
    citation(this: CompileContext, token: Token) {
      this.enter({ type: "citation", keys: [], keyPositions: [], value: "" }, token);
    },
    citationKey(this: CompileContext, token: Token) {
      const node = currentCitation(this);
      node.keys.push(this.sliceSerialize(token));
      // The key's `@` is one column before the key itself.
      node.keyPositions.push({ line: token.start.line, column: token.start.column - 1 });
    },
  },
  exit: {
    citation(this: CompileContext, token: Token) {
      currentCitation(this).value = this.sliceSerialize(token);
      this.exit(token);
    },
  },
};

/** unified plugin registering the syntax, for pipelines built elsewhere (the renderer). */
export function remarkCitations(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(citationSyntax);
  (data.fromMarkdownExtensions ??= []).push(citationFromMarkdown);
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkCitations).freeze();

/** Deeper than any real wording nests lists and quotes; see parseWording. */
export const MAX_CONTAINER_NESTING = 100;

/** True when some line opens more than `limit` lists or block quotes at once ("- - - - x", ">>>> x"). */
function nestsDeeperThan(markdown: string, limit: number): boolean {
  const isBlank = (c: string | undefined) => c === " " || c === "\t";
  let depth = 0;
  let i = 0;
  while (i < markdown.length) {
    const c = markdown[i];
    if (c === "\n") {
      depth = 0;
      i++;
    } else if (isBlank(c)) i++;
    else if (c === ">" || ((c === "-" || c === "*" || c === "+") && isBlank(markdown[i + 1]))) {
      if (++depth > limit) return true;
      i++;
    } else if (c >= "0" && c <= "9") {
      let j = i;
      while (markdown[j] >= "0" && markdown[j] <= "9") j++;
      if ((markdown[j] === "." || markdown[j] === ")") && isBlank(markdown[j + 1])) {
        if (++depth > limit) return true;
        i = j + 1;
      } else {
        i = markdown.indexOf("\n", i);
        if (i === -1) return false;
      }
    } else {
      // The rest of the line is content: skip to the next line.
      i = markdown.indexOf("\n", i);
      if (i === -1) return false;
    }
  }
  return false;
}

/**
 * The Markdown tree of a wording (GFM + citation markers), as every citation consumer reads it.
 * The Markdown parser slows quadratically with container depth on one line (3,000 nested list
 * markers take 8 s) and recurses once per level, so a text nesting absurdly deep is kept as one
 * plain paragraph, without citations: saving, indexing and rendering it stay fast and never throw.
 */
export function parseWording(markdown: string): Root {
  const plain = (): Root => ({ type: "root", children: [{ type: "paragraph", children: [{ type: "text", value: markdown }] }] });
  if (nestsDeeperThan(markdown, MAX_CONTAINER_NESTING)) return plain();
  try {
    return parser.parse(markdown);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return plain();
  }
}

/** Citation nodes in document order (= source order). */
export function citationNodes(tree: Root): Citation[] {
  const found: Citation[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "citation") found.push(node as Citation);
    else if (node.children) for (const child of node.children) walk(child as { type: string; children?: unknown[] });
  };
  walk(tree);
  return found;
}
