// The committed generated files (lib/generated/*, index.d.ts, index.mjs) match what the generator makes
// from the current core: a new endpoint in the core cannot be forgotten here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('regenerating from the catalog changes nothing', () => {
  const script = fileURLToPath(new URL('../scripts/generate.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});
