"""The ratio of two paired series, as compare.py and seal_cost.py report it: the geometric mean of
the per-round ratios, with a 95% t interval (a text, "-" for one round), and their median."""
import math, statistics

T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
       10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 19: 2.093, 29: 2.045}


def ratio(before, after, rounds, digits=2):
    """after/before over the paired rounds: (geometric mean, interval text, median ratio)."""
    logs = [math.log(after[r] / before[r]) for r in rounds]
    mean = statistics.mean(logs)
    interval = "-"
    if len(logs) > 1:
        half = T95.get(len(logs) - 1, 1.96) * statistics.stdev(logs) / math.sqrt(len(logs))
        interval = f"[{math.exp(mean - half):.{digits}f}, {math.exp(mean + half):.{digits}f}]"
    return math.exp(mean), interval, statistics.median(math.exp(x) for x in logs)
