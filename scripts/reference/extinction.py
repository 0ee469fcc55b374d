"""Reference values for test/model/extinction-precision.test.ts, at 60 digits with mpmath.

The chance that all chains of `start` fans die out, q^start, with q the smallest root of
q = G(q) in [0, 1], solved by bisection on u = 1 - q (F(u) = 1 - G(1 - u) - u is positive
below the root and negative above it). Inputs are taken as the exact doubles the CLI holds,
and K = introductions x conversion is rounded to a double as the CLI rounds it.
Run: python3 scripts/reference/extinction.py  (needs mpmath; not needed by the tests).
"""
import struct
from mpmath import mp, mpf, exp, log, power

mp.dps = 60

def dbl(x):  # the double nearest to x, as the CLI would hold it
    return mpf(float(x))

def pgf(dist, n, c, k):
    K = dbl(float(n) * float(c))
    if dist == 'poisson':
        return lambda s: exp(K * (s - 1))
    if dist in ('negbin', 'geometric'):
        r = dbl(1 if dist == 'geometric' else k)
        return lambda s: power(1 + (K / r) * (1 - s), -r)
    if dist == 'fixed':
        return lambda s: power(1 - dbl(c) + dbl(c) * s, dbl(n))

def survival(G, churn=None):
    if churn is not None:
        g0 = G
        ch = dbl(churn)
        G = lambda s: (ch + (1 - ch) * s) * g0(s)
    F = lambda u: 1 - G(1 - u) - u
    if F(mpf(1)) >= 0:
        return mpf(1)
    lo, hi = mpf(0), mpf(1)
    # find a lo with F(lo) > 0
    x = mpf(1)
    while x > mpf(10) ** -200:
        x /= 2
        if F(x) > 0:
            lo = x
            break
    if lo == 0:
        return mpf(0)
    for _ in range(400):
        mid = (lo + hi) / 2
        if F(mid) > 0:
            lo = mid
        else:
            hi = mid
    return lo

cases = [
    # name, model, start, distribution, introductions, conversion, dispersion, churn
    ('issue: negbin k = 1e6, K = 1.01, 47 fans', 'tree', 47, 'negbin', 100, 0.0101, 1e6, None),
    ('poisson K = 1 + 1e-6', 'tree', 1, 'poisson', 1.000001, 1, 1, None),
    ('poisson K = 1.001, 1,000 fans', 'tree', 1000, 'poisson', 1.001, 1, 1, None),
    ('poisson K = 1.01, 47 fans', 'tree', 47, 'poisson', 1.01, 1, 1, None),
    ('poisson K = 2', 'tree', 1, 'poisson', 2, 1, 1, None),
    ('poisson K = 1,000,000', 'tree', 1, 'poisson', 1e6, 1, 1, None),
    ('negbin K = 1.0001, k = 0.01', 'tree', 1, 'negbin', 1.0001, 1, 0.01, None),
    ('negbin K = 5, k = 1e6', 'tree', 3, 'negbin', 5, 1, 1e6, None),
    ('negbin K = 1.5, k = 1e6, 10,000 fans', 'tree', 10000, 'negbin', 1.5, 1, 1e6, None),
    ('negbin K = 2, k = 1e-4', 'tree', 1, 'negbin', 2, 1, 1e-4, None),
    ('negbin K = 1.000001, k = 1e6', 'tree', 1, 'negbin', 1.000001, 1, 1e6, None),
    ('geometric K = 1 + 1e-7', 'tree', 1, 'geometric', 1.0000001, 1, 1, None),
    ('fixed 1,000,000 at conversion 1.01e-6, 10 fans', 'tree', 10, 'fixed', 1000000, 1.01e-6, 1, None),
    ('fixed 1,000,000 at conversion 2e-6', 'tree', 1, 'fixed', 1000000, 2e-6, 1, None),
    ('fixed 3 at 50%', 'tree', 1, 'fixed', 3, 0.5, 1, None),
    ('fixed 2 at 50.0001%', 'tree', 5, 'fixed', 2, 0.500001, 1, None),
    ('compound poisson rate 0.5, churn 20%', 'compound', 1, 'poisson', 0.5, 1, 1, 0.2),
    ('compound poisson rate 0.2000001, churn 20% (near critical)', 'compound', 1, 'poisson', 0.2000001, 1, 1, 0.2),
    ('compound negbin rate 0.3, k = 0.1, churn 25%, 20 fans', 'compound', 20, 'negbin', 0.3, 1, 0.1, 0.25),
    ('compound negbin rate 0.05, k = 1e6, churn 4.9%, 100 fans', 'compound', 100, 'negbin', 0.05, 1, 1e6, 0.049),
    ('compound fixed 1 at 99%, churn 99%', 'compound', 1, 'fixed', 1, 0.99, 1, 0.99),
]

for name, model, start, dist, n, c, k, churn in cases:
    G = pgf(dist, n, c, k)
    u = survival(G, churn if model == 'compound' else None)
    q = power(1 - u, start)
    print(f"  ['{name}', '{model}', {start}, '{dist}', {n!r}, {c!r}, {k!r}, {churn if churn is not None else 0!r}, {mp.nstr(q, 20)}],")
