// --escape-vs-dim takes its settings from a share link's `dimfig=` (the app's escape-vs-d
// figure) where the flags leave them out, as --escape-times takes `escape=`: the figure the app
// shows for a link is the one the command line prints for it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIM_FIGURE_SETTINGS } from '../experiment/dimFigures';
import { decodeExperiment } from '../experiment/link';
import { escapeVsDim } from '../optim/escape';
import { parseArgs } from './args';
import { dimEscapeOptions } from './dims';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });

const LINK = 'v=1&fn=saddleChain&dim=10&r0=sgd,lr:0.05,srad:0.001&r1=pgd,lr:0.05&steps=3000&tol=0&seed=7&dimfig=2;10;30,3,0.25,last';

describe('--escape-vs-dim with a dimfig= link', () => {
  it('flags win, the link fills in, the defaults last; `link` takes the link\'s dimensions', () => {
    const args = parseArgs([LINK, '--escape-vs-dim', 'link', '--seeds', '2']);
    if (!args.ok) throw new Error(args.message);
    expect(args.options.escapeFlags).toEqual({ seeds: 2 });
    const link = decodeExperiment(LINK).dimfig;
    expect(dimEscapeOptions({ escape: args.options.escape!, escapeFlags: args.options.escapeFlags }, link)).toEqual({ dims: [2, 10, 30], seeds: 2, radius: 0.25, saddle: 'last' });
    expect(dimEscapeOptions({ escape: args.options.escape! }, undefined)).toEqual({ ...DEFAULT_DIM_FIGURE_SETTINGS, seeds: 2 });
    const given = parseArgs(['e.json', '--escape-vs-dim', '5,6', '--radius', '1', '--saddle', 'nearest']);
    if (!given.ok) throw new Error(given.message);
    expect(dimEscapeOptions(given.options as Required<typeof given.options>, link)).toEqual({ dims: [5, 6], seeds: 3, radius: 1, saddle: 'nearest' });
  });

  it('prints the figure of the link\'s settings', () => {
    const r = cli(LINK, '--escape-vs-dim', 'link', '--seeds', '2');
    expect(r.stderr).toBe('');
    const exp = decodeExperiment(LINK).experiment;
    expect(r.stdout).toBe(JSON.stringify((escapeVsDim(exp, { dims: [2, 10, 30], seeds: 2, radius: 0.25, saddle: 'last' }) as { value: unknown }).value) + '\n');
  });
});
