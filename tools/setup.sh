#!/usr/bin/env bash
# Installs what TuneBench needs to build and test on Debian 12, as root or through sudo.
# Usage: tools/setup.sh [--test] [--bench]
#   --test   adds what the test command needs beyond the build (clang-format for the style check,
#            a PostgreSQL 15 server and a one-node Slurm with munge for the cluster tests)
#   --bench  adds Debian's python3-torch for the side-by-side benchmarks
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config ccache
  libtorch-dev libopenblas0-pthread libjemalloc-dev
  nlohmann-json3-dev libcli11-dev zlib1g-dev libsqlite3-dev libboost-math-dev libpq-dev libstb-dev
  libgtest-dev googletest
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-l10n-tools qt6-tools-dev fonts-wqy-microhei xvfb xauth
  dataset-fashion-mnist
)
for option in "$@"; do
  case "$option" in
    --test) packages+=(clang-format clang libclang-rt-14-dev postgresql-15 slurm-wlm munge) ;;
    --bench) packages+=(python3-torch python3-numpy linux-perf) ;;
    *) echo "setup: unknown option $option" >&2; exit 2 ;;
  esac
done

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
echo "setup: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y "${missing[@]}"
