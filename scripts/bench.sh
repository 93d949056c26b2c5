#!/usr/bin/env bash
# Benchmarks kept in the repository; results go to docs/benchmarks.md with the machine they ran on.
#   synthetic-residents: ./madoguchi generate of 1,000,000 residents (all seven linkage files), 3 runs
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=staff-ui/target/madoguchi.jar
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "benchmark: synthetic-residents (1,000,000 residents, seed 7)"
for run in 1 2 3; do
  rm -rf "$out"/*
  start=$(date +%s.%N)
  java -Dfile.encoding=UTF-8 -cp "$JAR:staff-ui/target/lib/*" jp.madoguchi.staff.MadoguchiApplication \
    generate --count 1000000 --seed 7 --out "$out" >/dev/null 2>&1
  end=$(date +%s.%N)
  printf '  run %d: %.1f s wall (JVM start included), %s MB written\n' "$run" "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')" \
    "$(du -sm "$out" | cut -f1)"
done
