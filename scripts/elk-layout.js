// Lays out an ELK JSON graph with elkjs's layered algorithm: node elk-layout.js IN OUT.
// elkjs is installed by scripts/compare-layout into target/layout-compare.
const fs = require("fs");
const ELK = require("elkjs/lib/elk.bundled.js");
const graph = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
new ELK()
  .layout(graph)
  .then((laid) => fs.writeFileSync(process.argv[3], JSON.stringify(laid)))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
