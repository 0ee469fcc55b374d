import type { ChainParams } from './params.js';
import type { BlockRandom } from './block-random.js';
import { drawParameters } from '../fit/draws.js';

/** Each run's parameters drawn from a fit's uncertainty: mean fans a referrer brings (K / (1 - π), times conversion), k, 1 - π. */
export function drawnParameters(p: ChainParams, count: number, rng: BlockRandom): { mean: Float64Array; shape: Float64Array; refers: Float64Array } {
  const mean = new Float64Array(count);
  const shape = new Float64Array(count);
  const refers = new Float64Array(count);
  const normal = () => rng.normal();
  for (let i = 0; i < count; i++) {
    const q = drawParameters(p.draws!, normal);
    mean[i] = (q.K / (1 - q.nonreferrers)) * p.offspring.conversion;
    shape[i] = p.offspring.distribution === 'geometric' ? 1 : q.k;
    refers[i] = 1 - q.nonreferrers;
  }
  return { mean, shape, refers };
}
