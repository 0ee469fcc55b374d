import type { Why } from '../../model/growth/goal.js';
import type { FitModel } from '../../model/fit/families.js';
import { type FitQuantity, type Numbers, type Words, bound, countOf, oneDecimal } from './words.js';

/** A calendar span's unit, one and more: `month`, `months`. */
const spanWords = { d: ['day', 'days'], w: ['week', 'weeks'], m: ['month', 'months'], y: ['year', 'years'] } as const;

/** Headings that differ from the column's interface name. */
const parameters: Record<string, string> = {
  start: 'start (fans)',
  fanout: 'fanout',
  depth: 'depth (steps)',
  rate: 'rate',
  years: 'years',
  conversion: 'conversion',
  nonreferrers: 'non-referrers',
  churn: 'churn',
  market: 'market',
  paid: 'paid inflow',
  startDate: 'start date',
  until: 'until',
  cycle: 'cycle',
  cycleSpread: 'spread of the cycle',
  by: 'rows by',
  trials: 'runs',
  seed: 'seed',
  distribution: 'distribution',
  dispersion: 'dispersion (k)',
  quantiles: 'percentiles',
  currency: 'currency',
  value: 'value',
  per: 'paid every',
  margin: 'margin',
  reward: 'reward',
  refereeReward: 'reward to the referred',
  cost: 'fixed cost',
  cac: 'acquisition cost (CAC)',
  discount: 'discount rate',
  target: 'target',
  targetNet: 'target: cumulative net',
  targetRevenue: 'target: cumulative revenue',
  deadline: 'deadline',
  fit: 'fitted to',
  threads: 'threads',
  scale: 'scale',
  file: 'file',
  sheet: 'sheet',
  columns: 'columns read',
  fans: 'all fans (those not listed referred nobody)',
  censoredAt: 'chains still growing from size',
  minSize: 'smallest chain listed',
  countsPer: 'counts per',
};

const columns: Record<string, string> = { meanDays: 'mean (days)', meanDays_low: 'mean low', meanDays_high: 'mean high', sdDays: 'sd (days)', sdDays_low: 'sd low', sdDays_high: 'sd high', cumulativeNet: 'cumulative net', cumulativeRevenue: 'cumulative revenue', paidBack: 'paid back', K_low: 'K low', K_high: 'K high', k_low: 'k low', k_high: 'k high', logLik: 'log L', nonreferrers: 'nonreferrers' };

/** An interval in the language's words: `1.28 to 1.92`. */
/** The figures of a fit, named for its spreadsheet sheet. */
const quantities: Record<FitQuantity, string> = {
  file: 'file',
  shape: 'records',
  n: 'observations',
  mean: 'mean',
  variance: 'variance',
  preferred: 'preferred model',
  weight: 'Akaike weight',
  K: 'K',
  K_low: 'K, 95% low (profile)',
  K_high: 'K, 95% high (profile)',
  k: 'k',
  k_low: 'k, 95% low (profile)',
  k_high: 'k, 95% high (profile)',
  nonreferrers: 'nonreferrers',
  nonreferrers_low: 'nonreferrers, 95% low (profile)',
  nonreferrers_high: 'nonreferrers, 95% high (profile)',
  K_wald_low: 'K, 95% low (Wald)',
  K_wald_high: 'K, 95% high (Wald)',
  k_wald_low: 'k, 95% low (Wald)',
  k_wald_high: 'k, 95% high (Wald)',
  chiSquare: 'chi-square',
  df: 'degrees of freedom',
  p: 'p (chi-square)',
  extinction: "chance a new fan's chain dies out",
  p80: 'share of fans bringing 80% of the new fans (p80)',
  projection: 'projection',
};

const range = (n: Numbers, low: number, high: number) => `${bound(n, low)} to ${bound(n, high)}`;

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

/**
 * The sections a plain table run does not read (a chart's, a sampled run's, a fit's, money's,
 * a report's, the calendar's and a workbook's words), each made on first use and kept: making
 * every function of them took about 0.1 ms of each start on Node 22 (docs/performance.md).
 */
const built: Partial<Words> = {};

/** English: the words `fans` has always printed. */
export const en: Words = {
  lang: 'en',
  // A fit's other candidates' expected counts: expected_negbin -> expected (negative binomial).
  // The pattern runs only for such a name: V8 compiles a pattern at its first use in a run.
  column: (name) => columns[name] ?? (name.startsWith('expected_') ? name.replace(/^expected_(poisson|geometric|negbin|zip|zinb)$/, (_, model: FitModel) => `expected (${en.fit.short(model)})`) : name),
  parameter: (name) => parameters[name] ?? name,
  parameterValue: (name, value, n) => {
    const span = /^(\d+(?:\.\d+)?)([dwmy])$/.exec(value);
    if (span && ['cycle', 'cycleSpread', 'per'].includes(name)) return countOf(n, Number(span[1]), spanWords[span[2] as 'd'][0], spanWords[span[2] as 'd'][1]);
    return value;
  },
  totalLabel: 'total',
  table: {
    shortened: 'Figures past 15 digits are shortened here; --format json, csv or tsv has every digit.',
    moreRows: (n, hidden) => `… ${n.count(hidden)} more rows: --format csv, tsv or json shows them all …`,
  },
  get chart(): Words['chart'] {
    return (built.chart ??= {
      scale: (kind) => `(${kind} scale)`,
      yAxis: (kind) => `total fans (${kind} scale)`,
      zeros: '0 is drawn on the bottom line',
      total: 'total',
      median: 'median (p50)',
      mean: 'mean',
      band: (low, high) => `p${low} to p${high}`,
      caption: (n, c) => {
        if (c.kind === 'compare') return `${countOf(n, c.names.length, 'scenario', 'scenarios')}: ${c.names.slice(0, 4).join(', ')}${c.names.length > 4 ? ', …' : ''}`;
        const who = c.kind === 'calendar' && c.customersOf !== undefined ? `${countOf(n, c.start, 'customer', 'customers')} of ${c.customersOf} as they are` : countOf(n, c.start, 'fan', 'fans');
        if (c.kind === 'calendar') {
          const how =
            c.model === 'tree'
              ? `each making ${countOf(n, c.rate, 'introduction', 'introductions')}${c.conversion < 1 ? ` (${n.percent(c.conversion)} convert)` : ''}`
              : `each bringing ${countOf(n, c.rate * c.conversion, 'new fan', 'new fans')}${c.churn > 0 ? ` (${n.percent(c.churn)} churn)` : ''}`;
          const every = c.cycle.amount === 1 ? spanWords[c.cycle.unit][0] : `${n.real(c.cycle.amount)} ${spanWords[c.cycle.unit][1]}`;
          const spread = c.spread ? ` (give or take ${countOf(n, c.spread.amount, spanWords[c.spread.unit][0], spanWords[c.spread.unit][1])})` : '';
          // A goal's horizon is where the search ends, not what the chart shows: its start only.
          const dates = c.target === undefined ? `${c.from} to ${c.to}` : `from ${c.from}: when ${n.count(c.target)}?`;
          return `${who}, ${how} every ${every}${spread}, ${dates}${c.trials ? `: ${countOf(n, c.trials, 'sampled run', 'sampled runs')}` : ''}`;
        }
        const how =
          c.kind === 'tree'
            ? `${countOf(n, c.rate, 'introduction', 'introductions')} each${c.conversion < 1 ? ` (${n.percent(c.conversion)} convert)` : ''}, ${countOf(n, c.periods, 'step', 'steps')}`
            : `${countOf(n, c.rate * c.conversion, 'new fan', 'new fans')} each a year${c.churn > 0 ? `, ${n.percent(c.churn)} churn` : ''}, ${countOf(n, c.periods, 'year', 'years')}`;
        return `${who}, ${how}${c.trials ? `: ${countOf(n, c.trials, 'sampled run', 'sampled runs')}` : ''}`;
      },
      target: 'target',
      market: 'market',
      moneyTitle: (currency) => `Cumulative net${currency ? ` (${currency})` : ''}`,
      breakEven: 'break-even',
      paysBack: (_, s) => `pays back at ${s.xLabel} ${s.x}`,
      percentileMark: (q, date) => `p${q} ${date}`,
      deadlineMark: (n, s) => `deadline ${s.date}: ${n.percent(s.share)} of runs`,
      reached: (_, s) => `reached at ${s.xLabel} ${s.x}`,
    });
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
    unreachable: (n, s) => `The target of ${n.count(s.target)} cannot be reached: ${s.why}. The best attempt is in the table (${n.count(s.total)}).`,
    steps: (n, s) => `${countOf(n, s.value, 'step', 'steps')} reach${s.value === 1 ? 'es' : ''} the target of ${n.count(s.target)} (${n.count(s.total)})${was(n, s.before)}.`,
    years: (n, s) => `${countOf(n, s.value, 'year reaches', 'years reach')} the target of ${n.count(s.target)} (${n.count(s.total)})${was(n, s.before)}.`,
    fanout: (n, s) =>
      `A fanout of ${n.real(s.value)} reaches ${n.count(s.target)} exactly; the smallest whole fanout is ${n.count(s.whole)}, reaching ${n.count(s.total)} by level ${n.count(s.level)} of ${n.count(s.depth)}${was(n, s.before)}.`,
    rate: (n, s) => `A yearly rate of ${n.real(s.value)} (${n.percent(s.value)}) reaches the target of ${n.count(s.target)} in year ${n.count(s.year)} of ${n.count(s.years)} (${n.count(s.total)}).`,
    why,
  },
  get sampled(): Words['sampled'] {
    return (built.sampled ??= {
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
        `Percentiles are within ${n.chance(s.error)} of a total seen at their rank (by ${typeof s.period === 'string' ? s.period : `level or year ${n.count(s.period)}`}: with ${n.count(s.periods)} periods each keeps a smaller summary).`,
      eightyTwenty: (n, s) => `80/20: ${n.chance(s.p80)} of fans bring 80% of the new fans (p80); the most active 20% bring ${n.chance(s.t20)} of them (t20).`,
      theory: (n, s) => `Theory: ${n.chance(s.q)} eventually (q = G(q), to the power of ${countOf(n, s.start, 'starting fan', 'starting fans')}).`,
      theoryExisting: (n, s) => `Theory: ${n.chance(s.q)} eventually (every line the ${countOf(n, s.customers, 'customer', 'customers')} still start dies out, each with q = G(q)).`,
      noTheory: 'Theory gives no extinction probability with a market cap.',
    });
  },
  compare: {
    line: (n, s) => `${s.name}: ${n.count(s.total)} after ${s.last} ${s.command === 'simulate' ? (s.last === 1 ? 'step' : 'steps') : s.last === 1 ? 'year' : 'years'} (${s.command})${s.net === null ? '' : `, net ${s.net}`}.`,
    dated: (n, s) => `${s.name}: ${n.count(s.total)} on ${s.date} (${s.command})${s.net === null ? '' : `, net ${s.net}`}.`,
  },
  get fit(): Words['fit'] {
    return (built.fit ??= {
      model: (model) => ({ poisson: 'Poisson', geometric: 'geometric', negbin: 'negative binomial', zip: 'zero-inflated Poisson', zinb: 'zero-inflated negative binomial' })[model],
      short: (model) => en.fit.model(model),
      data: (n, s) =>
        s.shape === 'sizes'
          ? `Fitted to ${countOf(n, s.n, 'referral chain', 'referral chains')} (mean size ${bound(n, s.mean)}, variance ${bound(n, s.variance)}).`
          : `Fitted to ${countOf(n, s.n, 'fan', 'fans')}${s.shape === 'referrals' ? ' (from who referred whom)' : ''}: mean ${bound(n, s.mean)} new fans each, variance ${bound(n, s.variance)}.`,
      preferred: (n, s) => `The data prefer the ${s.model} distribution (Akaike weight ${n.chance(s.weight)}).`,
      estimate: (n, s) =>
        `${s.interval === 'profile' ? 'K' : 'Wald intervals (normal on the log scale): K'} = ${bound(n, s.K)} (95%: ${range(n, s.KLow, s.KHigh)})` +
        (s.k === null ? '' : `, k = ${bound(n, s.k)} (${range(n, s.kLow, s.kHigh)})`) +
        (s.nonreferrers === null ? '' : `, nonreferrers ${n.percent(s.nonreferrers)} (${n.percent(s.nonreferrersLow)} to ${n.percent(s.nonreferrersHigh)})`) +
        (s.interval === 'profile' ? ', by the profile likelihood.' : '.'),
      goodness: (n, s) =>
        s === null
          ? 'Goodness of fit: too few groups of values for a chi-square test.'
          : `Goodness of fit: chi-square ${bound(n, s.statistic)} on ${countOf(n, s.df, 'degree', 'degrees')} of freedom, p = ${bound(n, s.p)}${s.p < 0.05 ? ': the model misses something in the data (see the table of counts).' : ' (no sign of misfit).'}`,
      meaning: (n, s) =>
        `What it means: ${s.sizes ? 'a new chain' : "a new fan's chain"} dies out with probability ${n.chance(s.extinction)}` +
        (s.p80 === null ? '.' : `; ${n.chance(s.p80)} of fans bring 80% of the new fans (p80).`),
      project: (command) => `Project it: ${command}`,
      warning: (n, w) => {
        switch (w.kind) {
          case 'few':
            return `Warning: only ${countOf(n, w.n, 'observation', 'observations')}; below about 30 the intervals are rough and k is hard to tell.`;
          case 'noZeros':
            return 'Warning: no zeros. If the export lists only fans who referred someone, the zeros are missing and K looks larger and k smaller than they are: give --fans N (all fans) or --zero-truncated.';
          case 'allZeros':
            return 'Warning: nobody referred anyone: K = 0, with the 95% upper bound shown; k cannot be estimated.';
          case 'kInfinite':
            return 'The data look Poisson: k = ∞ (no extra spread) is within the interval.';
          case 'kZero':
            return 'Warning: k is at the bottom of its range: almost all referrals come from a very few fans; the estimate is unstable.';
          case 'zerosMayBeMissing':
            return 'Note: fitted as zero-truncated: only fans with at least one referral were counted.';
          case 'unstable':
            return 'Warning: the likelihood cannot be evaluated beside the estimate (probabilities past what a double holds), so the intervals are not reliable.';
          case 'towardsZero':
            return "Note: K's 95% interval reaches down towards 0: without the fans who referred nobody (zero-truncated counts, or chains from a minimum size), ever smaller K with ever more uneven referrals fits about as well, so the data set no lower bound on K.";
        }
      },
      fromCustomers: (n, s) =>
        `From ${s.file}: its ${countOf(n, s.customers, 'customer', 'customers')} as of ${s.asOf}, each bringing the referrals still to come for their time so far and what they made; K = ${bound(n, s.K)} and k = ${bound(n, s.k)} for the time each fan has had (the plain mean, ${bound(n, s.naive)}, would count new fans as referring nobody); referral delay ${s.law}, mean ${bound(n, s.mean)} days, sd ${bound(n, s.sd)}.`,
      sampledFrom: (_, s) => `K and k are drawn for each run from the fit of ${s.file} (${s.model}; log-normal around the estimates, from the likelihood's curvature), so the band includes not knowing K exactly.`,
      chartTitle: (s) => (s.sizes ? `Referral chain sizes in ${s.file}: observed and fitted` : `Referrals per fan in ${s.file}: observed and fitted`),
      chartAxis: (sizes) => (sizes ? 'number of chains' : 'number of fans'),
      legend: (n, s) => `${en.fit.short(s.model)} (weight ${s.weight < 0.001 ? `below ${n.percent(0.001)}` : n.chance(s.weight)})`,
      quantity: (name) => quantities[name],
      delayLaw: (law) => ({ negbin: 'negative binomial (days)', gamma: 'gamma', lognormal: 'lognormal' })[law],
      dated: (n, s) => `Dated by ${s.column}: ${countOf(n, s.fans, 'fan', 'fans')} joined from ${s.from} to the export on ${s.asOf}, ${countOf(n, s.referrals, 'referral', 'referrals')} seen.`,
      delay: (n, s) =>
        `Referral delay (joining to the referee's joining; ${s.law}, Akaike weight ${n.chance(s.weight)}): mean ${bound(n, s.mean)} days (95%: ${range(n, s.meanLow, s.meanHigh)}), sd ${bound(n, s.sd)} (${range(n, s.sdLow, s.sdHigh)}).`,
      corrected: (n, s) =>
        `K for the time each fan has had: K = ${bound(n, s.K)} (95%: ${range(n, s.KLow, s.KHigh)}), k = ${bound(n, s.k)} (${range(n, s.kLow, s.kHigh)}); the plain mean, ${bound(n, s.naive)}, counts fans who joined lately as referring nobody.`,
      projectDated: (command) => `Project it on the calendar: ${command}`,
      unmeasured: (n, s) =>
        `Warning: these records are too short to measure the delay: its fitted mean, ${bound(n, s.mean)} days, is past the ${countOf(n, s.longest, 'day', 'days')} the longest-standing fan has had, so most of it would fall after the export and K for the time each fan has had is a guess; no forecast on the calendar is made from them (export a longer window).`,
      which: (_, s) =>
        s.per === null
          ? `Model: counts over each fan's whole time describe the tree (each fan refers once, K new fans in all), projected with fans simulate${s.dated ? '' : '; counts per year (or month) describe the compound rate instead: give --counts-per year'}.`
          : `Model: counts per ${s.per} describe the compound rate (every fan keeps referring, K new fans a ${s.per}), projected with fans compound.`,
      sampledWider: (n, s) =>
        `The p${s.quantiles[0]}–p${s.quantiles[1]} band (${n.count(s.low)} to ${n.count(s.high)}) is ${bound(n, s.ratio)}× as wide as with K and k fixed at their estimates (${n.count(s.fixedLow)} to ${n.count(s.fixedHigh)}).`,
    });
  },
  get money(): Words['money'] {
    return (built.money ??= {
      totals: (n, s) => `Money: revenue ${s.revenue}, spent ${s.spend} on rewards and costs, net ${s.net}${s.ratio === null ? '.' : ` (a return of ${n.percent(s.ratio)} on the spending).`}`,
      payback: (n, s) =>
        s.period === null ? `It does not pay back within ${countOf(n, s.horizon, s.unit, `${s.unit}s`)}.` : `It pays back in ${s.unit} ${n.count(s.period)} (the cumulative net turns 0 or more).`,
      breakEven: (n, s) =>
        s.reward === null
          ? `Break-even reward: none; even without rewards the cumulative net is below 0 after ${countOf(n, s.horizon, s.unit, `${s.unit}s`)}.`
          : `Break-even reward: up to ${s.reward} per referred fan keeps the cumulative net at 0 or more after ${countOf(n, s.horizon, s.unit, `${s.unit}s`)}.`,
      oneFan: (n, s) =>
        `One raving fan is worth ${s.value}: the ${countOf(n, s.descendants, 'new fan', 'new fans')} its referral tree brings within ${countOf(n, s.horizon, s.unit, `${s.unit}s`)}` +
        (s.inTheEnd === null ? '.' : ` (in the end ${bound(n, s.inTheEnd)}, worth ${s.valueInTheEnd}).`),
      acquisition: (n, s) =>
        s.effective === null
          ? `With referrals every bought customer starts a tree that does not end (lifetime K ≥ 1), against ${s.cac} a customer through paid channels.`
          : `With referrals a customer costs ${s.effective} instead of ${s.cac} through paid channels: each bought customer becomes ${bound(n, s.fans ?? 1)} customers in the end.`,
      goal: (n, s) => {
        const what = `a cumulative ${s.kind} of ${s.target}`;
        if (s.value === null) return `No ${s.solved === 'depth' ? 'depth' : s.solved === 'years' ? 'number of years' : s.solved} within the limits reaches ${what}; the best attempt is in the table.`;
        if (s.solved === 'depth' || s.solved === 'years') return `${countOf(n, s.value, s.unit, `${s.unit}s`)} ${s.value === 1 ? 'reaches' : 'reach'} ${what}.`;
        return `A ${s.solved === 'fanout' ? 'fanout' : 'yearly rate'} of ${n.real(s.value)} reaches ${what} in ${s.unit} ${n.count(s.at ?? 0)} of ${n.count(s.horizon)}.`;
      },
      maxReward: (n, s) =>
        s.reward === null
          ? `No reward breaks even: even without rewards the cumulative net is below 0 after ${countOf(n, s.horizon, s.unit, `${s.unit}s`)}.`
          : `The largest reward per referred fan that keeps the cumulative net at 0 or more after ${countOf(n, s.horizon, s.unit, `${s.unit}s`)} is ${s.reward}.`,
      band: (n, s) => `Cumulative net by ${s.unit} ${n.count(s.period)}: ${n.percent(s.share)} of runs between ${s.low} and ${s.high} (the money columns above are expected values).`,
      paybackBy: (_n, s) => (s.period === null ? `It does not pay back by ${s.until}.` : `It pays back in ${s.period} (the cumulative net turns 0 or more).`),
      breakEvenBy: (_n, s) =>
        s.reward === null
          ? `Break-even reward: none; even without rewards the cumulative net is below 0 on ${s.until}.`
          : `Break-even reward: up to ${s.reward} per referred fan keeps the cumulative net at 0 or more on ${s.until}.`,
      oneFanBy: (n, s) => `One raving fan is worth ${s.value}: the ${countOf(n, s.descendants, 'new fan', 'new fans')} its referrals bring by ${s.until}.`,
      bandBy: (n, s) => `Cumulative net on ${s.until}: ${n.percent(s.share)} of runs between ${s.low} and ${s.high} (the money columns above are expected values).`,
      paidBack: (n, s) => `${n.percent(s.share)} of runs pay back by ${s.until} (± ${n.percent(s.error)}).`,
      maxAcquisition: (_n, s) => `The most a customer may cost to acquire and still break even ${s.until === null ? 'within the horizon' : `by ${s.until}`}: ${s.alone} on what they bring themselves, ${s.withReferrals} with the referrals they bring (less their rewards).`,
      periodBands: (n, s) => `In ${s.unit === null ? s.period : `${s.unit} ${s.period}`}: revenue between ${s.revenueLow} and ${s.revenueHigh}, net between ${s.netLow} and ${s.netHigh} in ${n.percent(s.share)} of runs.`,
      worthByDate: (_n, s) => `By ${s.date} (${s.reached ? 'the expected date' : 'the horizon'}) the expected cumulative net is ${s.net}, on a revenue of ${s.revenue}${s.discounted ? ' (present values)' : ''}.`,
      discounted: (n, s) => `Amounts are present values at ${n.percent(s.rate)} a year: each is discounted from the end of the period it falls in.`,
      lifetime: (n, s) =>
        `One customer is worth ${s.within} within the horizon${s.unbounded === null ? ' (without churn a customer stays: no lifetime end)' : `, ${s.unbounded} over an expected lifetime`}${s.margin === null ? '' : ` (at a ${n.percent(s.margin)} margin)`}.`,
      paidBackWithin: (n, s) => `${n.percent(s.share)} of runs pay back within ${countOf(n, s.horizon, s.unit, `${s.unit}s`)} (± ${n.percent(s.error)}).`,
      goalDate: (_n, s) =>
        s.date === null
          ? `The expected cumulative ${s.kind} does not reach ${s.target} by ${s.until} (it is ${s.reached} then).`
          : `The expected cumulative ${s.kind} reaches ${s.target} on ${s.date} (${s.reached}).`,
      goalDates: (n, s) =>
        `In ${n.percent(s.reached)} of ${countOf(n, s.trials, 'run', 'runs')} the cumulative ${s.kind} reaches ${s.target} by ${s.until}; ${s.dates.map((d) => `p${d.q} ${d.date ?? en.calendar.after(s.until)}`).join(', ')}.`,
      deadline: (n, s) => `By ${s.deadline}, the cumulative ${s.kind} has reached ${s.target} in ${n.percent(s.share)} of runs (± ${n.percent(s.error)}, one standard error of ${n.count(s.trials)} runs).`,
    });
  },
  get html(): Words['html'] {
    return (built.html ??= {
      title: (command) => `fans ${command}`,
      table: 'The figures',
      parameters: 'Parameters',
      method: 'Method',
      how: (command, sampled) => {
        const model =
          command === 'compound'
            ? 'The compound model: every fan keeps bringing new fans every year (the rate, times the conversion), less churn, until a market fills.'
            : command === 'fit'
              ? 'A maximum-likelihood fit of Poisson, geometric and negative binomial referral counts to your records, compared by AIC, with 95% profile-likelihood intervals.'
              : command === 'compare'
                ? 'Each scenario runs its own model (tree or compound) and the totals stand side by side: expected values, or for a scenario with trials the mean of its sampled runs, with its percentiles beside it (its seed repeats them).'
                : 'The tree model: each fan introduces the fanout once and only the newest fans refer, so level g has start × K^g new fans (K = fanout × conversion), until a market fills.';
        if (command === 'compare') return model;
        return `${model} ${sampled ? 'The figures come from sampled runs in which each fan brings a random number of new fans with that mean; the seed repeats them exactly.' : 'The figures are expected values, exact where every input is a whole number.'}`;
      },
      dated: (kind) =>
        kind === 'fit'
          ? "With join dates: the delay from a referrer's joining to the referee's joining is fitted by maximum likelihood (a negative binomial in whole days, a gamma and a lognormal, each seen between two dates), with the referrals that would come after the export left unseen (right truncation), jointly with K and k for the time each fan has had: a fan who joined τ days before the export has made NB(K·F(τ), k) referrals by then. Intervals are Wald's on the log scale."
          : "From dated records: the run starts from the file's customers on the export's date. Each day's cohort of customers brings the referrals still to come for its time so far, given what it made (its mean λ is Gamma(k + made, rate k/K + F(age)), the negative binomial's gamma-Poisson mixture updated), on the days the delay leaves them; new fans then refer as the tree's. K and k are drawn for each run from the fit; the delay is held at its estimate.",
      calendar: (spread) =>
        spread
          ? 'On the calendar: referrals come after a delay spread around the cycle (a Pascal law in whole days, the discrete form of a gamma); expected new fans per day come from the renewal equation, summed by calendar period; the growth rate r solves 1 = K·E[e^(−rT)].'
          : 'On the calendar: each level or cycle falls on the start date plus whole cycles, counted from the start (31 January plus one month is 28 February, plus two is 31 March); the growth rate is the log of the growth factor per cycle.',
      answers: (n, a) => ({
        when:
          (typeof a.target === 'number'
            ? a.date === null
              ? `When: the expected total does not reach ${n.count(a.target)} by ${a.until}`
              : `When: ${n.count(a.target)} on ${a.date} (expected)`
            : a.date === null
              ? `When: the expected cumulative ${a.target.kind} does not reach ${a.target.amount} by ${a.until}`
              : `When: a cumulative ${a.target.kind} of ${a.target.amount} on ${a.date} (expected)`) +
          (a.band ? `; ${n.percent(a.band.share)} of runs between ${a.band.low ?? `after ${a.until}`} and ${a.band.high ?? `after ${a.until}`}.` : '.'),
        sure: a.deadline ? `How sure: ${n.percent(a.deadline.share)} of runs reach it by ${a.deadline.date}.` : null,
        worth: a.worth === null ? null : `What it is worth: a cumulative net of ${a.worth} by ${a.worthDate}.`,
      }),
      footer: (seed) => `Made with fans${seed === null ? '' : `, seed ${seed} (--seed ${seed} repeats the runs)`}.`,
    });
  },
  get calendar(): Words['calendar'] {
    return (built.calendar ??= {
      span: (n, s) => `From ${s.from} to ${s.to}, ${countOf(n, s.start, 'fan grows', 'fans grow')} to ${s.mean ? 'a mean of ' : ''}${countOf(n, s.total, 'fan', 'fans')}.`,
      delay: (n, s) =>
        `Referrals come ${n.real(oneDecimal(s.mean))} days after a fan joins on average, give or take ${n.real(oneDecimal(s.sd))} days (a Pascal delay of ${countOf(n, s.stages, 'stage', 'stages')}${Math.abs(s.sd - s.asked) > 0.05 * s.asked ? `: the nearest to the ${n.real(oneDecimal(s.asked))} days ${s.fitted ? 'fitted' : 'asked'}` : ''}).`,
      growth: (n, s) =>
        s.rate === null
          ? 'Nobody refers: no growth.'
          : s.days === null
            ? 'Growth rate 0: new fans come at a steady pace.'
            : `Growth rate ${n.percent(s.rate)} a day: new fans ${s.rate > 0 ? 'double' : 'halve'} every ${n.real(oneDecimal(s.days!))} days${s.spread ? ' (spread-out delays change this, not K)' : ''}.`,
      extinct: (n, s) => `By ${s.date}, ${n.percent(s.share)} of runs have died out (± ${n.percent(s.error)}): nothing more is due in them.`,
      goalDate: (n, s) =>
        s.date === null
          ? `The expected total does not reach ${n.count(s.target)} by ${s.until} (it is ${n.count(s.total)} then).`
          : s.atStart !== null
            ? `${countOf(n, s.atStart, 'fan', 'fans')} at the start already ${s.atStart === 1 ? 'meets' : 'meet'} the target of ${n.count(s.target)}: it is reached on the first day, ${s.date}.`
            : `The expected total reaches ${n.count(s.target)} on ${s.date} (${n.count(s.total)}).`,
      goalDates: (n, s) =>
        `${n.percent(s.reached)} of ${countOf(n, s.trials, 'run', 'runs')} reach ${n.count(s.target)} by ${s.until}; ${s.dates.map((d) => `p${d.q} ${d.date ?? en.calendar.after(s.until)}`).join(', ')}.`,
      after: (until) => `after ${until}`,
      deadline: (n, s) => `By ${s.deadline}, ${n.percent(s.share)} of runs have reached ${n.count(s.target)} (± ${n.percent(s.error)}, one standard error of ${n.count(s.trials)} runs).`,
    });
  },
  get xlsx(): Words['xlsx'] {
    return (built.xlsx ??= {
      results: 'Results',
      parameters: 'Parameters',
      parameter: 'parameter',
      value: 'value',
      none: 'none',
      summary: 'Summary',
      textCells: (digits) => `Exact whole numbers longer than ${digits} digits are text cells: a spreadsheet keeps only ${digits} significant digits of a number.`,
      observed: 'Observed and expected',
      fit: 'Fit',
      delays: 'Delays',
    });
  },
};
