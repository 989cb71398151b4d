#!/usr/bin/env bash
# bench/peers.sh: time briefing against Typst and pandoc making the same
# statement, per document.
#
#   bench/peers.sh [RUNS]        (default 7 runs; medians are reported)
#
# briefing: every build with --force (documents up to date are otherwise
# left as they are, and a repeated build would measure nothing); the built
# binary's whole default build (every audience, language,
# kind and format), divided by the number of documents it makes; and a
# build of 200 one-page PDF briefs (a statement from bench/gen, --jobs 1, so
# one core), whole process, per brief, written to disk (the script's
# temporary folder) and, where the machine has one, to a RAM folder
# (/dev/shm). The two differ by what the file system costs: on a file system
# without a journal (ext4 on the project's build machine), each new file
# scans past the inodes freed in the last half minute, which a loop of
# builds replacing 200 files each feeds (0.3-0.5 ms a file there). The RAM
# figure is the program's own time; both are printed, each paired with
# Typst's.
# Typst: the same 200 briefs as Typst documents (bench/totypst), compiled
# to PDF by one warm compiler through Typst's Node compiler
# (@myriaddreamin/typst-ts-node-compiler, installed by this script with npm
# into $BENCH_CACHE, default ~/.cache/briefing-bench), per document
# (bench/typst.js). Skipped without node and npm.
# pandoc: the same statement (the pack's text, from bench/tomd) to DOCX, and
# to PDF with whichever PDF engine is installed (typst, wkhtmltopdf,
# weasyprint, pdflatex), one document per run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
tmp=$(mktemp -d)
ram=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  ram=$(mktemp -d /dev/shm/briefing-bench.XXXXXX)
fi
trap 'rm -rf "$tmp" ${ram:+"$ram"}' EXIT

go build -o "$tmp/briefing" .
go run ./bench/tomd > "$tmp/statement.md"

# median_ms CMD...: runs CMD $runs times, prints the median wall time in ms.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f\n", m/1000}'
}

"$tmp/briefing" build --quiet --out "$tmp/out"
docs=$(grep -c '"path"' "$tmp/out/manifest.json")
pdfs=$(grep -c '"format": "pdf"' "$tmp/out/manifest.json")
docxs=$(grep -c '"format": "docx"' "$tmp/out/manifest.json")
rm -rf "$tmp/out"
b_all=$(median_ms "$tmp/briefing" build --quiet --force --out "$tmp/out")
b_pdf=$(median_ms "$tmp/briefing" build --quiet --force --out "$tmp/out-pdf" --format pdf)
b_docx=$(median_ms "$tmp/briefing" build --quiet --force --out "$tmp/out-docx" --format docx)
per() { awk -v t="$1" -v n="$2" 'BEGIN {printf "%.2f", t/n}'; }

echo "machine: $(nproc) cores; $runs runs each, medians"
printf '%-44s %10s %8s %12s\n' "" "wall ms" "docs" "ms/doc"
printf '%-44s %10s %8s %12s\n' "briefing build (all)" "$b_all" "$docs" "$(per "$b_all" "$docs")"
printf '%-44s %10s %8s %12s\n' "briefing build --format pdf" "$b_pdf" "$pdfs" "$(per "$b_pdf" "$pdfs")"
printf '%-44s %10s %8s %12s\n' "briefing build --format docx" "$b_docx" "$docxs" "$(per "$b_docx" "$docxs")"

# 200 briefs, one core: briefing's whole process against Typst, warm.
go run ./bench/gen -recs 200 -audiences 1 -formats pdf -out "$tmp/s200" >/dev/null
# b200 OUT: the 200 briefs into OUT.
b200() { "$tmp/briefing" build --quiet --data "$tmp/s200/scale.yaml" --lang en --kind brief --format pdf --jobs 1 --force --out "$1"; }
b200 "$tmp/s200/out"
n200=$(grep -c '"path"' "$tmp/s200/out/manifest.json")
if [ -n "$ram" ]; then b200 "$ram/out"; fi
typst_version=0.7.0
# Typst's PDFs are tagged by default; like briefing's, they identify as
# PDF/UA-1 (TYPST_PDF_STANDARD= for Typst's default).
typst_standard=${TYPST_PDF_STANDARD-ua-1}
cache=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/briefing-bench}
typst=""
if command -v node >/dev/null && command -v npm >/dev/null; then
  mod="$cache/typst-$typst_version"
  if [ ! -d "$mod/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
    mkdir -p "$mod"
    npm install --prefix "$mod" --no-audit --no-fund --silent "@myriaddreamin/typst-ts-node-compiler@$typst_version" >/dev/null
  fi
  go run ./bench/totypst -data "$tmp/s200/scale.yaml" -lang en -out "$tmp/typ200"
  typst=yes
else
  echo "node and npm are not installed: Typst skipped"
fi
# Paired runs, in turn, so that a change of the machine's speed during the
# script moves both sides: one briefing build to disk, one to RAM, then one
# round of Typst compiling the briefs (in a compiler warmed up on 20 others,
# see bench/typst.js). A line of pairs: disk, RAM (0 without one), Typst new,
# Typst again, ms a document.
: > "$tmp/pairs"
per_ms() { awk -v d="$(( ($2 - $1) / 1000 ))" -v n="$n200" 'BEGIN {printf "%.3f", d/1000/n}'; }
for _ in $(seq "$runs"); do
  t0=$(date +%s%N); b200 "$tmp/s200/out" >/dev/null 2>&1; t1=$(date +%s%N)
  b=$(per_ms "$t0" "$t1")
  r=0
  if [ -n "$ram" ]; then
    t0=$(date +%s%N); b200 "$ram/out" >/dev/null 2>&1; t1=$(date +%s%N)
    r=$(per_ms "$t0" "$t1")
  fi
  t=""
  if [ -n "$typst" ]; then
    t=$(NODE_PATH="$mod/node_modules" TYPST_PDF_STANDARD="$typst_standard" node bench/typst.js fonts "$tmp"/typ200/*.typ)
  fi
  echo "$b $r ${t:-0 0}" >> "$tmp/pairs"
done
med() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
# What replacing a file costs here, disk and RAM, as the loop above does it.
go run ./bench/fsprobe "$tmp" ${ram:+"$ram"} | sed "s|^$tmp|disk|; s|^${ram:-/nonexistent}|RAM|; s|^|replacing a 20 KB file, |"
printf '%-44s %10s %8s %12s\n' "briefing, $n200 PDF briefs, --jobs 1, disk" "" "$n200" "$(awk '{print $1}' "$tmp/pairs" | med)"
if [ -n "$ram" ]; then
  printf '%-44s %10s %8s %12s\n' "briefing, the same into RAM (/dev/shm)" "" "$n200" "$(awk '{print $2}' "$tmp/pairs" | med)"
fi
if [ -n "$typst" ]; then
  t_doc=$(awk '{print $3}' "$tmp/pairs" | med)
  t_again=$(awk '{print $4}' "$tmp/pairs" | med)
  printf '%-44s %10s %8s %12s\n' "Typst $typst_version (node, ${typst_standard:-default}), warm, new" "" "$((n200 - 20))" "$t_doc"
  printf '%-44s %10s %8s %12s\n' "Typst $typst_version (node), the same again" "" "$((n200 - 20))" "$t_again"
  echo "ratio, PDF brief per document (median of paired runs): briefing / Typst = $(awk '{print $1/$3}' "$tmp/pairs" | med)× to disk, new briefs ($(awk '{print $1/$4}' "$tmp/pairs" | med)× memoised)"
  if [ -n "$ram" ]; then
    echo "ratio, the same into RAM: briefing / Typst = $(awk '{print $2/$3}' "$tmp/pairs" | med)× new briefs ($(awk '{print $2/$4}' "$tmp/pairs" | med)× memoised)"
  fi
fi

if ! command -v pandoc >/dev/null; then
  echo "pandoc is not installed (Debian: apt-get install pandoc): no ratios"
  exit 0
fi
p_docx=$(median_ms pandoc "$tmp/statement.md" -o "$tmp/p.docx")
printf '%-44s %10s %8s %12s\n' "pandoc → docx" "$p_docx" 1 "$p_docx"
echo "ratio, DOCX per document: pandoc / briefing = $(awk -v a="$p_docx" -v b="$(per "$b_docx" "$docxs")" 'BEGIN {printf "%.0f×", a/b}')"
engine=""
for e in typst wkhtmltopdf weasyprint pdflatex; do
  if command -v "$e" >/dev/null; then engine=$e; break; fi
done
if [ -n "$engine" ]; then
  p_pdf=$(median_ms pandoc "$tmp/statement.md" --pdf-engine="$engine" -o "$tmp/p.pdf")
  printf '%-44s %10s %8s %12s\n' "pandoc → pdf ($engine)" "$p_pdf" 1 "$p_pdf"
  echo "ratio, PDF per document: pandoc / briefing = $(awk -v a="$p_pdf" -v b="$(per "$b_pdf" "$pdfs")" 'BEGIN {printf "%.0f×", a/b}')"
else
  echo "no PDF engine for pandoc installed (typst, wkhtmltopdf, weasyprint, pdflatex): PDF ratio skipped"
fi
