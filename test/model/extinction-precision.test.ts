import { describe, expect, it } from 'vitest';
import { type Distribution, theoreticalExtinction } from '../../src/index.js';

/**
 * q^start against 60-digit values from mpmath (scripts/reference/extinction.py, which states
 * its method): near-critical K, extreme dispersion k, large fixed fanouts, churn. The
 * target is 1e-12 absolute on every accepted input.
 */
const cases: [string, 'tree' | 'compound', number, Distribution, number, number, number, number, number][] = [
  ['issue: negbin k = 1e6, K = 1.01, 47 fans', 'tree', 47, 'negbin', 100, 0.0101, 1000000.0, 0, 0.39184596472019652594],
  ['poisson K = 1 + 1e-6', 'tree', 1, 'poisson', 1.000001, 1, 1, 0, 0.99999800000266682809],
  ['poisson K = 1.001, 1,000 fans', 'tree', 1000, 'poisson', 1.001, 1, 1, 0, 0.13542547669498178507],
  ['poisson K = 1.01, 47 fans', 'tree', 47, 'poisson', 1.01, 1, 1, 0, 0.39184559638146683491],
  ['poisson K = 2', 'tree', 1, 'poisson', 2, 1, 1, 0, 0.20318786997997995384],
  ['poisson K = 1,000,000', 'tree', 1, 'poisson', 1000000.0, 1, 1, 0, 0.0],
  ['negbin K = 1.0001, k = 0.01', 'tree', 1, 'negbin', 1.0001, 1, 0.01, 0, 0.99999801993528930795],
  ['negbin K = 5, k = 1e6', 'tree', 3, 'negbin', 5, 1, 1000000.0, 0, 3.3966554992197646609e-7],
  ['negbin K = 1.5, k = 1e6, 10,000 fans', 'tree', 10000, 'negbin', 1.5, 1, 1000000.0, 0, 2.1194391252663145913e-3797],
  ['negbin K = 2, k = 1e-4', 'tree', 1, 'negbin', 2, 1, 0.0001, 0, 0.99987437520433957458],
  ['negbin K = 1.000001, k = 1e6', 'tree', 1, 'negbin', 1.000001, 1, 1000000.0, 0, 0.99999800000466682209],
  ['geometric K = 1 + 1e-7', 'tree', 1, 'geometric', 1.0000001, 1, 1, 0, 0.99999990000000994161],
  ['fixed 1,000,000 at conversion 1.01e-6, 10 fans', 'tree', 10, 'fixed', 1000000, 1.01e-06, 1, 0, 0.81927297697569340414],
  ['fixed 1,000,000 at conversion 2e-6', 'tree', 1, 'fixed', 1000000, 2e-06, 1, 0, 0.2031874353415148205],
  ['fixed 3 at 50%', 'tree', 1, 'fixed', 3, 0.5, 1, 0, 0.23606797749978969641],
  ['fixed 2 at 50.0001%', 'tree', 5, 'fixed', 2, 0.500001, 1, 0, 0.99996000079998812993],
  ['compound poisson rate 0.5, churn 20%', 'compound', 1, 'poisson', 0.5, 1, 1, 0.2, 0.33739119749823198684],
  ['compound poisson rate 0.2000001, churn 20% (near critical)', 'compound', 1, 'poisson', 0.2000001, 1, 1, 0.2, 0.99999944444472350342],
  ['compound negbin rate 0.3, k = 0.1, churn 25%, 20 fans', 'compound', 20, 'negbin', 0.3, 1, 0.1, 0.25, 0.18826516999725525353],
  ['compound negbin rate 0.05, k = 1e6, churn 4.9%, 100 fans', 'compound', 100, 'negbin', 0.05, 1, 1000000.0, 0.049, 0.12599278896933266985],
  ['compound fixed 1 at 99%, churn 99%', 'compound', 1, 'fixed', 1, 0.99, 1, 0.99, 1.0],
];

describe('extinction theory to 1e-12 (against mpmath)', () => {
  it.each(cases)('%s', (_, model, start, distribution, introductions, conversion, dispersion, churn, expected) => {
    const q = theoreticalExtinction({ model, start, periods: 10, offspring: { distribution, introductions, conversion, dispersion }, churn, market: null });
    expect(Math.abs(q! - expected)).toBeLessThan(1e-12);
  });
});
