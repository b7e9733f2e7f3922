// Writes .oxlintrc.json from the import rules (scripts/lint/importRules.ts).
// `--check`: writes nothing, exits 1 when the committed file differs from the table.
import { readFileSync, writeFileSync } from 'node:fs';
import { configText } from './oxlintConfig';

const FILE = new URL('../../.oxlintrc.json', import.meta.url);
const text = configText();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(FILE, 'utf8');
  } catch {
    // a missing file differs
  }
  if (committed !== text) {
    process.stderr.write('.oxlintrc.json is not what scripts/lint/importRules.ts says; run npx tsx scripts/lint/gen_oxlintrc.ts\n');
    process.exit(1);
  }
} else {
  writeFileSync(FILE, text);
}
