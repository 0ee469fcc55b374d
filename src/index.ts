// The library: pure models, no I/O. The public API, named one by one (docs/library.md);
// anything else in src/model is internal and may change.

// Exact counts: bigints where a double would lose digits.
export { type Count, GrowthOverflowError, addCounts, subtractCounts, toNumber, log10Count, countReplacer } from './model/count.js';
export { FansInputError } from './model/check.js';
export { bounds } from './model/limits.js';

// The article's two models, and the goals solved on them.
export { type TreeParams, type TreeRow, treeDefaults, treeGrowth, treeLevels, treeFactor, treeLimit, isTreeExact } from './model/growth/tree.js';
export { type CompoundParams, type CompoundRow, compoundDefaults, compoundGrowth, compoundYears, compoundFactor, isCompoundExact } from './model/growth/compound.js';
export { type GoalAnswer, type FanoutAnswer, type Why, depthToReach, yearsToReach, fanoutToReach, rateToReach } from './model/growth/goal.js';

// Sampled runs: randomness as a value, uneven referrals, extinction, the 80/20 view.
export { type Source, Xoshiro128, seededSource } from './model/chains/random.js';
export { poissonSampler, poissonLogPmf } from './model/chains/poisson.js';
export { type Distribution, type Offspring, distributions, offspringMean, offspringVariance, offspringPgf, chainFactor } from './model/chains/offspring.js';
export { extinctionProbability, survivalProbability, yearlyPgf } from './model/chains/extinction.js';
export { type Concentration, concentration } from './model/chains/concentration.js';
export { QuantileSketch } from './model/chains/sketch.js';
export { type ChainParams, type ChainPath, type TrialRow, type PeriodTheory, sampleChain, simulateTrials, expectedLog10Total, theoreticalExtinction, theoryByPeriod } from './model/chains/montecarlo.js';

// Calendar time: dates, spread-out delays, growth rates.
export { type CycleLength, type PeriodKind, type CalendarPeriod, periodKinds, cycleDate, calendarPeriods } from './model/calendar/dates.js';
export { type PascalDelay, pascalDelay, pascalSd, pascalWeights, pascalGrowthRate, growthRate, doublingDays } from './model/calendar/delays.js';
export { type RenewalParams, renewalDays } from './model/calendar/renewal.js';

// Fitting K, k and the referral delay to records.
export { type Frequencies, frequenciesOf } from './model/fit/frequencies.js';
export { type FitData, type FitResult, type FitBin, type GoodnessOfFit, type FitWarning, fitReferrals } from './model/fit/fit.js';
export { type DatedData, type DatedFit, type DatedResult, type DelayFamily, type Estimated, delayFamilies, fitDated } from './model/fit/dated.js';
