// Link versions. A link says its version (`v=1`); a link of an older version is upgraded one
// version at a time, v -> v+1, until it is current, and only then read. Adding version 2 means:
// bump CURRENT_LINK_VERSION, add the step 1 -> 2 (rename/convert fields of a v1 link into v2
// ones), make the step of 2 the identity, and keep fixtures/links/v1.json decoding unchanged.

/** One `key=value` field of a link, both still escaped as they were in the link. */
export interface LinkField {
  key: string;
  value: string;
}

export type MigrationStep = (fields: LinkField[]) => LinkField[];

export const CURRENT_LINK_VERSION = 1;

const identity: MigrationStep = (fields) => fields;

/** For each known version n: the step that turns a version-n link into version n+1 (identity for the current one). */
export const LINK_MIGRATIONS: ReadonlyMap<number, MigrationStep> = new Map([[1, identity]]);

export type MigrationResult = { ok: true; fields: LinkField[] } | { ok: false; message: string };

/** Reads a version token such as "1"; anything else is not a version. */
export function parseVersion(token: string): number | undefined {
  return /^[0-9]{1,9}$/.test(token) ? Number(token) : undefined;
}

/** Upgrades the fields of a version-`version` link to the current version. */
export function migrateLink(
  version: number,
  fields: LinkField[],
  steps: ReadonlyMap<number, MigrationStep> = LINK_MIGRATIONS,
  current: number = CURRENT_LINK_VERSION,
): MigrationResult {
  if (version > current) return { ok: false, message: newerMessage('link', version, current) };
  let out = fields;
  for (let at = version; at <= current; at++) {
    const step = steps.get(at);
    if (!step) return { ok: false, message: unknownMessage('link', String(version), current) };
    if (at < current) out = step(out);
  }
  return { ok: true, fields: out };
}

export function newerMessage(what: string, version: number, current: number = CURRENT_LINK_VERSION): string {
  return `${what} version ${version} is newer than this app (reads ${current})`;
}

export function unknownMessage(what: string, version: string, current: number = CURRENT_LINK_VERSION): string {
  return `${what} version ${JSON.stringify(version.slice(0, 20))} is not one this app knows (reads ${current})`;
}
