#!/usr/bin/env bash
# A/B of two revisions of actors-vertx on our own workloads: each revision is built in a
# worktree of its own, then their JMH forks alternate (A B, B A, ...) round after round, so
# that a slow phase of the machine hits both alike; ratios come with a 95% interval over the
# rounds. Usage, from the repository root:
#   benchmarks/compare/compare-builds.sh BEFORE [AFTER=HEAD] [ROUNDS=11]
# WORKLOADS picks the workloads, each as NAME or NAME:SIZE (default: the six below at their
# sizes), e.g. WORKLOADS="scale:1000 scale:1000000"; BYTES=no skips the heap per idle actor.
# Each fork as the suite's full mode runs it (10 s of warm-up, shots of 1 s); about 4 minutes
# a round on 2 cores. Output: target/compare/{before,after}-*.json, a table.
set -euo pipefail
before_rev=${1:?usage: compare-builds.sh BEFORE [AFTER] [ROUNDS]}
after_rev=${2:-HEAD}
rounds=${3:-11}
root=$(git rev-parse --show-toplevel)
work="$root/target/compare"
rm -rf "$work/out" && mkdir -p "$work/out"
tool="$root/benchmarks/compare"

build() { # revision, name
  local tree="$work/$2-tree"
  git -C "$root" worktree remove --force "$tree" 2>/dev/null || true
  git -C "$root" worktree add --detach --force "$tree" "$1" >/dev/null
  (cd "$tree" && mvn -B -q -pl benchmarks -am package -DskipTests \
      dependency:build-classpath -Dmdep.outputFile="$work/$2-deps.txt" -Dmdep.includeScope=runtime)
  echo "$tree/benchmarks/target/classes:$(cat "$work/$2-deps.txt")" > "$work/$2-cp.txt"
}
build "$before_rev" before
build "$after_rev" after

# The same JVM settings for every fork; a common pool of 2 so that nothing falls back to a
# thread per CompletableFuture task on a 2-core machine.
jvm="-Xms4g -Xmx4g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
declare -A size=([tell-throughput]=2000000 [pingpong]=1000000 [threadring]=2000000 [fanout]=10000000
                 [ask]=1000000 [create]=1000000)
workloads=${WORKLOADS:-"tell-throughput pingpong threadring fanout ask create"}
for r in $(seq 1 "$rounds"); do
  if (( r % 2 )); then order="before after"; else order="after before"; fi
  for entry in $workloads; do
    workload=${entry%%:*}
    n=${size[$workload]:-}
    label=$workload
    if [[ $entry == *:* ]]; then n=${entry#*:}; label="$workload@$n"; fi
    for v in $order; do
      java -cp "$(cat "$work/$v-cp.txt")" org.openjdk.jmh.Main benchmarks.suite.SuiteBenchmark.round \
        -p workload="$workload" -p platform=ours -p size="${n:?no size for $workload: give it as $workload:SIZE}" -f 1 -bm avgt -wi 5 -w 2s -i 6 -r 1s -jvmArgs "$jvm" \
        -rf json -rff "$work/out/$label-$v-$r.json" > "$work/out/$label-$v-$r.log" 2>&1
    done
  done
  [[ ${BYTES:-yes} == no ]] && { echo "round $r of $rounds done"; continue; }
  for v in $order; do
    # Heap retained per idle actor, measured as the suite measures it (its own method).
    java $jvm -cp "$(cat "$work/$v-cp.txt")" "$tool/RetainedBytes.java" | sed "s/^/$v $r /" >> "$work/out/bytes.txt"
  done
  echo "round $r of $rounds done"
done
python3 "$tool/compare.py" "$work/out"
