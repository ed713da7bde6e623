#!/usr/bin/env bash
# Style that checks itself: every C++ file under engine/, ui/, app/ and tests/ is as
# clang-format (.clang-format, Debian's clang-format 14) would write it, and no line passes 100
# columns (raw strings included, which clang-format leaves alone). Exit 1 with the offenders.
# Usage: tools/check-format.sh [FILE...]   (default: every tracked and new C++ file)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -gt 0 ]]; then
  files=("$@")
else
  mapfile -t files < <(git ls-files -co --exclude-standard -- 'engine/*.h' 'engine/*.cpp' \
    'ui/*.h' 'ui/*.cpp' 'app/*.h' 'app/*.cpp' 'tests/*.h' 'tests/*.cpp')
fi
status=0
if ! clang-format --dry-run -Werror "${files[@]}"; then
  echo "check-format: run clang-format -i on the files above" >&2
  status=1
fi
# Characters, not bytes: "±" is one column (GNU grep counts characters in a UTF-8 locale).
if LC_ALL=C.UTF-8 grep -n -H '.\{101,\}' "${files[@]}"; then
  echo "check-format: the lines above pass 100 columns" >&2
  status=1
fi
[[ $status -eq 0 ]] && echo "check-format: ${#files[@]} files formatted, none over 100 columns"
exit $status
