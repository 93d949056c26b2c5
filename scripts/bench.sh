#!/usr/bin/env bash
# Benchmarks kept in the repository; results go to docs/benchmarks.md with the machine they ran on.
#   ./madoguchi bench [generator|import|search|all] [options]
#   generator  ./madoguchi generate of 1,000,000 residents (all seven linkage files), 3 runs
#   import     FULL import of N residents (default 1,000,000) against a bare COPY of the same file, a second FULL,
#              and a DIFF of 10,000 rows (LinkageImportBenchmark)
#   codes      2D code decoding: a 1920×1080 frame p50/p95/p99 and the rate on 50 damaged images (TwoDimensionalCodeBenchmark)
#   audit      access history: append latency (1 and 32 request threads) and verifying 10,000,000 entries (AuditTrailBenchmark)
#   forms      form printing: the first form after start, warm p50/p99 of a one-page form and of all shipped forms
#              (FormRenderingBenchmark)
#   handoff    N finished visits (default 15,000): 完了 latency with the records queued, then delivery rates to
#              the RPA folder and an S3-compatible bucket (HandoffBenchmark)
#   search     the whole system with N residents, 140 staff sessions × 2 searches/s over HTTP (SearchLoadBenchmark)
#   visits     two servers behind HAProxy on one embedded PostgreSQL: K kiosks (default 50), each reading a card
#              through its own terminal agent, opening visits and
#              C clerks (default 140) running them to 完了 and export for S seconds (default 600) (TwoServerVisitBenchmark)
#   statistics a 年度 of N visits a weekday (default 4,000: about 1,040,000), the read model built: the statistics page for today, a day, week,
#              month and 年度, p50/p95 warm, and the 日報 PDF (StatisticsBenchmark)
#   backup     the whole system with N residents and a year of visits, backups on: a checked backup, kill -9 of the
#              database and its folder lost, restore; times and the recovery point (BackupRestoreBenchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=staff-ui/target/madoguchi.jar
which="${1:-all}"
[ $# -gt 0 ] && shift

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"

test_classpath() {
  # the benchmarks live with the tests of their module: build those and print the module's test classpath
  local module=$1 cp
  mvn -B -q -DskipTests install >&2
  cp=$(mktemp)
  mvn -B -q -pl "$module" dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >&2
  echo "$module/target/classes:$module/target/test-classes:$(cat "$cp")"
  rm -f "$cp"
}

generator() {
  local out
  out=$(mktemp -d)
  echo "benchmark: synthetic-residents (1,000,000 residents, seed 7)"
  for run in 1 2 3; do
    rm -rf "${out:?}"/*
    start=$(date +%s.%N)
    java -Dfile.encoding=UTF-8 -cp "$JAR:staff-ui/target/lib/*" jp.madoguchi.staff.MadoguchiApplication \
      generate --count 1000000 --seed 7 --out "$out" >/dev/null 2>&1
    end=$(date +%s.%N)
    printf '  run %d: %.1f s wall (JVM start included), %s MB written\n' "$run" "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')" \
      "$(du -sm "$out" | cut -f1)"
  done
  rm -rf "$out"
}

import() {
  echo "benchmark: linkage import ${1:-1000000} residents"
  java -Xmx4g -Dfile.encoding=UTF-8 -cp "$(test_classpath adapters/linkage)" jp.madoguchi.adapters.linkage.bench.LinkageImportBenchmark "$@" \
    2>&1 | grep -v -E ' (DEBUG|INFO) '
}

codes() {
  echo "benchmark: 2D code decoding"
  java -Djava.awt.headless=true -Dfile.encoding=UTF-8 -cp "$(test_classpath adapters/documents)" jp.madoguchi.adapters.documents.bench.TwoDimensionalCodeBenchmark "$@" \
    2>&1 | grep -v -E ' (DEBUG|INFO) '
}

forms() {
  echo "benchmark: form printing"
  java -Dfile.encoding=UTF-8 -cp "$(test_classpath adapters/catalogue)" jp.madoguchi.adapters.catalogue.bench.FormRenderingBenchmark "$@" \
    2>&1 | grep -v -E ' (DEBUG|INFO) '
}

audit() {
  echo "benchmark: access history ${1:-10000000} entries"
  java -Xmx2g -Dfile.encoding=UTF-8 -cp "$(test_classpath adapters/postgres)" jp.madoguchi.adapters.postgres.audit.AuditTrailBenchmark "$@" \
    2>&1 | grep -v -E ' (DEBUG|INFO) '
}

handoff() {
  echo "benchmark: back-office hand-off ${1:-15000} visits"
  java -Xmx2g -Dfile.encoding=UTF-8 -cp "$(test_classpath adapters/postgres)" jp.madoguchi.adapters.postgres.bench.HandoffBenchmark "$@" \
    2>&1 | grep -v -E ' (DEBUG|INFO|WARN) '
}

search() {
  echo "benchmark: search under load ${1:-1000000} residents, ${2:-140} clients, ${3:-60} s"
  java -Xmx2g -Dfile.encoding=UTF-8 -cp "$(test_classpath acceptance-tests)" jp.madoguchi.acceptance.bench.SearchLoadBenchmark "$@" \
    2>&1 | grep -v -E ' (DEBUG|INFO|WARN) '
}

visits() {
  echo "benchmark: two servers, ${1:-50} kiosks, ${2:-140} clerks, ${3:-600} s"
  java -Xmx4g -Dfile.encoding=UTF-8 -cp "$(test_classpath acceptance-tests)" jp.madoguchi.acceptance.bench.TwoServerVisitBenchmark "$@" \
    2>&1 | grep -v -E ' (DEBUG|INFO|WARN) '
}

backup() {
  echo "benchmark: backup, restore and recovery point, ${1:-1000000} residents and a year of visits"
  java -Xmx3g -Dfile.encoding=UTF-8 -cp "$(test_classpath acceptance-tests)" jp.madoguchi.acceptance.bench.BackupRestoreBenchmark "$@" \
    2>&1 | grep -v -E ' (DEBUG|INFO|WARN) '
}

statistics() {
  echo "benchmark: statistics over a 年度 of ${1:-4000} visits a weekday"
  java -Xmx2g -Dfile.encoding=UTF-8 -cp "$(test_classpath acceptance-tests)" jp.madoguchi.acceptance.bench.StatisticsBenchmark "$@" \
    2>&1 | grep --line-buffered -v -E ' (DEBUG|INFO|WARN) '
}

case "$which" in
  generator) generator ;;
  import) import "$@" ;;
  codes) codes "$@" ;;
  audit) audit "$@" ;;
  forms) forms "$@" ;;
  handoff) handoff "$@" ;;
  search) search "$@" ;;
  visits) visits "$@" ;;
  backup) backup "$@" ;;
  statistics) statistics "$@" ;;
  all) generator; import; codes; audit; forms; handoff; search; visits; backup; statistics ;;
  *) echo "不明なベンチマークです: $which（generator、import、codes、audit、forms、handoff、search、visits、backup、statistics、all）" >&2; exit 2 ;;
esac
