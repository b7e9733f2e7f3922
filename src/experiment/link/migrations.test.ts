import { describe, expect, it } from 'vitest';
import { CURRENT_LINK_VERSION, LINK_MIGRATIONS, migrateLink, parseVersion, type LinkField, type MigrationStep } from './migrations';

const fields: LinkField[] = [{ key: 'surface', value: 'booth' }];

describe('link migrations', () => {
  it('has a step for every version up to the current one', () => {
    for (let version = 1; version <= CURRENT_LINK_VERSION; version++) expect(LINK_MIGRATIONS.has(version)).toBe(true);
  });

  it('reads the current version as it is', () => {
    expect(migrateLink(CURRENT_LINK_VERSION, fields)).toStrictEqual({ ok: true, fields });
  });

  it('chains v -> v+1 steps in order up to the current version', () => {
    // A made-up history: v1 called the surface `s`, v2 called it `surf`, v3 calls it `surface`.
    const rename = (from: string, to: string): MigrationStep => (fs) => fs.map((f) => (f.key === from ? { ...f, key: to } : f));
    const steps = new Map<number, MigrationStep>([
      [1, rename('s', 'surf')],
      [2, rename('surf', 'surface')],
      [3, (fs) => fs],
    ]);
    expect(migrateLink(1, [{ key: 's', value: 'booth' }], steps, 3)).toStrictEqual({ ok: true, fields });
    expect(migrateLink(2, [{ key: 'surf', value: 'booth' }], steps, 3)).toStrictEqual({ ok: true, fields });
    expect(migrateLink(3, fields, steps, 3)).toStrictEqual({ ok: true, fields });
  });

  it('refuses newer versions and versions with no step', () => {
    expect(migrateLink(7, fields)).toStrictEqual({ ok: false, message: 'link version 7 is newer than this app (reads 1)' });
    expect(migrateLink(0, fields)).toStrictEqual({ ok: false, message: 'link version "0" is not one this app knows (reads 1)' });
    const gap = new Map<number, MigrationStep>([[2, (fs) => fs], [3, (fs) => fs]]);
    expect(migrateLink(1, fields, gap, 3).ok).toBe(false);
  });

  it('reads version tokens strictly', () => {
    expect(parseVersion('1')).toBe(1);
    for (const bad of ['', '1.0', '+1', '0x1', ' 1', '1e0', '9999999999']) expect(parseVersion(bad)).toBeUndefined();
  });
});
