#!/bin/bash
# Wall and CPU time of the same build with two (or more) versions of the code, interleaved, 2 rounds:
#
#   git worktree add /tmp/before <commit>              # the version to compare against
#   bench/compare_trees.sh 1000 /tmp/before/src src     # the 1,000-page project, pages only
#   bench/compare_trees.sh cold /tmp/before/src src     # the real site, every PDF made
#
# Each argument after the first is a src/ folder put first on PYTHONPATH (the hooks import
# medinfo from it); run from the checkout whose .venv, mkdocs.yml and content are used.
set -euo pipefail
kind=$1; shift
repo=$(pwd)
python=$repo/.venv/bin/python
if [ "$kind" = 1000 ]; then
  project=$(mktemp -d /tmp/compare-1000-XXXX)
  (cd bench && $python -c "import synth, sys; from pathlib import Path; synth.make_project(Path(sys.argv[1]), 100, 10)" "$project")
  settings=(MEDINFO_TODAY=2026-06-01 MEDINFO_MAKE_PDFS=0 MEDINFO_PDF_CACHE=off)
else
  project=$repo
  settings=(MEDINFO_MAKE_PDFS=1 MEDINFO_PDF_CACHE=off)
fi
for round in 1 2; do
  for src in "$@"; do
    site=$(mktemp -d /tmp/compare-site-XXXX)
    (cd "$project" && /usr/bin/time -f "$src round $round: wall %e s, CPU %U s user %S s system, largest process %M KB" \
      env PYTHONPATH="$(realpath "$src")" "${settings[@]}" NO_MKDOCS_2_WARNING=1 SITE_URL=https://ms-patient-info.uk/ \
      "$python" -m mkdocs build --strict -d "$site" 2>&1 | grep -E "round|WARNING|ERROR" || true)
    rm -rf "$site"
  done
done
