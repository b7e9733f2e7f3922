// The anchor timed in a Node process of its own, as it runs in its own app. In the benchmark's
// process, after the engine's and the hand loops' maps, its allocation-heavy code (arrays per
// step, a record per iteration) ran at 0.9 M steps/s in some runs and 3.3-4 in others: the
// heap and the JIT feedback the earlier work left behind, not the anchor, decided which.
// Prints {"work": pixel-steps, "seconds": [CPU seconds per timed call]} after one warm-up call.
// Run: node --import tsx bench/maps/anchorAlone.ts <rows> <steps> <lr> <timed calls>
import { anchorBasinRows } from './anchor';

const [rows, steps, lr, calls] = process.argv.slice(2).map(Number);
const work = anchorBasinRows(256, rows, steps, lr);
const seconds: number[] = [];
for (let k = 0; k < calls; k++) {
  const c0 = process.cpuUsage();
  anchorBasinRows(256, rows, steps, lr);
  const c = process.cpuUsage(c0);
  seconds.push((c.user + c.system) / 1e6);
}
process.stdout.write(JSON.stringify({ work, seconds }) + '\n');
