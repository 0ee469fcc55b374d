import { isoDateParts } from '../../model/calendar/iso-date.js';
import type { Why } from '../../model/growth/goal.js';
import type { FitModel } from '../../model/fit/families.js';
import { type FitQuantity, type Numbers, type Words, bound, countOf, oneDecimal } from './words.js';
import { dutchMonths, dutchShortMonths } from './months.js';

/**
 * A date or calendar period as a Dutch reader writes it: `7 februari 2031`, `maart 2028`,
 * `Q1 2027`, `week 5 van 2027` (`short`: `7 feb 2031`, for the marks on a chart). Anything
 * else (a level, a year number) as it is. Written by hand, as Intl.DateTimeFormat('nl-NL')
 * writes them (a test holds every day of a leap year and a common year equal to it): making
 * that format loads ICU's calendar data, about 13 ms of a Dutch calendar run's start-up.
 *
 * @example datum('2031-02-07') // => '7 februari 2031'
 */
export function datum(label: string, short = false): string {
  // The forms /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/, /^(\d{4})-(0[1-9]|1[0-2])$/, /^(\d{4})-Q([1-4])$/
  // and /^(\d{4})-W(\d{2})$/, read without running a pattern (model/calendar/iso-date.ts says why).
  const digits = (from: number, to: number) => label.length >= to && [...label.slice(from, to)].every((c) => c >= '0' && c <= '9');
  const month = (text: string) => (+text >= 1 && +text <= 12 ? +text : null);
  const day = isoDateParts(label);
  if (day && month(day.month)) return `${+day.day} ${(short ? dutchShortMonths : dutchMonths)[month(day.month)! - 1]} ${+day.year}`;
  if (label[4] !== '-' || !digits(0, 4)) return label;
  if (label.length === 7 && digits(5, 7) && month(label.slice(5))) return `${dutchMonths[month(label.slice(5))! - 1]} ${+label.slice(0, 4)}`;
  if (label.length === 7 && label[5] === 'Q' && label[6]! >= '1' && label[6]! <= '4') return `Q${label[6]} ${label.slice(0, 4)}`;
  if (label.length === 8 && label[5] === 'W' && digits(6, 8)) return `week ${+label.slice(6)} van ${label.slice(0, 4)}`;
  return label;
}

/** Where on an axis something happens: `op 7 februari 2031` (a day), `in maart 2028`, `in 2031` (a calendar period), `in jaar 4`. */
const onAxis = (xLabel: string, x: string) => (isoDateParts(x) !== null ? `op ${datum(x)}` : xLabel === 'periode' ? `in ${datum(x)}` : `in ${xLabel} ${x}`);

/** `3 niveaus`, `1 niveau`, `5 jaar`. */
const periods = (n: Numbers, count: number, unit: 'level' | 'year') => (unit === 'level' ? countOf(n, count, 'niveau', 'niveaus') : `${n.count(count)} jaar`);

/** An interval in the language's words: `1,28 tot 1,92`. */
/** De getallen van een fit, zoals het blad van de spreadsheet ze noemt. */
const quantities: Record<FitQuantity, string> = {
  file: 'bestand',
  shape: 'gegevens',
  n: 'waarnemingen',
  mean: 'gemiddelde',
  variance: 'variantie',
  preferred: 'voorkeursmodel',
  weight: 'Akaike-gewicht',
  K: 'K',
  K_low: 'K, 95% laag (profiel)',
  K_high: 'K, 95% hoog (profiel)',
  k: 'k',
  k_low: 'k, 95% laag (profiel)',
  k_high: 'k, 95% hoog (profiel)',
  nonreferrers: 'niet-aanbevelers',
  nonreferrers_low: 'niet-aanbevelers, 95% laag (profiel)',
  nonreferrers_high: 'niet-aanbevelers, 95% hoog (profiel)',
  K_wald_low: 'K, 95% laag (Wald)',
  K_wald_high: 'K, 95% hoog (Wald)',
  k_wald_low: 'k, 95% laag (Wald)',
  k_wald_high: 'k, 95% hoog (Wald)',
  chiSquare: 'chi-kwadraat',
  df: 'vrijheidsgraden',
  p: 'p (chi-kwadraat)',
  extinction: 'kans dat de keten van een nieuwe fan uitsterft',
  p80: 'aandeel fans dat 80% van de nieuwe fans brengt (p80)',
  projection: 'projectie',
};

const range = (n: Numbers, low: number, high: number) => `${bound(n, low)} tot ${bound(n, high)}`;

const parameters: Record<string, string> = {
  start: 'start (fans)',
  fanout: 'fanout',
  depth: 'diepte (stappen)',
  rate: 'tempo',
  years: 'jaren',
  conversion: 'conversie',
  nonreferrers: 'niet-aanbevelers',
  churn: 'churn',
  market: 'markt',
  paid: 'betaalde instroom',
  startDate: 'startdatum',
  until: 'tot en met',
  cycle: 'cyclus',
  cycleSpread: 'spreiding van de cyclus',
  by: 'rijen per',
  trials: 'runs',
  seed: 'seed',
  distribution: 'verdeling',
  dispersion: 'spreiding (k)',
  quantiles: 'percentielen',
  currency: 'valuta',
  value: 'waarde',
  per: 'betaald per',
  margin: 'marge',
  reward: 'beloning',
  refereeReward: 'beloning voor de aangebrachte',
  cost: 'vaste kosten',
  cac: 'wervingskosten (CAC)',
  discount: 'disconteringsvoet',
  target: 'doel',
  targetNet: 'doel: netto cumulatief',
  targetRevenue: 'doel: cumulatieve omzet',
  deadline: 'deadline',
  fit: 'gefit op',
  threads: 'threads',
  scale: 'schaal',
  file: 'bestand',
  sheet: 'blad',
  columns: 'gelezen kolommen',
  fans: 'alle fans (wie niet in de lijst staat, bracht niemand)',
  censoredAt: 'ketens groeien nog vanaf grootte',
  minSize: 'kleinste vermelde keten',
  countsPer: 'aantallen per',
};

const columns: Record<string, string> = {
  level: 'niveau',
  year: 'jaar',
  new: 'nieuw',
  lost: 'verloren',
  total: 'totaal',
  mean: 'gemiddelde',
  meanTheory: 'gemiddelde (theorie)',
  sdTheory: 'sd (theorie)',
  extinct: 'uitgestorven',
  extinctTheory: 'uitgestorven (theorie)',
  days: 'dagen',
  weeks: 'weken',
  months: 'maanden',
  years: 'jaren',
  period: 'periode',
  date: 'datum',
  percentile: 'percentiel',
  target: 'doel',
  'level / year': 'niveau / jaar',
  cycle: 'cyclus',
  seed: 'seed',
  model: 'model',
  K_low: 'K laag',
  K_high: 'K hoog',
  k_low: 'k laag',
  k_high: 'k hoog',
  nonreferrers: 'niet-aanbevelers',
  logLik: 'log L',
  weight: 'gewicht',
  referrals: 'aanbevelingen',
  size: 'grootte',
  observed: 'waargenomen',
  expected: 'verwacht',
  delay: 'vertraging',
  meanDays: 'gemiddelde (dagen)',
  meanDays_low: 'gemiddelde laag',
  meanDays_high: 'gemiddelde hoog',
  sdDays: 'sd (dagen)',
  sdDays_low: 'sd laag',
  sdDays_high: 'sd hoog',
  quantity: 'grootheid',
  value: 'waarde',
  revenue: 'omzet',
  rewards: 'beloningen',
  cost: 'kosten',
  net: 'netto',
  cumulativeNet: 'netto cumulatief',
  cumulativeRevenue: 'omzet cumulatief',
  paidBack: 'terugverdiend',
  paid: 'gekocht',
};

const units = { days: 'dagen', weeks: 'weken', months: 'maanden', years: 'jaar' } as const;
/** A calendar span's unit, one and more: `maand`, `maanden`. */
const spanWords = { d: ['dag', 'dagen'], w: ['week', 'weken'], m: ['maand', 'maanden'], y: ['jaar', 'jaar'] } as const;
const unitWord = (unit: 'level' | 'year') => (unit === 'level' ? 'niveau' : 'jaar');
const was = (n: Numbers, before: unknown) => (before === null ? '' : `; één minder haalt maar ${n.count(before as number)}`);

function why(n: Numbers, w: Why): string {
  switch (w.kind) {
    case 'peaks':
      return `het totaal piekt op ${n.real(w.total)} in ${unitWord(w.unit)} ${n.real(w.at)}; daarna verliest churn elk jaar meer fans dan aanbevelingen opleveren`;
    case 'levelsOff':
      return `het totaal vlakt af op ${n.real(w.total)} (vanaf ${unitWord(w.unit)} ${n.real(w.at)})`;
    case 'noPeriods':
      return `met ${w.flag === 'depth' ? 'diepte 0' : '0 jaar'} zijn er geen introducties`;
    case 'noConversion':
      return 'met conversie 0 wordt geen enkele introductie fan';
    case 'allNonreferrers':
      return 'met 100% niet-aanbevelers beveelt niemand aan';
    case 'marketSmall':
      return `de markt (${n.real(w.market)}) is kleiner dan het doel`;
    case 'belowOne':
      return `K = ${n.real(w.k)} < 1: het totaal komt nooit boven ${n.real(w.limit)} (start / (1 - K))`;
    case 'notWithin':
      return w.unit === 'level' ? `niet gehaald binnen ${n.real(w.max)} niveaus, de grootste diepte` : `niet gehaald binnen ${n.real(w.max)} jaar, het grootste aantal jaren`;
    case 'churnOutruns':
      return `churn (${n.percent(w.churn)} per jaar) is groter dan de aanwas (K = ${n.real(w.k)} per jaar): het totaal groeit nooit boven de start`;
    case 'notEvenWith':
      return `niet gehaald, zelfs niet met ${w.name} ${n.real(w.max)}, het hoogst toegestane`;
    case 'notAny':
      return `met geen enkele ${w.name} tot ${n.real(w.max)} gehaald: het dichtst bij komt ${n.real(w.total)}, in jaar ${n.real(w.year)} met ${w.name} ${n.real(w.best)}`;
  }
}

/** Nederlands: for the article's readers. */
/** `Het verwachte cumulatieve netto` or `De verwachte cumulatieve omzet`. */
const cumulative = (kind: 'net' | 'revenue') => (kind === 'net' ? 'Het verwachte cumulatieve netto' : 'De verwachte cumulatieve omzet');

/**
 * The sections a plain table run does not read (a chart's, a sampled run's, a fit's, money's,
 * a report's, the calendar's and a workbook's words), each made on first use and kept: making
 * every function of them took about 0.1 ms of each start on Node 22 (docs/performance.md).
 */
const built: Partial<Words> = {};

export const nl: Words = {
  lang: 'nl',
  // A sampled run's net money percentiles: net_p5 -> netto p5.
  column: (name) =>
    columns[name] ??
    (name.startsWith('net_') ? name.replace(/^net_(p[\d.]+)$/, 'netto $1') : name.startsWith('expected_') ? name.replace(/^expected_(poisson|geometric|negbin|zip|zinb)$/, (_, model: FitModel) => `verwacht (${nl.fit.short(model)})`) : name),
  parameter: (name) => parameters[name] ?? name,
  parameterValue: (name, value, n) => {
    const span = /^(\d+(?:\.\d+)?)([dwmy])$/.exec(value);
    if (span && ['cycle', 'cycleSpread', 'per'].includes(name)) return countOf(n, Number(span[1]), spanWords[span[2] as 'd'][0], spanWords[span[2] as 'd'][1]);
    if (['startDate', 'until', 'deadline'].includes(name)) return datum(value);
    if (name === 'by') return ({ day: 'dag', week: 'week', month: 'maand', quarter: 'kwartaal', year: 'jaar' } as Record<string, string>)[value] ?? value;
    return value;
  },
  totalLabel: 'totaal',
  table: {
    shortened: 'Getallen van meer dan 15 cijfers zijn hier ingekort; --format json, csv of tsv geeft alle cijfers.',
    moreRows: (n, hidden) => `… nog ${n.count(hidden)} rijen: --format csv, tsv of json toont ze allemaal …`,
  },
  get chart(): Words['chart'] {
    return (built.chart ??= {
      scale: (kind) => (kind === 'log' ? '(logaritmische schaal)' : '(lineaire schaal)'),
      yAxis: (kind) => `totaal aantal fans (${kind === 'log' ? 'logaritmische' : 'lineaire'} schaal)`,
      zeros: '0 staat op de onderste lijn',
      total: 'totaal',
      median: 'mediaan (p50)',
      mean: 'gemiddelde',
      band: (low, high) => `p${low} tot p${high}`,
      caption: (n, c) => {
        if (c.kind === 'compare') return `${countOf(n, c.names.length, 'scenario', "scenario's")}: ${c.names.slice(0, 4).join(', ')}${c.names.length > 4 ? ', …' : ''}`;
        const who = c.kind === 'calendar' && c.customersOf !== undefined ? `${countOf(n, c.start, 'klant', 'klanten')} van ${c.customersOf} zoals ze nu zijn` : countOf(n, c.start, 'fan', 'fans');
        if (c.kind === 'calendar') {
          const how =
            c.model === 'tree'
              ? `${countOf(n, c.rate, 'introductie', 'introducties')} per fan${c.conversion < 1 ? ` (${n.percent(c.conversion)} wordt fan)` : ''}`
              : `${countOf(n, c.rate * c.conversion, 'nieuwe fan', 'nieuwe fans')} per fan${c.churn > 0 ? ` (${n.percent(c.churn)} churn)` : ''}`;
          // elke dag, elke week, elke maand, elk jaar; elke 3 maanden, elke 2 jaar.
          const every = c.cycle.amount === 1 ? `${c.cycle.unit === 'y' ? 'elk' : 'elke'} ${spanWords[c.cycle.unit][0]}` : `elke ${n.real(c.cycle.amount)} ${spanWords[c.cycle.unit][1]}`;
          const spread = c.spread ? ` (plus of min ${countOf(n, c.spread.amount, spanWords[c.spread.unit][0], spanWords[c.spread.unit][1])})` : '';
          const dates = c.target === undefined ? `${datum(c.from)} tot ${datum(c.to)}` : `vanaf ${datum(c.from)}: wanneer ${n.count(c.target)}?`;
          return `${who}, ${how} ${every}${spread}, ${dates}${c.trials ? `: ${countOf(n, c.trials, 'gesimuleerde run', 'gesimuleerde runs')}` : ''}`;
        }
        const how =
          c.kind === 'tree'
            ? `${countOf(n, c.rate, 'introductie', 'introducties')} per fan${c.conversion < 1 ? ` (${n.percent(c.conversion)} wordt fan)` : ''}, ${countOf(n, c.periods, 'stap', 'stappen')}`
            : `${countOf(n, c.rate * c.conversion, 'nieuwe fan', 'nieuwe fans')} per fan per jaar${c.churn > 0 ? `, ${n.percent(c.churn)} churn` : ''}, ${n.count(c.periods)} jaar`;
        return `${who}, ${how}${c.trials ? `: ${countOf(n, c.trials, 'gesimuleerde run', 'gesimuleerde runs')}` : ''}`;
      },
      target: 'doel',
      market: 'markt',
      moneyTitle: (currency) => `Netto cumulatief${currency ? ` (${currency})` : ''}`,
      breakEven: 'break-evenpunt',
      paysBack: (_, s) => `terugverdiend ${onAxis(s.xLabel, s.x)}`,
      percentileMark: (q, date) => `p${q} ${datum(date, true)}`,
      deadlineMark: (n, s) => `deadline ${datum(s.date, true)}: ${n.percent(s.share)} van de runs`,
      reached: (_, s) => `bereikt ${onAxis(s.xLabel, s.x)}`,
    });
  },
  simulate: {
    reach: (n, s) =>
      (s.everyoneJoins
        ? `${countOf(n, s.start, 'fan bereikt', 'fans bereiken')} ${countOf(n, s.total, 'persoon', 'personen')} in ${countOf(n, s.depth, 'stap', 'stappen')}`
        : `${countOf(n, s.start, 'fan groeit', 'fans groeien')} tot ${countOf(n, s.total, 'fan', 'fans')} in ${countOf(n, s.depth, 'stap', 'stappen')}`) +
      (s.elapsed ? ` (${n.real(s.elapsed.amount)} ${units[s.elapsed.unit]})` : '') +
      (s.everyoneJoins || s.introductions === 0
        ? '.'
        : `: ${countOf(n, s.introductions, 'introductie', 'introducties')}, waarvan ${n.count(s.newFans)} (${n.percent(s.newFans / s.introductions)}) nieuwe fans werden.`),
    factor: (n, s) =>
      `Aanbevelingsfactor K = ${n.real(s.k)} (fanout ${n.real(s.fanout)} × conversie ${n.percent(s.conversion)}${s.referrers === null ? '' : ` × aanbevelers ${n.percent(s.referrers)}`}).`,
    limit: (n, s) =>
      `K < 1: elk niveau is kleiner dan het vorige; het totaal nadert ${n.real(s.limit)} ` +
      (s.market ? `naarmate de diepte groeit (onder start / (1 - K) = ${n.real(s.bound)}: de markt remt het af).` : '(start / (1 - K)) naarmate de diepte groeit.'),
  },
  compound: {
    becomes: (n, s) => `${countOf(n, s.start, 'fan wordt', 'fans worden')} ${countOf(n, s.total, 'fan', 'fans')} in ${n.count(s.years)} jaar.`,
    factor: (n, s) =>
      `Aanbevelingsfactor K = ${n.real(s.k)} per jaar (tempo ${n.real(s.rate)} × conversie ${n.percent(s.conversion)}${s.referrers === null ? '' : ` × aanbevelers ${n.percent(s.referrers)}`})` +
      (s.churn === null ? '' : `, churn ${n.percent(s.churn)}`) +
      (s.growth > 1
        ? `: fans groeien ×${n.real(s.growth)} per jaar${s.market ? ' tot de markt vol is' : ''}.`
        : s.growth === 1
          ? ': het aantal fans blijft gelijk.'
          : ': churn is groter dan de aanwas, en het aantal fans krimpt.'),
  },
  market: (n, market, reached) => `Markt: ${countOf(n, market, 'persoon', 'personen')}; ${n.percent(reached / market)} bereikt.`,
  goal: {
    unreachable: (n, s) => `Het doel van ${n.count(s.target)} is niet te halen: ${s.why}. De beste poging staat in de tabel (${n.count(s.total)}).`,
    steps: (n, s) => `${countOf(n, s.value, 'stap haalt', 'stappen halen')} het doel van ${n.count(s.target)} (${n.count(s.total)})${was(n, s.before)}.`,
    years: (n, s) => `${n.count(s.value)} jaar ${s.value === 1 ? 'haalt' : 'halen'} het doel van ${n.count(s.target)} (${n.count(s.total)})${was(n, s.before)}.`,
    fanout: (n, s) =>
      `Een fanout van ${n.real(s.value)} haalt precies ${n.count(s.target)}; de kleinste hele fanout is ${n.count(s.whole)}, die ${n.count(s.total)} haalt op niveau ${n.count(s.level)} van ${n.count(s.depth)}${was(n, s.before)}.`,
    rate: (n, s) => `Een jaarlijks tempo van ${n.real(s.value)} (${n.percent(s.value)}) haalt het doel van ${n.count(s.target)} in jaar ${n.count(s.year)} van ${n.count(s.years)} (${n.count(s.total)}).`,
    why,
  },
  get sampled(): Words['sampled'] {
    return (built.sampled ??= {
      distribution: (n, d) => (d.kind === 'negbin' ? `negatief binomiale (k = ${n.real(d.k)})` : { fixed: 'vaste', poisson: 'Poisson-', geometric: 'geometrische' }[d.kind]),
      runs: (n, s) => `${countOf(n, s.trials, 'run', 'runs')} met ${s.distribution}${s.distribution.endsWith('-') ? '' : ' '}aanbevelingen, gemiddelde K = ${n.real(s.k)}${s.yearly ? ' per jaar' : ''} (seed ${s.seed}; --seed ${s.seed} herhaalt het).`,
      period: (n, tree, period) => `${tree ? 'niveau' : 'jaar'} ${n.count(period)}`,
      meanTotal: (n, s) => `Gemiddeld totaal op ${s.by}: ${n.count(s.mean)}${s.spread}.`,
      spread: (n, s) => `; ${n.percent(s.share)} van de runs tussen ${n.count(s.low)} en ${n.count(s.high)}`,
      tooFew: (n, s) => `; ${countOf(n, s.trials, 'run is', 'runs zijn')} te weinig voor een bereik p${s.low}–p${s.high} (daarvoor zijn er ${n.count(s.needs)} nodig)`,
      extinctNone: (n, s) =>
        `Kans dat de keten op ${s.by} is uitgestorven: ${s.trials === 1 ? 'de ene run niet' : `geen van de ${n.count(s.trials)} runs`}, dus onder ${n.chance(s.bound)} (95%-grens, 1 - 0,05^(1/N)).`,
      extinctAll: (n, s) => `Kans dat de keten op ${s.by} is uitgestorven: ${s.trials === 1 ? 'de ene run wel' : `alle ${n.count(s.trials)} runs`}, dus boven ${n.chance(s.bound)} (95%-grens, 0,05^(1/N)).`,
      extinctSome: (n, s) => `Kans dat de keten op ${s.by} is uitgestorven: ${n.chance(s.estimate)} ± ${n.chance(s.error)} (standaardfout).`,
      percentilesWithin: (n, s) =>
        `Percentielen liggen binnen ${n.chance(s.error)} van een totaal dat op hun rang voorkwam (${typeof s.period === 'string' ? `op ${s.period}` : `op niveau of jaar ${n.count(s.period)}`}: met ${n.count(s.periods)} perioden houdt elke een kleinere samenvatting bij).`,
      eightyTwenty: (n, s) => `80/20: ${n.chance(s.p80)} van de fans brengt 80% van de nieuwe fans (p80); de actiefste 20% brengt ${n.chance(s.t20)} ervan (t20).`,
      theory: (n, s) => `Theorie: uiteindelijk ${n.chance(s.q)} (q = G(q), tot de macht ${countOf(n, s.start, 'startende fan', 'startende fans')}).`,
      theoryExisting: (n, s) => `Theorie: uiteindelijk ${n.chance(s.q)} (elke lijn die de ${countOf(n, s.customers, 'klant', 'klanten')} nog beginnen sterft uit, elk met q = G(q)).`,
      noTheory: 'De theorie geeft geen uitsterfkans met een marktgrens.',
    });
  },
  compare: {
    line: (n, s) => `${s.name}: ${n.count(s.total)} na ${s.last} ${s.command === 'simulate' ? (s.last === 1 ? 'stap' : 'stappen') : 'jaar'} (${s.command})${s.net === null ? '' : `, netto ${s.net}`}.`,
    dated: (n, s) => `${s.name}: ${n.count(s.total)} op ${datum(s.date)} (${s.command})${s.net === null ? '' : `, netto ${s.net}`}.`,
  },
  get fit(): Words['fit'] {
    return (built.fit ??= {
      model: (model) => ({ poisson: 'Poisson-verdeling', geometric: 'geometrische verdeling', negbin: 'negatief binomiale verdeling', zip: 'zero-inflated Poisson-verdeling', zinb: 'zero-inflated negatief binomiale verdeling' })[model],
      short: (model) => ({ poisson: 'Poisson', geometric: 'geometrisch', negbin: 'negatief binomiaal', zip: 'zero-inflated Poisson', zinb: 'zero-inflated negatief binomiaal' })[model],
      data: (n, s) =>
        s.shape === 'sizes'
          ? `Gefit op ${countOf(n, s.n, 'aanbevelingsketen', 'aanbevelingsketens')} (gemiddelde grootte ${bound(n, s.mean)}, variantie ${bound(n, s.variance)}).`
          : `Gefit op ${countOf(n, s.n, 'fan', 'fans')}${s.shape === 'referrals' ? ' (uit wie wie aanbeval)' : ''}: gemiddeld ${bound(n, s.mean)} nieuwe fans per fan, variantie ${bound(n, s.variance)}.`,
      preferred: (n, s) => `De gegevens passen het best bij de ${s.model} (Akaike-gewicht ${n.chance(s.weight)}).`,
      estimate: (n, s) =>
        `${s.interval === 'profile' ? 'K' : 'Wald-intervallen (normaal op logschaal): K'} = ${bound(n, s.K)} (95%: ${range(n, s.KLow, s.KHigh)})` +
        (s.k === null ? '' : `, k = ${bound(n, s.k)} (${range(n, s.kLow, s.kHigh)})`) +
        (s.nonreferrers === null ? '' : `, niet-aanbevelers ${n.percent(s.nonreferrers)} (${n.percent(s.nonreferrersLow)} tot ${n.percent(s.nonreferrersHigh)})`) +
        (s.interval === 'profile' ? ', volgens de profiel-likelihood.' : '.'),
      goodness: (n, s) =>
        s === null
          ? 'Passing: te weinig groepen waarden voor een chi-kwadraattoets.'
          : `Passing: chi-kwadraat ${bound(n, s.statistic)} bij ${n.count(s.df)} vrijheidsgraden, p = ${bound(n, s.p)}${s.p < 0.05 ? ': het model mist iets in de gegevens (zie de tabel met aantallen).' : ' (geen teken van slechte passing).'}`,
      meaning: (n, s) =>
        `Wat het betekent: ${s.sizes ? 'een nieuwe keten' : 'de keten van een nieuwe fan'} sterft uit met kans ${n.chance(s.extinction)}` +
        (s.p80 === null ? '.' : `; ${n.chance(s.p80)} van de fans brengt 80% van de nieuwe fans (p80).`),
      project: (command) => `Doorrekenen: ${command}`,
      warning: (n, w) => {
        switch (w.kind) {
          case 'few':
            return `Let op: maar ${countOf(n, w.n, 'waarneming', 'waarnemingen')}; onder ongeveer 30 zijn de intervallen ruw en is k moeilijk te schatten.`;
          case 'noZeros':
            return 'Let op: geen nullen. Als de export alleen fans bevat die iemand aanbevalen, ontbreken de nullen en lijkt K groter en k kleiner dan ze zijn: geef --fans N (alle fans) of --zero-truncated.';
          case 'allZeros':
            return 'Let op: niemand heeft iemand aanbevolen: K = 0, met de 95%-bovengrens; k is niet te schatten.';
          case 'kInfinite':
            return 'De gegevens lijken Poisson: k = ∞ (geen extra spreiding) valt binnen het interval.';
          case 'kZero':
            return 'Let op: k zit aan de onderkant van zijn bereik: bijna alle aanbevelingen komen van heel weinig fans; de schatting is onstabiel.';
          case 'zerosMayBeMissing':
            return 'Opmerking: gefit als zero-truncated: alleen fans met minstens één aanbeveling zijn geteld.';
          case 'unstable':
            return 'Let op: de likelihood is naast de schatting niet te berekenen (kansen buiten wat een double kan bevatten), dus de intervallen zijn niet betrouwbaar.';
          case 'towardsZero':
            return 'Opmerking: het 95%-interval van K loopt door tot bijna 0: zonder de fans die niemand aanbevalen (zero-truncated tellingen, of ketens vanaf een minimumgrootte) past een steeds kleinere K met steeds ongelijkere aanbevelingen ongeveer even goed, dus de data geven K geen ondergrens.';
        }
      },
      fromCustomers: (n, s) =>
        `Uit ${s.file}: de ${countOf(n, s.customers, 'klant', 'klanten')} op ${datum(s.asOf)}, elk met de aanbevelingen die nog komen voor hun tijd tot nu en wat ze al deden; K = ${bound(n, s.K)} en k = ${bound(n, s.k)} voor de tijd die elke fan had (het gewone gemiddelde, ${bound(n, s.naive)}, telt nieuwe fans alsof ze niemand aanbevelen); vertraging ${s.law}, gemiddeld ${bound(n, s.mean)} dagen, sd ${bound(n, s.sd)}.`,
      sampledFrom: (_, s) => `K en k worden per run getrokken uit de fit van ${s.file} (${s.model}; lognormaal rond de schattingen, uit de kromming van de likelihood), dus de band omvat ook dat K niet precies bekend is.`,
      chartTitle: (s) => (s.sizes ? `Grootte van aanbevelingsketens in ${s.file}: waargenomen en gefit` : `Aanbevelingen per fan in ${s.file}: waargenomen en gefit`),
      chartAxis: (sizes) => (sizes ? 'aantal ketens' : 'aantal fans'),
      legend: (n, s) => `${nl.fit.short(s.model)} (gewicht ${s.weight < 0.001 ? `onder ${n.percent(0.001)}` : n.chance(s.weight)})`,
      quantity: (name) => quantities[name],
      delayLaw: (law) => ({ negbin: 'negatief binomiaal (dagen)', gamma: 'gamma', lognormal: 'lognormaal' })[law],
      dated: (n, s) => `Gedateerd met ${s.column}: ${countOf(n, s.fans, 'fan', 'fans')} kwamen erbij van ${datum(s.from)} tot de export op ${datum(s.asOf)}, ${countOf(n, s.referrals, 'aanbeveling', 'aanbevelingen')} gezien.`,
      delay: (n, s) =>
        `Vertraging van een aanbeveling (van instappen tot het instappen van de aangebrachte; ${s.law}, Akaike-gewicht ${n.chance(s.weight)}): gemiddeld ${bound(n, s.mean)} dagen (95%: ${range(n, s.meanLow, s.meanHigh)}), sd ${bound(n, s.sd)} (${range(n, s.sdLow, s.sdHigh)}).`,
      corrected: (n, s) =>
        `K naar de tijd die elke fan had: K = ${bound(n, s.K)} (95%: ${range(n, s.KLow, s.KHigh)}), k = ${bound(n, s.k)} (${range(n, s.kLow, s.kHigh)}); het gewone gemiddelde, ${bound(n, s.naive)}, telt wie pas kort fan is als iemand die niemand aanbeveelt.`,
      projectDated: (command) => `Doorrekenen in de kalender: ${command}`,
      unmeasured: (n, s) =>
        `Let op: deze gegevens zijn te kort om de vertraging te meten: het gefitte gemiddelde, ${bound(n, s.mean)} dagen, ligt voorbij de ${countOf(n, s.longest, 'dag', 'dagen')} die de langst zittende fan had, dus het meeste ervan zou na de export vallen en K naar de tijd van elke fan is een gok; er wordt geen prognose in de kalender van gemaakt (exporteer een langere periode).`,
      which: (_, s) =>
        s.per === null
          ? `Model: aantallen over de hele tijd van elke fan passen bij de boom (elke fan beveelt één keer aan, K nieuwe fans in totaal), door te rekenen met fans simulate${s.dated ? '' : '; aantallen per jaar (of maand) passen bij de samengestelde groei: geef --counts-per year'}.`
          : `Model: aantallen per ${({ year: 'jaar', quarter: 'kwartaal', month: 'maand', week: 'week', day: 'dag' } as const)[s.per]} passen bij de samengestelde groei (elke fan blijft aanbevelen, K nieuwe fans per ${({ year: 'jaar', quarter: 'kwartaal', month: 'maand', week: 'week', day: 'dag' } as const)[s.per]}), door te rekenen met fans compound.`,
      sampledWider: (n, s) =>
        `De band p${s.quantiles[0]}–p${s.quantiles[1]} (${n.count(s.low)} tot ${n.count(s.high)}) is ${bound(n, s.ratio)}× zo breed als met K en k vast op hun schattingen (${n.count(s.fixedLow)} tot ${n.count(s.fixedHigh)}).`,
    });
  },
  get money(): Words['money'] {
    return (built.money ??= {
      totals: (n, s) => `Geld: omzet ${s.revenue}, besteed ${s.spend} aan beloningen en kosten, netto ${s.net}${s.ratio === null ? '.' : ` (een rendement van ${n.percent(s.ratio)} op de uitgaven).`}`,
      payback: (n, s) =>
        s.period === null
          ? `Het verdient zich niet terug binnen ${periods(n, s.horizon, s.unit)}.`
          : `Het verdient zich terug in ${s.unit === 'level' ? 'niveau' : 'jaar'} ${n.count(s.period)} (het cumulatieve netto wordt 0 of meer).`,
      breakEven: (n, s) =>
        s.reward === null
          ? `Break-even beloning: geen; zelfs zonder beloningen is het cumulatieve netto na ${periods(n, s.horizon, s.unit)} onder 0.`
          : `Break-even beloning: tot ${s.reward} per aanbevolen fan blijft het cumulatieve netto na ${periods(n, s.horizon, s.unit)} 0 of meer.`,
      oneFan: (n, s) =>
        `Eén raving fan is ${s.value} waard: de ${countOf(n, s.descendants, 'nieuwe fan', 'nieuwe fans')} die zijn aanbevelingsboom binnen ${periods(n, s.horizon, s.unit)} oplevert` +
        (s.inTheEnd === null ? '.' : ` (uiteindelijk ${bound(n, s.inTheEnd)}, ${s.valueInTheEnd} waard).`),
      acquisition: (n, s) =>
        s.effective === null
          ? `Met aanbevelingen start elke gekochte klant een boom die niet eindigt (K over een leven ≥ 1), tegen ${s.cac} per klant via betaalde kanalen.`
          : `Met aanbevelingen kost een klant ${s.effective} in plaats van ${s.cac} via betaalde kanalen: elke gekochte klant wordt uiteindelijk ${bound(n, s.fans ?? 1)} klanten.`,
      goal: (n, s) => {
        const what = `een cumulatieve ${s.kind === 'net' ? 'netto-opbrengst' : 'omzet'} van ${s.target}`;
        if (s.value === null) return `Geen ${s.solved === 'depth' ? 'diepte' : s.solved === 'years' ? 'aantal jaren' : s.solved === 'fanout' ? 'fanout' : 'tempo'} binnen de grenzen haalt ${what}; de beste poging staat in de tabel.`;
        if (s.solved === 'depth' || s.solved === 'years') return `${periods(n, s.value, s.unit)} ${s.value === 1 ? 'haalt' : 'halen'} ${what}.`;
        return `Een ${s.solved === 'fanout' ? 'fanout' : 'jaarlijks tempo'} van ${n.real(s.value)} haalt ${what} in ${s.unit === 'level' ? 'niveau' : 'jaar'} ${n.count(s.at ?? 0)} van ${n.count(s.horizon)}.`;
      },
      maxReward: (n, s) =>
        s.reward === null
          ? `Geen beloning is break-even: zelfs zonder beloningen is het cumulatieve netto na ${periods(n, s.horizon, s.unit)} onder 0.`
          : `De hoogste beloning per aanbevolen fan waarbij het cumulatieve netto na ${periods(n, s.horizon, s.unit)} 0 of meer blijft, is ${s.reward}.`,
      band: (n, s) => `Netto cumulatief op ${s.unit === 'level' ? 'niveau' : 'jaar'} ${n.count(s.period)}: ${n.percent(s.share)} van de runs tussen ${s.low} en ${s.high} (de geldkolommen hierboven zijn verwachte waarden).`,
      paybackBy: (_n, s) => (s.period === null ? `Het verdient zich niet terug tot en met ${datum(s.until)}.` : `Het verdient zich terug in ${datum(s.period)} (het cumulatieve netto wordt 0 of meer).`),
      breakEvenBy: (_n, s) =>
        s.reward === null
          ? `Break-even beloning: geen; zelfs zonder beloningen is het cumulatieve netto op ${datum(s.until)} onder 0.`
          : `Break-even beloning: tot ${s.reward} per aanbevolen fan blijft het cumulatieve netto op ${datum(s.until)} 0 of meer.`,
      oneFanBy: (n, s) => `Eén raving fan is ${s.value} waard: de ${countOf(n, s.descendants, 'nieuwe fan', 'nieuwe fans')} die zijn aanbevelingen opleveren tot en met ${datum(s.until)}.`,
      bandBy: (n, s) => `Netto cumulatief op ${datum(s.until)}: ${n.percent(s.share)} van de runs tussen ${s.low} en ${s.high} (de geldkolommen hierboven zijn verwachte waarden).`,
      paidBack: (n, s) => `${n.percent(s.share)} van de runs verdient zich terug tot en met ${datum(s.until)} (± ${n.percent(s.error)}).`,
      maxAcquisition: (_n, s) => `Het meeste dat het werven van een klant mag kosten om ${s.until === null ? 'binnen de horizon' : `tot en met ${datum(s.until)}`} quitte te spelen: ${s.alone} op wat de klant zelf oplevert, ${s.withReferrals} met de aanbevelingen die de klant brengt (min hun beloningen).`,
      periodBands: (n, s) => `In ${s.unit === null ? datum(s.period) : `${s.unit === 'level' ? 'niveau' : 'jaar'} ${s.period}`}: omzet tussen ${s.revenueLow} en ${s.revenueHigh}, netto tussen ${s.netLow} en ${s.netHigh} in ${n.percent(s.share)} van de runs.`,
      worthByDate: (_n, s) => `Tot en met ${datum(s.date)} (${s.reached ? 'de verwachte datum' : 'de horizon'}) is het verwachte cumulatieve netto ${s.net}, bij een omzet van ${s.revenue}${s.discounted ? ' (contante waarden)' : ''}.`,
      discounted: (n, s) => `Bedragen zijn contante waarden bij ${n.percent(s.rate)} per jaar: elk bedrag is verdisconteerd vanaf het einde van de periode waarin het valt.`,
      lifetime: (n, s) =>
        `Eén klant is ${s.within} waard binnen de horizon${s.unbounded === null ? ' (zonder churn blijft een klant: geen einde)' : `, ${s.unbounded} over een verwachte klantduur`}${s.margin === null ? '' : ` (bij een marge van ${n.percent(s.margin)})`}.`,
      paidBackWithin: (n, s) => `${n.percent(s.share)} van de runs verdient zich terug binnen ${periods(n, s.horizon, s.unit)} (± ${n.percent(s.error)}).`,
      goalDate: (_n, s) =>
        s.date === null
          ? `${cumulative(s.kind)} haalt ${s.target} niet op of tot en met ${datum(s.until)} (het is dan ${s.reached}).`
          : `${cumulative(s.kind)} haalt ${s.target} op ${datum(s.date)} (${s.reached}).`,
      goalDates: (n, s) =>
        `In ${n.percent(s.reached)} van ${n.count(s.trials)} runs haalt ${s.kind === 'net' ? 'het cumulatieve netto' : 'de cumulatieve omzet'} ${s.target} uiterlijk op ${datum(s.until)}; ${s.dates.map((d) => `p${d.q} ${d.date === null ? `na ${datum(s.until)}` : datum(d.date)}`).join(', ')}.`,
      deadline: (n, s) => `Op ${datum(s.deadline)} heeft ${s.kind === 'net' ? 'het cumulatieve netto' : 'de cumulatieve omzet'} ${s.target} gehaald in ${n.percent(s.share)} van de runs (± ${n.percent(s.error)}, één standaardfout bij ${n.count(s.trials)} runs).`,
    });
  },
  get html(): Words['html'] {
    return (built.html ??= {
      title: (command) => `fans ${command}`,
      table: 'De cijfers',
      parameters: 'Parameters',
      method: 'Methode',
      how: (command, sampled) => {
        const model =
          command === 'compound'
            ? 'Het samengestelde model: elke fan blijft elk jaar nieuwe fans aanbrengen (het tempo maal de conversie), min churn, tot een markt vol is.'
            : command === 'fit'
              ? 'Een maximum-likelihood-fit van Poisson-, geometrische en negatief binomiale aantallen aanbevelingen op uw gegevens, vergeleken met AIC, met 95%-intervallen uit de profiel-likelihood.'
              : command === 'compare'
                ? 'Elk scenario rekent zijn eigen model door (boom of samengesteld) en de totalen staan naast elkaar: verwachte waarden, of voor een scenario met trials het gemiddelde van zijn gesimuleerde runs, met zijn percentielen ernaast (zijn seed herhaalt ze).'
                : 'Het boommodel: elke fan introduceert de fanout één keer en alleen de nieuwste fans bevelen aan, dus niveau g heeft start × K^g nieuwe fans (K = fanout × conversie), tot een markt vol is.';
        if (command === 'compare') return model;
        return `${model} ${sampled ? 'De cijfers komen uit gesimuleerde runs waarin elke fan een willekeurig aantal nieuwe fans met dat gemiddelde aanbrengt; de seed herhaalt ze precies.' : 'De cijfers zijn verwachte waarden, exact waar elke invoer een heel getal is.'}`;
      },
      dated: (kind) =>
        kind === 'fit'
          ? 'Met instapdata: de vertraging van het instappen van een aanbevelende fan tot dat van de aangebrachte wordt met maximale aannemelijkheid gefit (negatief binomiaal in hele dagen, gamma en lognormaal, elk gezien tussen twee data), waarbij aanbevelingen die na de export zouden komen ongezien blijven (rechtse afkapping), samen met K en k naar de tijd die elke fan had: een fan die τ dagen voor de export instapte, heeft er dan NB(K·F(τ), k) gedaan. De intervallen zijn die van Wald op de logschaal.'
          : 'Uit gedateerde gegevens: de run begint bij de klanten van het bestand op de exportdatum. Elk dagcohort klanten brengt de aanbevelingen die nog komen voor hun tijd tot nu, gegeven wat het al deed (het gemiddelde λ is Gamma(k + gedaan, rate k/K + F(leeftijd)): het gamma-Poissonmengsel van de negatief binomiale, bijgewerkt), op de dagen die de vertraging geeft; nieuwe fans bevelen daarna aan zoals in de boom. K en k worden per run uit de fit getrokken; de vertraging staat op haar schatting.',
      calendar: (spread) =>
        spread
          ? 'Op de kalender: aanbevelingen komen na een vertraging rond de cyclus (een Pascal-verdeling in hele dagen, de discrete vorm van een gamma); de verwachte nieuwe fans per dag volgen uit de vernieuwingsvergelijking, opgeteld per kalenderperiode; het groeitempo r lost 1 = K·E[e^(−rT)] op.'
          : 'Op de kalender: elk niveau of elke cyclus valt op de startdatum plus hele cycli, geteld vanaf de start (31 januari plus één maand is 28 februari, plus twee is 31 maart); het groeitempo is de logaritme van de groeifactor per cyclus.',
      answers: (n, a) => ({
        when:
          (typeof a.target === 'number'
            ? a.date === null
              ? `Wanneer: het verwachte totaal haalt ${n.count(a.target)} niet tot en met ${datum(a.until)}`
              : `Wanneer: ${n.count(a.target)} op ${datum(a.date)} (verwacht)`
            : a.date === null
              ? `Wanneer: ${a.target.kind === 'net' ? 'het verwachte cumulatieve netto' : 'de verwachte cumulatieve omzet'} haalt ${a.target.amount} niet tot en met ${datum(a.until)}`
              : `Wanneer: ${a.target.kind === 'net' ? 'een cumulatief netto' : 'een cumulatieve omzet'} van ${a.target.amount} op ${datum(a.date)} (verwacht)`) +
          (a.band ? `; ${n.percent(a.band.share)} van de runs tussen ${a.band.low === null ? `na ${datum(a.until)}` : datum(a.band.low)} en ${a.band.high === null ? `na ${datum(a.until)}` : datum(a.band.high)}.` : '.'),
        sure: a.deadline ? `Hoe zeker: ${n.percent(a.deadline.share)} van de runs haalt het uiterlijk op ${datum(a.deadline.date)}.` : null,
        worth: a.worth === null ? null : `Wat het waard is: netto cumulatief ${a.worth} tot en met ${datum(a.worthDate!)}.`,
      }),
      footer: (seed) => `Gemaakt met fans${seed === null ? '' : `, seed ${seed} (--seed ${seed} herhaalt de runs)`}.`,
    });
  },
  get calendar(): Words['calendar'] {
    return (built.calendar ??= {
      span: (n, s) => `Van ${datum(s.from)} tot ${datum(s.to)} ${s.start === 1 ? 'groeit' : 'groeien'} ${n.count(s.start)} fan${s.start === 1 ? '' : 's'} naar ${s.mean ? 'gemiddeld ' : ''}${n.count(s.total)} fans.`,
      delay: (n, s) =>
        `Aanbevelingen komen gemiddeld ${n.real(oneDecimal(s.mean))} dagen nadat een fan erbij kwam, plus of min ${n.real(oneDecimal(s.sd))} dagen (een Pascal-vertraging van ${n.count(s.stages)} ${s.stages === 1 ? 'stap' : 'stappen'}${Math.abs(s.sd - s.asked) > 0.05 * s.asked ? `: het dichtst bij de ${s.fitted ? 'gefitte' : 'gevraagde'} ${n.real(oneDecimal(s.asked))} dagen` : ''}).`,
      growth: (n, s) =>
        s.rate === null
          ? 'Niemand beveelt aan: geen groei.'
          : s.days === null
            ? 'Groeitempo 0: nieuwe fans komen in een vast tempo.'
            : `Groeitempo ${n.percent(s.rate)} per dag: het aantal nieuwe fans ${s.rate > 0 ? 'verdubbelt' : 'halveert'} elke ${n.real(oneDecimal(s.days!))} dagen${s.spread ? ' (gespreide vertragingen veranderen dit, niet K)' : ''}.`,
      extinct: (n, s) => `Op ${datum(s.date)} is ${n.percent(s.share)} van de runs uitgestorven (± ${n.percent(s.error)}): er komt niets meer in.`,
      goalDate: (n, s) =>
        s.date === null
          ? `Het verwachte totaal haalt ${n.count(s.target)} niet op of tot en met ${datum(s.until)} (het is dan ${n.count(s.total)}).`
          : s.atStart !== null
            ? `${countOf(n, s.atStart, 'fan', 'fans')} bij de start ${s.atStart === 1 ? 'haalt' : 'halen'} het doel van ${n.count(s.target)} al: het is gehaald op de eerste dag, ${datum(s.date)}.`
            : `Het verwachte totaal haalt ${n.count(s.target)} op ${datum(s.date)} (${n.count(s.total)}).`,
      goalDates: (n, s) =>
        `${n.percent(s.reached)} van ${n.count(s.trials)} runs haalt ${n.count(s.target)} uiterlijk op ${datum(s.until)}; ${s.dates.map((d) => `p${d.q} ${d.date === null ? `na ${datum(s.until)}` : datum(d.date)}`).join(', ')}.`,
      after: (until) => `na ${until}`,
      deadline: (n, s) => `Op ${datum(s.deadline)} heeft ${n.percent(s.share)} van de runs ${n.count(s.target)} gehaald (± ${n.percent(s.error)}, één standaardfout bij ${n.count(s.trials)} runs).`,
    });
  },
  get xlsx(): Words['xlsx'] {
    return (built.xlsx ??= {
      results: 'Resultaten',
      parameters: 'Parameters',
      parameter: 'parameter',
      value: 'waarde',
      none: 'geen',
      summary: 'Samenvatting',
      textCells: (digits) => `Exacte hele getallen van meer dan ${digits} cijfers staan als tekst: een spreadsheet bewaart maar ${digits} significante cijfers van een getal.`,
      observed: 'Waargenomen en verwacht',
      fit: 'Fitresultaten',
      delays: 'Vertragingen',
    });
  },
};
