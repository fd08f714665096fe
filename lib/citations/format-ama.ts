import { formatAmaEntries } from "./citation-js";
import { toCsl, type CslItem } from "./csl";
import type { ReferenceFields } from "./reference";

/**
 * AMA 11th-edition reference entries, via citeproc and the style in styles/ama.ts:
 *   Mottola MF, Davenport MH, Ruchat SM, et al. 2019 Canadian guideline for physical activity
 *   throughout pregnancy. Br J Sports Med. 2018;52(21):1339-1346. doi:10.1136/bjsports-2018-100056
 * `text` is plain; `html` is safe to insert as HTML, with the journal (or book/report title) in <i>.
 */
export type AmaEntry = { text: string; html: string };

// citeproc reads <i>, <b>, <sup>, <sc> and <span class="nocase"> in field values as markup. Angle
// brackets are swapped for private-use characters before formatting and restored afterwards
// (escaped in the HTML), so a title can never inject a tag, whatever it contains.
const LT = "\uE000";
const GT = "\uE001";

function shieldMarkup<T>(value: T): T {
  if (typeof value === "string") return value.replace(/</g, LT).replace(/>/g, GT) as T;
  if (Array.isArray(value)) return value.map(shieldMarkup) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shieldMarkup(v)])) as T;
  }
  return value;
}

// citeproc looks up lower-case words of a given name ("van", "de") in a plain object, so a given
// name such as "constructor" or "hasOwnProperty" reaches an Object.prototype method and the whole
// list crashes. Such words get an invisible private-use mark before formatting (no longer a key
// of Object.prototype) and lose it afterwards; the name is printed as written.
const NAME_MARK = "\uE002";
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

function shieldPrototypeWords(given: string | undefined): string | undefined {
  return given?.replace(/[A-Za-z0-9_$]+/g, (word) => (PROTOTYPE_NAMES.has(word) ? word + NAME_MARK : word));
}

function shieldNames(item: CslItem): CslItem {
  if (!item.author) return item;
  return {
    ...item,
    author: item.author.map((name) => (name.given === undefined ? name : { ...name, given: shieldPrototypeWords(name.given) })),
  };
}

const unwrapEntry = (html: string) => html.replace(/^\s*<div[^>]*>/, "").replace(/<\/div>\s*$/, "");

export function formatAmaList(refs: readonly ReferenceFields[]): AmaEntry[] {
  if (refs.length === 0) return [];
  const items: CslItem[] = refs.map((ref, i) => shieldMarkup(shieldNames({ ...toCsl(ref), id: `item-${i}` })));
  const texts = formatAmaEntries(items, "text");
  const htmls = formatAmaEntries(items, "html");
  return texts.map((text, i) => ({
    text: text.trim().replaceAll(NAME_MARK, "").replace(new RegExp(LT, "g"), "<").replace(new RegExp(GT, "g"), ">"),
    html: unwrapEntry(htmls[i] ?? "")
      .trim()
      .replaceAll(NAME_MARK, "")
      .replace(new RegExp(LT, "g"), "&lt;")
      .replace(new RegExp(GT, "g"), "&gt;"),
  }));
}

export function formatAma(ref: ReferenceFields): AmaEntry {
  return formatAmaList([ref])[0];
}
