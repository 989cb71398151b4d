#!/usr/bin/env bash
# bench/scale.sh: time and peak memory of the built binary at about 100,
# 1,000 and 10,000 documents, on statements made by bench/gen.
#
#   bench/scale.sh
#
# Each size is one run of `briefing build` (fresh output folder) under
# /usr/bin/time; it prints documents, wall seconds, ms per document and the
# peak resident set size. The last row is the largest data file accepted
# (5 MB: 6,250 recommendations, with a Spanish file as large): its packs
# only (the memory peak; its 25,000 briefs take minutes and less memory),
# or everything with FULL=1. The target is at most 150 MB peak.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/briefing" .
printf '%-10s %8s %10s %10s %12s\n' size docs "wall s" "ms/doc" "peak RSS MB"
for spec in "100 5 5" "1000 50 5" "10000 250 10"; do
  set -- $spec
  go run ./bench/gen -recs "$2" -audiences "$3" -out "$tmp/s$1" >/dev/null
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$tmp/briefing" build --quiet --data "$tmp/s$1/scale.yaml" --out "$tmp/s$1/out" 2>/dev/null
  read -r wall rss < "$tmp/time"
  docs=$(grep -c '"path"' "$tmp/s$1/out/manifest.json")
  awk -v n="$1" -v d="$docs" -v w="$wall" -v r="$rss" 'BEGIN {printf "%-10s %8d %10.2f %10.2f %12.1f\n", n, d, w, 1000*w/d, r/1024}'
  rm -rf "$tmp/s$1"
done
go run ./bench/gen -recs 6250 -audiences 1 -out "$tmp/big" >/dev/null
[ "$(stat -c %s "$tmp/big/scale.yaml")" -le $((5 << 20)) ] || { echo "bench/gen: the 5 MB file grew over 5 MB" >&2; exit 1; }
only=(--kind pack)
[ "${FULL:-}" = 1 ] && only=()
/usr/bin/time -f "%e %M" -o "$tmp/time" "$tmp/briefing" build --quiet --data "$tmp/big/scale.yaml" --out "$tmp/big/out" "${only[@]}" 2>/dev/null
read -r wall rss < "$tmp/time"
docs=$(grep -c '"path"' "$tmp/big/out/manifest.json")
awk -v d="$docs" -v w="$wall" -v r="$rss" 'BEGIN {printf "%-10s %8d %10.2f %10.2f %12.1f\n", "5 MB", d, w, 1000*w/d, r/1024}'

