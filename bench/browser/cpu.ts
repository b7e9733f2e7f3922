// CPU seconds used so far by a process and every process below it (Chromium: browser, GPU
// process with SwiftShader's threads, renderers), read from /proc. On a machine shared with other
// jobs, wall-clock frame rates swing with the load; the CPU a frame costs does not.
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: clock ticks a second on Linux. */
const TICK = 100;

function stat(pid: number): { ppid: number; cpu: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state ppid ... utime(14) stime(15).
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICK };
  } catch {
    return null; // gone meanwhile
  }
}

export function treeCpuSeconds(root: number): number {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(pid);
    if (!s) continue;
    cpu.set(pid, s.cpu);
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  }
  let total = 0;
  const visit = (pid: number) => {
    total += cpu.get(pid) ?? 0;
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(root);
  return total;
}
