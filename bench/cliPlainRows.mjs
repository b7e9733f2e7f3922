// The yardstick of bench/cli.bench.ts: a plain Node script that only formats and writes rows.
// It reads runs already computed (dump.bin: per run its point count n, then n rows of x, y, f,
// gradNorm, evals as float64; dump.json: each run's label, optimizer, stop, perturbations) and writes the
// CLI's CSV or JSON for them the obvious way: template strings, 64 KB string blocks to stdout.
// Usage: node bench/cliPlainRows.mjs <dump dir> csv|json
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, format] = process.argv.slice(2);
const bytes = readFileSync(join(dir, 'dump.bin'));
const d = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
const meta = JSON.parse(readFileSync(join(dir, 'dump.json'), 'utf8'));

let out = '';
const put = (text) => {
  out += text;
  if (out.length >= 65536) {
    process.stdout.write(out);
    out = '';
  }
};
const num = (n) => (Number.isFinite(n) ? `${n}` : 'null');

let k = 0;
if (format === 'csv') {
  put('step,run,x,y,f,gradNorm,evals\n');
  for (let run = 0; run < meta.length; run++) {
    const n = d[k++];
    for (let step = 0; step < n; step++, k += 5) put(`${step},${run},${d[k]},${d[k + 1]},${d[k + 2]},${d[k + 3]},${d[k + 4]}\n`);
  }
} else {
  put('[');
  for (let run = 0; run < meta.length; run++) {
    const m = meta[run];
    const n = d[k++];
    const column = (c) => {
      for (let i = 0; i < n; i++) put(`${i ? ',' : ''}${num(d[k + 5 * i + c])}`);
    };
    put(`${run ? ',' : ''}{"label":${JSON.stringify(m.label)},"optimizer":${JSON.stringify(m.optimizer)},"points":[`);
    for (let i = 0; i < n; i++) put(`${i ? ',' : ''}[${num(d[k + 5 * i])},${num(d[k + 5 * i + 1])}]`);
    put('],"f":[');
    column(2);
    put('],"gradNorm":[');
    column(3);
    put('],"evals":[');
    column(4);
    put(`],"stop":${JSON.stringify(m.stop)}${m.perturbations.length ? `,"perturbations":${JSON.stringify(m.perturbations)}` : ''}}`);
    k += 5 * n;
  }
  put(']\n');
}
process.stdout.write(out);
