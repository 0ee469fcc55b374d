// Writes examples/crm.csv, the shipped dated records (`fans example crm`): a simulated CRM
// export of 2026, who referred whom with each customer's sign-up date. Two customers a day
// join on their own; each customer's referrals number NB(K = 0.8, k = 0.5) (a gamma-mixed
// Poisson), each joining a gamma delay (mean 40 days, shape 2, sd 28.3) after them; the export
// on 2026-12-31 holds whoever joined by then. A fixed linear congruential generator: the file
// is the same on every run. Run: node scripts/crm-example.js > examples/crm.csv
let s = 12345;
const u = () => ((s = (s * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
const gamma = (a) => { if (a < 1) return gamma(a + 1) * u() ** (1 / a); const d = a - 1 / 3, c = 1 / Math.sqrt(9 * d); for (;;) { const x = normal(), v = (1 + c * x) ** 3; if (v > 0 && Math.log(u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v; } };
const poisson = (m) => { let n = 0, p = 1; const L = Math.exp(-m); while ((p *= u()) > L) n++; return n; };
const days = 365, start = Date.UTC(2026, 0, 1);
const joins = [], parents = [];
for (let i = 0; i < 2 * days; i++) { joins.push(u() * days); parents.push(-1); }
for (let i = 0; i < joins.length; i++) { const r = poisson(gamma(0.5) * 1.6); for (let j = 0; j < r; j++) { const t = joins[i] + gamma(2) * 20; if (t < days) { joins.push(t); parents.push(i); } } }
const iso = (t) => new Date(start + Math.floor(t) * 86400000).toISOString().slice(0, 10);
const lines = ['id,referred_by,signed_up_at'];
joins.forEach((t, i) => lines.push(`c${i + 1},${parents[i] < 0 ? '' : 'c' + (parents[i] + 1)},${iso(t)}`));
process.stdout.write(lines.join('\n') + '\n');
