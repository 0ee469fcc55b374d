#!/usr/bin/env python3
"""The numpy program a data person would write instead of `fans simulate --trials N
--cycle-spread ...`: the tree with Poisson referrals, each after a Pascal delay (k stages, a
daily chance q of leaving each), vectorised over runs, a day at a time; the same model as
src/model/calendar/engine.ts. For `npm run bench`, side by side with fans.

    python3 scripts/reference/calendar_mc.py --trials 100000 --fanout 1.5 --stages 7 --chance 0.22998 --days 730 --by day

Prints one JSON line: the last day's mean, p5/p50/p95 and `seconds` (after numpy's import).
With --by day the percentiles are taken every day (np.percentile), as fans's table has them;
--by month takes them on every 30th day (about a month) and the last.
"""
import argparse, json, time
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument('--trials', type=int, default=100000)
ap.add_argument('--fanout', type=float, default=1.5)
ap.add_argument('--stages', type=int, default=7)
ap.add_argument('--chance', type=float, default=7 / 30.436875)
ap.add_argument('--days', type=int, default=730)
ap.add_argument('--by', choices=['day', 'month'], default='day')
ap.add_argument('--seed', type=int, default=1)
a = ap.parse_args()

t0 = time.perf_counter()
rng = np.random.default_rng(a.seed)
stages = np.zeros((a.stages, a.trials))
total = np.ones(a.trials)
stages[0] = a.fanout  # the starting fan's expected referrals, entering the first stage
q = a.chance
rows = []
for day in range(1, a.days + 1):
    due = q * stages[-1]
    # each stage keeps 1 - q of its own and takes q of the one before (old values)
    stages[1:] = (1 - q) * stages[1:] + q * stages[:-1]
    stages[0] *= 1 - q
    fresh = rng.poisson(due)
    total += fresh
    stages[0] += a.fanout * fresh
    if a.by == 'day' or day % 30 == 0 or day == a.days:
        rows.append(np.percentile(total, [5, 50, 95]))
seconds = time.perf_counter() - t0
print(json.dumps({'mean': float(total.mean()), 'p5': float(rows[-1][0]), 'p50': float(rows[-1][1]), 'p95': float(rows[-1][2]), 'seconds': seconds}))
