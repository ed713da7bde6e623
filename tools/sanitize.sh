#!/usr/bin/env bash
# The engine and the CLI under the sanitizers, and the fuzzers. Two builds with clang (no GUI,
# no jemalloc: the sanitizers bring their own allocator), -O1 with line tables:
#   build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer (leaks included): core_tests,
#                engine_tests and cli_tests (the CLI they start is sanitized too), then each
#                libFuzzer harness on its seed corpus (tests/fuzz/corpus/*) for FUZZ_SECONDS
#                (default 60): json, sqlite_open, study_file, idx, csv
#   build-tsan/  ThreadSanitizer: core_tests (storage from several threads and connections, the
#                buffered event sink with four writers) and engine_tests (among them the
#                scheduler's: worker threads training, storing and pruning at once, a failing
#                storage; pause and stop from another thread)
# LibTorch itself is not instrumented: what is checked is our code and its calls into it.
# Fails on any sanitizer report, fuzzer crash, leak or hang. Prints each step's time.
# Usage: tools/sanitize.sh   (after tools/setup.sh --test; CI runs it after tools/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz_seconds=${FUZZ_SECONDS:-60}
jobs=$(nproc)
step() {  # name command...
  local start=$SECONDS
  "${@:2}"
  echo "sanitize: $1 took $((SECONDS - start)) s"
}
configure() {  # folder sanitizers fuzz
  mkdir -p "$1"
  cmake -S . -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
    -DCMAKE_CXX_COMPILER=clang++ -DTUNEBENCH_GUI=OFF -DTUNEBENCH_JEMALLOC=OFF \
    -DTUNEBENCH_CORE_ONLY=OFF -DTUNEBENCH_SANITIZE="$2" -DTUNEBENCH_FUZZ="$3" > "$1/configure.log"
}
# Runs a gtest binary in `jobs` shards at once; fails if any shard fails.
sharded() {  # binary [gtest flags...]
  local pids=() shard status=0
  for ((shard = 0; shard < jobs; shard++)); do
    GTEST_TOTAL_SHARDS=$jobs GTEST_SHARD_INDEX=$shard "$@" --gtest_brief=1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
  return $status
}
# Runs one libFuzzer harness; prints its final figures, or on a finding the log's end and the
# input that caused it (base64, to keep as a regression case).
fuzz() {  # harness corpus work-folder
  if build-asan/tests/$1 -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$3/" "$3" "$2" > "$3.log" 2>&1; then
    grep -E '^(Done|stat::(number_of_executed_units|new_units_added|peak_rss_mb))' "$3.log"
    rm -f "$3.log"
    return 0
  fi
  tail -60 "$3.log"
  for finding in "$3"/crash-* "$3"/leak-* "$3"/timeout-* "$3"/oom-*; do
    [[ -e $finding ]] && { echo "sanitize: $1 finding $(basename "$finding"):"; base64 "$finding"; }
  done
  rm -f "$3.log"
  return 1
}
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1

fuzzers=(json_fuzz sqlite_open_fuzz study_file_fuzz idx_fuzz csv_fuzz)
step "asan+ubsan configure" configure build-asan address,undefined ON
step "asan+ubsan compile" cmake --build build-asan -j"$jobs" --target core_tests engine_tests \
  cli_tests tunebench-cli "${fuzzers[@]}"
step "asan+ubsan core_tests" build-asan/tests/core_tests --gtest_brief=1
step "asan+ubsan engine_tests" sharded build-asan/tests/engine_tests
step "asan+ubsan cli_tests" sharded build-asan/tests/cli_tests
for fuzzer in "${fuzzers[@]}"; do
  corpus=tests/fuzz/corpus/${fuzzer%_fuzz}
  [[ $fuzzer == sqlite_open_fuzz ]] && corpus=tests/fuzz/corpus/sqlite
  [[ $fuzzer == study_file_fuzz ]] && corpus=tests/fuzz/corpus/json
  work=$(mktemp -d)  # new inputs go here; the committed corpus stays as it is
  step "fuzz $fuzzer (${fuzz_seconds} s)" fuzz "$fuzzer" "$corpus" "$work"
  rm -rf "$work"
done

step "tsan configure" configure build-tsan thread OFF
step "tsan compile" cmake --build build-tsan -j"$jobs" --target core_tests engine_tests
step "tsan core_tests" build-tsan/tests/core_tests --gtest_brief=1
step "tsan engine_tests" sharded build-tsan/tests/engine_tests
echo "sanitize: all clean"
