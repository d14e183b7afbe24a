#!/usr/bin/env bash
# What the cluster secret costs between two nodes, sealed (AES-GCM per batch, the
# default) against unsealed (insecure for development), every run with the same JVM settings and
# the two alternating round after round (unsealed first, then sealed first): RemoteBenchmark's
# tell and ask under JMH, and the CPU time per told message (RemoteCpuRun), which a noisy machine
# disturbs far less than throughput. Usage, from the repository root:
#   benchmarks/compare/seal-cost.sh [ROUNDS=5]
# About 3 minutes a round on 2 cores. Output: target/seal-cost/*, a table.
set -euo pipefail
rounds=${1:-5}
root=$(git rev-parse --show-toplevel)
work="$root/target/seal-cost"
rm -rf "$work" && mkdir -p "$work"
(cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=runtime)
cp="$root/benchmarks/target/classes:$(cat "$work/deps.txt")"
jvm="-Xms2g -Xmx2g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
for r in $(seq 1 "$rounds"); do
  if (( r % 2 )); then order="ours-unsealed ours"; else order="ours ours-unsealed"; fi
  for platform in $order; do
    # shellcheck disable=SC2086
    java $jvm -cp "$cp" benchmarks.remote.RemoteCpuRun "$platform" 8 12 2>/dev/null | tail -1 >> "$work/cpu-$r.txt"
  done
  for bench in tell ask; do
    for platform in $order; do
      java -cp "$cp" org.openjdk.jmh.Main "benchmarks.remote.RemoteBenchmark.$bench\$" -p platform="$platform" \
        -f 1 -wi 3 -w 3s -i 5 -r 3s -jvmArgs "$jvm" -rf json -rff "$work/$bench-$platform-$r.json" \
        > "$work/$bench-$platform-$r.log" 2>&1
    done
  done
  echo "round $r of $rounds done"
done
python3 "$root/benchmarks/compare/seal_cost.py" "$work"
