// bench/typst.js: Typst's warm time per document, through its Node
// compiler (@myriaddreamin/typst-ts-node-compiler, which bench/peers.sh
// installs). Run by bench/peers.sh:
//
//   node bench/typst.js FONTDIR FILE.typ...
//
// One compiler is made and warmed up on the first WARM files (default 20):
// fonts loaded, Typst's library compiled, caches filled. Then every other
// file is compiled to PDF once, each new to the compiler (so its
// memoisation cannot skip the work), then all of them once more (now
// memoised). It prints both times per document in ms: "NEW AGAIN".
const fs = require('fs');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [fontDir, ...files] = process.argv.slice(2);
const warm = Math.min(Number(process.env.WARM || 20), files.length - 1);
const srcs = files.map((f) => fs.readFileSync(f, 'utf8'));
const c = NodeCompiler.create({ fontArgs: [{ fontPaths: [fontDir] }] });
// TYPST_PDF_STANDARD (bench/peers.sh sets "ua-1") asks for a PDF standard,
// as briefing's PDFs are tagged PDF/UA-1; empty for Typst's default.
const std = process.env.TYPST_PDF_STANDARD || '';
const opts = std ? { creationTimestamp: 0, pdfStandard: std } : { creationTimestamp: 0 };
const pdf = (src) => c.pdf({ mainFileContent: src }, opts);
for (let r = 0; r < 2; r++) for (const s of srcs.slice(0, warm)) pdf(s);
const timed = srcs.slice(warm);
const round = () => {
  const t0 = process.hrtime.bigint();
  let bytes = 0;
  for (const s of timed) bytes += pdf(s).length;
  if (bytes === 0) throw new Error('no PDF');
  return (Number(process.hrtime.bigint() - t0) / 1e6 / timed.length).toFixed(3);
};
const first = round();
console.log(first, round());
