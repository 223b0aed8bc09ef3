#!/usr/bin/env bash
# Fuzz the value and target parsers with atheris for SECONDS (default 120): fuzz/run.sh [SECONDS]
#
# Installs atheris into the project's virtual environment when it is missing. The
# working corpus and any crash stay outside the repository, in $PIANODOCS_FUZZ_DIR
# (default /tmp/pianodocs-fuzz); a crash's input is printed at the end, to be kept
# as a regression test in tests/test_fuzz_loader.py. Not part of the test suite.
set -euo pipefail

cd "$(dirname "$0")/.."
python=.venv/bin/python
seconds=${1:-120}
work=${PIANODOCS_FUZZ_DIR:-/tmp/pianodocs-fuzz}

if ! "$python" -c "import atheris" 2>/dev/null; then
  echo "installo atheris nell'ambiente virtuale..."
  "$python" -m pip install --quiet atheris
fi
mkdir -p "$work/corpus" "$work/crashes"

status=0
"$python" fuzz/fuzz_values.py -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$work/crashes/" "$work/corpus" || status=$?

crashes=$(find "$work/crashes" -type f | wc -l)
echo "corpus: $(find "$work/corpus" -type f | wc -l) input in $work/corpus; crash: $crashes in $work/crashes"
for crash in "$work"/crashes/*; do
  [ -f "$crash" ] && echo "$crash: $("$python" -c 'import sys; print(repr(open(sys.argv[1], "rb").read()))' "$crash")"
done
exit "$status"
