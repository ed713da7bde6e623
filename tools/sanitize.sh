#!/usr/bin/env bash
# The torch-free floors (common, trial, study, storage, report) under the sanitizers, and their
# fuzzers. Two builds with clang, each of tunebench_core and core_tests only:
#   build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer: core_tests, then each libFuzzer
#                harness on its seed corpus (tests/fuzz/corpus/*) for FUZZ_SECONDS (default 60)
#   build-tsan/  ThreadSanitizer: core_tests (storage from several threads and connections,
#                the buffered event sink with four writers)
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
  cmake -S . -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DTUNEBENCH_CORE_ONLY=ON -DTUNEBENCH_GUI=OFF -DTUNEBENCH_SANITIZE="$2" -DTUNEBENCH_FUZZ="$3" \
    > "$1/configure.log"
}
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1

step "asan+ubsan build" configure build-asan address,undefined ON
step "asan+ubsan compile" cmake --build build-asan -j"$jobs"
step "asan+ubsan core_tests" build-asan/tests/core_tests --gtest_brief=1
for fuzzer in json_fuzz sqlite_open_fuzz; do
  corpus=tests/fuzz/corpus/${fuzzer%_fuzz}
  [[ $fuzzer == sqlite_open_fuzz ]] && corpus=tests/fuzz/corpus/sqlite
  work=$(mktemp -d)  # new inputs go here; the committed corpus stays as it is
  step "fuzz $fuzzer (${fuzz_seconds} s)" build-asan/tests/$fuzzer -max_total_time="$fuzz_seconds" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/" "$work" "$corpus"
  rm -rf "$work"
done

step "tsan build" configure build-tsan thread OFF
step "tsan compile" cmake --build build-tsan -j"$jobs"
step "tsan core_tests" build-tsan/tests/core_tests --gtest_brief=1
echo "sanitize: all clean"
