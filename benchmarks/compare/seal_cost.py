"""The table of seal-cost.sh: per measure, the median of each platform over the rounds and the
sealed/unsealed ratio (geometric mean over paired rounds, with a 95% t interval). CPU is the
process's CPU time per told message, both nodes (above 1: the seal costs CPU); tell is
messages/s (below 1: the seal costs throughput); ask is the p50 round trip in µs (above 1: the
seal costs latency)."""
import collections, glob, json, re, statistics, sys

from paired import ratio
out = sys.argv[1]
values = collections.defaultdict(lambda: collections.defaultdict(dict))
for path in glob.glob(f"{out}/*.json"):
    bench, platform, rnd = re.match(r".*/(tell|ask)-(ours|ours-unsealed)-(\d+)\.json", path).groups()
    try:
        result = json.load(open(path))
    except ValueError:  # a fork still writing, or one that failed: its log says why
        continue
    if not result:
        continue
    metric = result[0]["primaryMetric"]
    values[bench][platform][int(rnd)] = metric["score"] if bench == "tell" else metric["scorePercentiles"]["50.0"]
for path in glob.glob(f"{out}/cpu-*.txt"):
    rnd = int(re.match(r".*/cpu-(\d+)\.txt", path).group(1))
    for line in open(path):
        platform, cpu, rate = line.split()
        values["cpu"][platform][rnd] = float(cpu)
        values["cpu-tell"][platform][rnd] = float(rate)
print(f"{'measure':22} {'unsealed':>10} {'sealed':>10} {'sealed/unsealed':>16} {'95% interval':>16} rounds")
for bench, label in (("cpu", "CPU ns per message"), ("cpu-tell", "tell msg/s (CPU run)"),
                     ("tell", "tell msg/s (JMH)"), ("ask", "ask p50 µs (JMH)")):
    unsealed, sealed = values[bench]["ours-unsealed"], values[bench]["ours"]
    rounds = sorted(set(unsealed) & set(sealed))
    if not rounds:
        continue
    mean, interval, _ = ratio(unsealed, sealed, rounds, digits=3)
    print(f"{label:22} {statistics.median(unsealed[r] for r in rounds):10.1f} "
          f"{statistics.median(sealed[r] for r in rounds):10.1f} {mean:16.3f} {interval:>16} {len(rounds)}")
