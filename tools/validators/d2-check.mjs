// Compiles and renders D2 files with D2 itself (its WebAssembly build, @terrastruct/d2):
//   node tools/validators/d2-check.mjs [--svg] [--counts] FILE...
// Prints one line per file that fails ("FILE: message") and exits 1 if any did; exits 2
// when @terrastruct/d2 is missing (run scripts/install-validators). --svg writes each
// picture next to its file (FILE.svg); --counts prints "FILE: N shapes, M connections".
import { readFile, writeFile } from "node:fs/promises";

let D2;
try {
  ({ D2 } = await import("@terrastruct/d2"));
} catch (error) {
  console.error(`@terrastruct/d2 is missing (${error.message}): run scripts/install-validators`);
  process.exit(2);
}

const args = process.argv.slice(2);
const svg = args.includes("--svg");
const counts = args.includes("--counts");
const files = args.filter((a) => a !== "--svg" && a !== "--counts");

// D2 throws its errors as JSON, a list of {range, errmsg}; anything else as it comes.
function describe(error) {
  const text = String(error?.message ?? error);
  try {
    const parsed = JSON.parse(text);
    const list = Array.isArray(parsed) ? parsed : (parsed.errs ?? [parsed]);
    return list.map((e) => e.errmsg ?? JSON.stringify(e)).slice(0, 6).join(" | ");
  } catch {
    return text.split("\n").slice(0, 6).join(" | ");
  }
}

const d2 = new D2();
let failed = 0;
for (const file of files) {
  try {
    const text = await readFile(file, "utf8");
    const result = await d2.compile(text);
    const picture = await d2.render(result.diagram, result.renderOptions);
    if (svg) await writeFile(file.replace(/\.d2$/, "") + ".svg", picture);
    if (counts) {
      const { shapes, connections } = result.diagram;
      console.log(`${file}: ${shapes.length} shapes, ${connections.length} connections`);
    }
  } catch (error) {
    failed += 1;
    console.log(`${file}: ${describe(error)}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
