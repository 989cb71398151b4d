// bench/typst.js: Typst's warm time per document, through its Node
// compiler (@myriaddreamin/typst-ts-node-compiler, which bench/peers.sh
// installs). Run by bench/peers.sh:
//
//   node bench/typst.js FONTDIR FILE.typ...
//
// One compiler is made and warmed up on the first file; then every file is
// compiled to PDF once, in turn (different text each time, so Typst's
// memoisation cannot skip the work), and the median of RUNS rounds of the
// whole set is printed as ms per document.
const fs = require('fs');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [fontDir, ...files] = process.argv.slice(2);
const runs = Number(process.env.RUNS || 5);
const srcs = files.map((f) => fs.readFileSync(f, 'utf8'));
const c = NodeCompiler.create({ fontArgs: [{ fontPaths: [fontDir] }] });
const pdf = (src) => c.pdf({ mainFileContent: src }, { creationTimestamp: 0 });
for (let i = 0; i < 3; i++) pdf(srcs[0]);
const out = pdf(srcs[0]);
if (process.env.TYPST_PDF) fs.writeFileSync(process.env.TYPST_PDF, out);
const per = [];
for (let r = 0; r < runs; r++) {
  const t0 = process.hrtime.bigint();
  let bytes = 0;
  for (const s of srcs) bytes += pdf(s).length;
  const t1 = process.hrtime.bigint();
  per.push(Number(t1 - t0) / 1e6 / srcs.length);
  c.evictCache(10);
}
per.sort((a, b) => a - b);
console.log(per[Math.floor(per.length / 2)].toFixed(2));
