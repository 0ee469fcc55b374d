/*
 * A lower bound for `npm run bench`: the draws of fans's calendar runs alone, in C, one
 * thread. The model of calendar_mc.py and src/model/calendar/engine.ts (the tree, Poisson
 * referrals, each after a Pascal delay of k stages left with a daily chance q), run as fans
 * runs it: a block of 1,024 runs a day at a time, xoshiro128** with 32-bit uniforms, Knuth's
 * product below a mean of 10 and PTRS (Hormann 1993, as numpy) above. No percentiles but
 * the last day's: what fans's quantile sketches and output cost comes on top.
 *
 *     cc -O2 -o /tmp/calendar_loop scripts/reference/calendar_loop.c -lm
 *     /tmp/calendar_loop 100000 1.5 7 0.22998418858703465 730
 *
 * Prints one JSON line: the last day's mean, p5/p50/p95, the live run-days and `seconds`.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { uint32_t a, b, c, d; } rng_t;

static inline uint32_t next(rng_t *r) {
  uint32_t a = r->a, b = r->b, c = r->c ^ a, d = r->d ^ b, m = b * 5;
  uint32_t result = ((m << 7) | (m >> 25)) * 9;
  r->a = a ^ d;
  r->b = b ^ c;
  r->c = c ^ (b << 9);
  r->d = (d << 11) | (d >> 21);
  return result;
}

static inline double uniform32(rng_t *r) { return (next(r) + 0.5) * 2.3283064365386963e-10; }

static double poisson(rng_t *r, double lambda) {
  if (!(lambda > 0)) return 0;
  if (lambda < 10) {
    double product = uniform32(r);
    if (product <= 1 - lambda - 0x1p-52) return 0;
    double limit = exp(-lambda);
    int k = 0;
    for (; product > limit; product *= uniform32(r)) k++;
    return k;
  }
  double b = 0.931 + 2.53 * sqrt(lambda), a = -0.059 + 0.02483 * b, vr = 0.9277 - 3.6224 / (b - 2);
  double inv_alpha = 1.1239 + 1.1328 / (b - 3.4), log_lambda = log(lambda);
  for (;;) {
    double u = uniform32(r) - 0.5, v = uniform32(r), us = 0.5 - fabs(u);
    double k = floor((2 * a / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (log(v * inv_alpha / (a / (us * us) + b)) <= -lambda + k * log_lambda - lgamma(k + 1)) return k;
  }
}

static int compare(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

int main(int argc, char **argv) {
  int trials = argc > 1 ? atoi(argv[1]) : 100000, stages = argc > 3 ? atoi(argv[3]) : 7;
  int days = argc > 5 ? atoi(argv[5]) : 730;
  double fanout = argc > 2 ? atof(argv[2]) : 1.5, q = argc > 4 ? atof(argv[4]) : 7 / 30.436875, stay = 1 - q;
  enum { block = 1024 };
  double *stage = malloc(sizeof(double) * block * stages), pending[block];
  unsigned char live[block];
  double *total = malloc(sizeof(double) * trials);
  long live_days = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int first = 0, stream = 0; first < trials; first += block, stream++) {
    int count = trials - first < block ? trials - first : block;
    rng_t r = {0x9e3779b9u, 0x7f4a7c15u, 0x85ebca6bu ^ (uint32_t)stream, 0x27d4eb2fu + (uint32_t)stream};
    for (int i = 0; i < 8; i++) next(&r);
    double *reached = total + first;
    memset(stage, 0, sizeof(double) * block * stages);
    for (int i = 0; i < count; i++) stage[i * stages] = pending[i] = fanout, reached[i] = 1, live[i] = 1;
    for (int t = 1; t <= days; t++) {
      for (int i = 0; i < count; i++) {
        if (!live[i]) continue;
        live_days++;
        double *s = stage + i * stages, before = s[0];
        s[0] = stay * before;
        for (int j = 1; j < stages; j++) {
          double own = s[j];
          s[j] = stay * own + q * before;
          before = own;
        }
        double due = q * before, rest = pending[i] - due, fresh = poisson(&r, due);
        if (fresh > 0) {
          reached[i] += fresh;
          s[0] += fresh * fanout;
          rest += fresh * fanout;
        }
        if (rest < 1) {
          rest = 0;
          for (int j = 0; j < stages; j++) rest += s[j];
          if (rest <= 1e-9) live[i] = 0, rest = 0;
        }
        pending[i] = rest;
      }
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9, mean = 0;
  for (int i = 0; i < trials; i++) mean += total[i] / trials;
  qsort(total, trials, sizeof(double), compare);
  printf("{\"mean\": %.6g, \"p5\": %.6g, \"p50\": %.6g, \"p95\": %.6g, \"live_run_days\": %ld, \"seconds\": %.3f}\n", mean,
         total[(int)(0.05 * (trials - 1))], total[(int)(0.5 * (trials - 1))], total[(int)(0.95 * (trials - 1))], live_days, seconds);
  return 0;
}
