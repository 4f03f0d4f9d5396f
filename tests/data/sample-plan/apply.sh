#!/usr/bin/env bash
# Recreates the sample study's codings/ from the coding plans in this folder, through kodbok's own CLI.
# Usage: tests/data/sample-plan/apply.sh [path/to/kodbok]   (run from the repository root)
set -euo pipefail
kodbok=${1:-target/release/kodbok}
here=$(dirname "$0")
rm -f codings/praktikant-a.json codings/praktikant-b.json
for plan in "$here"/*.tsv; do
  doc=$(basename "$plan" .tsv)
  tail -n +2 "$plan" | while IFS=$'\t' read -r coder code quote; do
    [ -n "$coder" ] || continue
    "$kodbok" --coder "$coder" code "$doc" --code "$code" --quote "$quote" >/dev/null
  done
done
"$kodbok" check
