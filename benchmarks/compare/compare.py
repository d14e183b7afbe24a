"""The table of compare-builds.sh: per workload, the median round time of each build, the
after/before ratio (geometric mean over paired rounds, with a 95% t interval, and the median
of the paired ratios), and the heap per idle actor. A ratio below 1 is faster after."""
import collections, glob, json, os, re, statistics, sys

from paired import ratio

out = sys.argv[1]
times = collections.defaultdict(lambda: collections.defaultdict(dict))
for path in glob.glob(f"{out}/*.json"):
    workload, build, rnd = re.match(r".*/(.+)-(before|after)-(\d+)\.json", path).groups()
    result = json.load(open(path))
    if result:
        times[workload][build][int(rnd)] = statistics.median(result[0]["primaryMetric"]["rawData"][0])
print(f"{'workload':18} {'before ms':>10} {'after ms':>10} {'after/before':>13} {'95% interval':>14} {'median':>7} rounds")
suite_order = ["tell-throughput", "pingpong", "threadring", "fanout", "ask", "create"]
for workload in sorted(times, key=lambda w: (suite_order.index(w) if w in suite_order else len(suite_order), w)):
    before, after = times[workload]["before"], times[workload]["after"]
    rounds = sorted(set(before) & set(after))
    if not rounds:
        continue
    mean, interval, median = ratio(before, after, rounds)
    print(f"{workload:18} {statistics.median(before[r] for r in rounds):10.1f} "
          f"{statistics.median(after[r] for r in rounds):10.1f} {mean:13.2f} {interval:>14} "
          f"{median:7.2f} {len(rounds)}")
bytes_by_build = collections.defaultdict(list)
for line in open(f"{out}/bytes.txt") if os.path.exists(f"{out}/bytes.txt") else []:
    build, _, value = line.split()
    bytes_by_build[build].append(float(value))
for build in ("before", "after"):
    if bytes_by_build[build]:
        print(f"bytes per idle actor, {build}: median {statistics.median(bytes_by_build[build]):.1f} "
              f"over {len(bytes_by_build[build])} runs")
