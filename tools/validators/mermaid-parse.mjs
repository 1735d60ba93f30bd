// Parses Mermaid files with mermaid's own parser, under jsdom (no browser):
//   node tools/validators/mermaid-parse.mjs FILE...
// Prints one line per file that fails ("FILE: message") and exits 1 if any did; exits 2
// when mermaid or jsdom is missing (run scripts/install-validators).
import { readFile } from "node:fs/promises";

let JSDOM, mermaid;
try {
  ({ JSDOM } = await import("jsdom"));
  const dom = new JSDOM("<!doctype html><html><body></body></html>");
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  mermaid = (await import("mermaid")).default;
} catch (error) {
  console.error(`mermaid or jsdom is missing (${error.message}): run scripts/install-validators`);
  process.exit(2);
}
// The limits a render enforces: parse() alone does not check the text size.
mermaid.initialize({ startOnLoad: false, maxEdges: 500, maxTextSize: 50000 });

let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = await readFile(file, "utf8");
  try {
    if (text.length > 50000) throw new Error(`${text.length} characters, over maxTextSize 50000`);
    await mermaid.parse(text);
  } catch (error) {
    failed += 1;
    const message = String(error?.message ?? error).split("\n").slice(0, 6).join(" | ");
    console.log(`${file}: ${message}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
