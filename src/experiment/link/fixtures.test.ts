// Version-1 links must keep decoding to exactly the same Experiment forever: a shared link is
// a promise. The cases live in fixtures/links/v1.json (written once by
// scripts/gen_link_fixtures.ts); a failure here means a change broke old links, so fix the
// change (or add a migration), never the fixture.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BatchSettings } from '../maps';
import type { Experiment } from '../types';
import type { View3dSettings } from '../view3d';
import { decodeExperiment } from './decode';

interface FixtureCase {
  name: string;
  link: string;
  experiment: Experiment;
  atStep?: number;
  maps?: BatchSettings;
  view3d?: View3dSettings;
  problems: { field: string; message: string }[];
}

const file = JSON.parse(readFileSync(new URL('../../../fixtures/links/v1.json', import.meta.url), 'utf8')) as { version: number; cases: FixtureCase[] };

describe('fixtures/links/v1.json', () => {
  it('holds version-1 cases', () => {
    expect(file.version).toBe(1);
    expect(file.cases.length).toBeGreaterThan(50);
    expect(new Set(file.cases.map((c) => c.name)).size).toBe(file.cases.length);
  });

  it.each(file.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const decoded = decodeExperiment(c.link);
    expect(decoded.experiment).toStrictEqual(c.experiment);
    expect(decoded.atStep).toBe(c.atStep);
    expect(decoded.maps).toStrictEqual(c.maps);
    expect(decoded.view3d).toStrictEqual(c.view3d);
    // Which fields are rejected is part of the promise; the wording belongs to the schema and may improve.
    expect(decoded.problems.map((p) => p.field)).toStrictEqual(c.problems.map((p) => p.field));
  });
});
