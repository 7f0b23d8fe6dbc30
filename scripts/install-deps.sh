#!/usr/bin/env bash
# Installs, by Debian package name, everything Sirocco needs to build, test and run its
# oracles. Idempotent: packages already installed are left alone.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ clang libclang-rt-14-dev llvm clang-format pkg-config
  antlr4 libantlr4-runtime-dev
  libpcre2-dev libyaml-cpp-dev nlohmann-json3-dev libboost-dev
  libutf8proc-dev libhowardhinnant-date-dev libcli11-dev libfmt-dev libedit-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-yaql python3-jinja2
)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
