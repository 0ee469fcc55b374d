import type { Why } from '../../model/goal.js';
import { type Numbers, type Words, countOf } from './words.js';

const was = (n: Numbers, before: unknown) => (before === null ? '' : `; one less reaches only ${n.count(before as number)}`);

function why(n: Numbers, w: Why): string {
  switch (w.kind) {
    case 'peaks':
      return `the total peaks at ${n.real(w.total)} in ${w.unit} ${n.real(w.at)}; after that churn loses more fans each year than referrals bring`;
    case 'levelsOff':
      return `the total levels off at ${n.real(w.total)} (by ${w.unit} ${n.real(w.at)})`;
    case 'noPeriods':
      return `with ${w.flag === 'depth' ? 'depth 0' : '0 years'} there are no introductions`;
    case 'noConversion':
      return 'with conversion 0 no introduction becomes a fan';
    case 'allNonreferrers':
      return 'with 100% nonreferrers nobody refers';
    case 'marketSmall':
      return `the market (${n.real(w.market)}) is smaller than the target`;
    case 'belowOne':
      return `K = ${n.real(w.k)} < 1: the total never passes ${n.real(w.limit)} (start / (1 - K))`;
    case 'notWithin':
      return w.unit === 'level' ? `not reached within ${n.real(w.max)} levels, the largest depth` : `not reached within ${n.real(w.max)} years, the largest number of years`;
    case 'churnOutruns':
      return `churn (${n.percent(w.churn)} a year) outruns referrals (K = ${n.real(w.k)} a year): the total never grows past the start`;
    case 'notEvenWith':
      return `not reached even with ${w.name} ${n.real(w.max)}, the largest allowed`;
    case 'notAny':
      return `not reached with any ${w.name} up to ${n.real(w.max)}: the closest is ${n.real(w.total)}, in year ${n.real(w.year)} with ${w.name} ${n.real(w.best)}`;
  }
}

/** English: the words `fans` has always printed. */
export const en: Words = {
  lang: 'en',
  column: (name) => name,
  totalLabel: 'total',
  table: {
    shortened: 'Figures past 15 digits are shortened here; --format json, csv or tsv has every digit.',
    moreRows: (n, hidden) => `… ${n.count(hidden)} more rows: --format csv, tsv or json shows them all …`,
  },
  chart: {
    scale: (kind) => `(${kind} scale)`,
    yAxis: (kind) => `total fans (${kind} scale)`,
    zeros: '0 is drawn on the bottom line of the log scale',
    total: 'total',
    median: 'median (p50)',
    mean: 'mean',
    band: (low, high) => `p${low} to p${high}`,
  },
  simulate: {
    reach: (n, s) =>
      (s.everyoneJoins
        ? `${countOf(n, s.start, 'fan reaches', 'fans reach')} ${countOf(n, s.total, 'person', 'people')} in ${countOf(n, s.depth, 'step', 'steps')}`
        : `${countOf(n, s.start, 'fan grows', 'fans grow')} to ${countOf(n, s.total, 'fan', 'fans')} in ${countOf(n, s.depth, 'step', 'steps')}`) +
      (s.elapsed ? ` (${n.real(s.elapsed.amount)} ${s.elapsed.unit})` : '') +
      (s.everyoneJoins || s.introductions === 0
        ? '.'
        : `: ${countOf(n, s.introductions, 'introduction', 'introductions')}, of which ${n.count(s.newFans)} (${n.percent(s.newFans / s.introductions)}) became new fans.`),
    factor: (n, s) =>
      `Referral factor K = ${n.real(s.k)} (fanout ${n.real(s.fanout)} × conversion ${n.percent(s.conversion)}${s.referrers === null ? '' : ` × referrers ${n.percent(s.referrers)}`}).`,
    limit: (n, s) =>
      `K < 1: each level is smaller than the one before; the total approaches ${n.real(s.limit)} ` +
      (s.market ? `as depth grows (below start / (1 - K) = ${n.real(s.bound)}: the market slows it).` : '(start / (1 - K)) as depth grows.'),
  },
  compound: {
    becomes: (n, s) => `${countOf(n, s.start, 'fan becomes', 'fans become')} ${countOf(n, s.total, 'fan', 'fans')} in ${countOf(n, s.years, 'year', 'years')}.`,
    factor: (n, s) =>
      `Referral factor K = ${n.real(s.k)} a year (rate ${n.real(s.rate)} × conversion ${n.percent(s.conversion)}${s.referrers === null ? '' : ` × referrers ${n.percent(s.referrers)}`})` +
      (s.churn === null ? '' : `, churn ${n.percent(s.churn)}`) +
      (s.growth > 1
        ? `: fans grow ×${n.real(s.growth)} a year${s.market ? ' until the market fills' : ''}.`
        : s.growth === 1
          ? ': the number of fans stays the same.'
          : ': churn outruns referrals, and the number of fans shrinks.'),
  },
  market: (n, market, reached) => `Market: ${countOf(n, market, 'person', 'people')}; ${n.percent(reached / market)} reached.`,
  goal: {
    unreachable: (n, s) => `The target of ${n.count(s.target)} cannot be reached: ${s.why}. The best attempt is below (${n.count(s.total)}).`,
    steps: (n, s) => `${countOf(n, s.value, 'step', 'steps')} reach${s.value === 1 ? 'es' : ''} the target of ${n.count(s.target)} (${n.count(s.total)})${was(n, s.before)}.`,
    years: (n, s) => `${countOf(n, s.value, 'year reaches', 'years reach')} the target of ${n.count(s.target)} (${n.count(s.total)})${was(n, s.before)}.`,
    fanout: (n, s) =>
      `A fanout of ${n.real(s.value)} reaches ${n.count(s.target)} exactly; the smallest whole fanout is ${n.count(s.whole)}, reaching ${n.count(s.total)} by level ${n.count(s.level)} of ${n.count(s.depth)}${was(n, s.before)}.`,
    rate: (n, s) => `A yearly rate of ${n.real(s.value)} (${n.percent(s.value)}) reaches the target of ${n.count(s.target)} in year ${n.count(s.year)} of ${n.count(s.years)} (${n.count(s.total)}).`,
    why,
  },
  sampled: {
    distribution: (n, d) => (d.kind === 'negbin' ? `negative binomial (k = ${n.real(d.k)})` : { fixed: 'fixed', poisson: 'Poisson', geometric: 'geometric' }[d.kind]),
    runs: (n, s) => `${countOf(n, s.trials, 'run', 'runs')} with ${s.distribution} referrals, mean K = ${n.real(s.k)}${s.yearly ? ' a year' : ''} (seed ${s.seed}; --seed ${s.seed} repeats it).`,
    period: (n, tree, period) => `${tree ? 'level' : 'year'} ${n.count(period)}`,
    meanTotal: (n, s) => `Mean total by ${s.by}: ${n.count(s.mean)}${s.spread}.`,
    spread: (n, s) => `; ${n.percent(s.share)} of runs between ${n.count(s.low)} and ${n.count(s.high)}`,
    tooFew: (n, s) => `; ${countOf(n, s.trials, 'run is', 'runs are')} too few for a p${s.low}–p${s.high} range (it needs ${n.count(s.needs)})`,
    extinctNone: (n, s) =>
      `Chance the chain has died out by ${s.by}: ${s.trials === 1 ? 'the one run did not' : `none of the ${n.count(s.trials)} runs did`}, so below ${n.chance(s.bound)} (95% bound, 1 - 0.05^(1/N)).`,
    extinctAll: (n, s) => `Chance the chain has died out by ${s.by}: ${s.trials === 1 ? 'the one run did' : `all ${n.count(s.trials)} runs did`}, so above ${n.chance(s.bound)} (95% bound, 0.05^(1/N)).`,
    extinctSome: (n, s) => `Chance the chain has died out by ${s.by}: ${n.chance(s.estimate)} ± ${n.chance(s.error)} (standard error).`,
    percentilesWithin: (n, s) =>
      `Percentiles are within ${n.chance(s.error)} of a total seen at their rank (by level or year ${n.count(s.period)}: with ${n.count(s.periods)} periods each keeps a smaller summary).`,
    eightyTwenty: (n, s) => `80/20: ${n.chance(s.p80)} of fans bring 80% of the new fans (p80); the most active 20% bring ${n.chance(s.t20)} of them (t20).`,
    theory: (n, s) => `Theory: ${n.chance(s.q)} eventually (q = G(q), to the power of ${countOf(n, s.start, 'starting fan', 'starting fans')}).`,
    noTheory: 'Theory gives no extinction probability with a market cap.',
  },
  compare: {
    line: (n, s) => `${s.name}: ${n.count(s.total)} after ${s.last} ${s.command === 'simulate' ? (s.last === 1 ? 'step' : 'steps') : s.last === 1 ? 'year' : 'years'} (${s.command}).`,
  },
  xlsx: {
    results: 'Results',
    parameters: 'Parameters',
    parameter: 'parameter',
    value: 'value',
    none: 'none',
    summary: 'Summary',
    textCells: (digits) => `Exact whole numbers longer than ${digits} digits are text cells: a spreadsheet keeps only ${digits} significant digits of a number.`,
  },
};
