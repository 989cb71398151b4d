// Prints what pdf.js exposes to a browser's accessibility tree for a PDF:
// per page, the structure tree's elements in order, each with its role
// and the text of the marked content it holds, as JSON lines
// {"page": n, "role": "P", "text": "…", "alt": "…", "lang": "…"} (lang is
// the language the element's text is in when an element says one, its own
// or one it is part of: /Lang, which a screen reader switches voice by);
// then one line
// {"untagged": "…"} with the page text that no structure element holds.
// Usage: node structtree.mjs FILE.pdf
import { readFileSync } from "node:fs";
import { getDocument } from "./node_modules/pdfjs-dist/legacy/build/pdf.mjs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, verbosity: 0 }).promise;
let untagged = "";
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const content = await page.getTextContent({ includeMarkedContent: true });
  const text = new Map();
  const stack = [];
  for (const it of content.items) {
    if (it.type === "beginMarkedContentProps" || it.type === "beginMarkedContent") {
      stack.push(it.id || null);
    } else if (it.type === "endMarkedContent") {
      stack.pop();
    } else if (typeof it.str === "string") {
      const id = stack.filter(Boolean).at(-1);
      if (id) {
        text.set(id, (text.get(id) || "") + it.str + (it.hasEOL ? " " : ""));
      } else if (!stack.length) {
        untagged += it.str;
      }
    }
  }
  const tree = await page.getStructTree();
  const walk = (n, lang) => {
    lang = n.lang || lang;
    let own = "";
    for (const c of n.children || []) {
      if (c.type === "content") own += text.get(c.id) || "";
    }
    if (n.role && n.role !== "Root") {
      console.log(JSON.stringify({ page: p, role: n.role, text: own.replace(/\s+/g, " ").trim(), alt: n.alt || "", lang }));
    }
    for (const c of n.children || []) {
      if (c.role) walk(c, lang);
    }
  };
  if (tree) walk(tree, "");
}
console.log(JSON.stringify({ untagged }));
