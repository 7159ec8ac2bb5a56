// index.d.ts type-checks the examples and a file that uses every public name under `tsc --strict`, and
// wrong calls fail (each `// @ts-expect-error` in test/types/ must find an error, or tsc fails).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

test('tsc --strict --noEmit passes on the examples and the type tests', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: packageDir, encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
});

// "Every public name" is checked, not claimed: each name index.d.ts exports, and each operation as
// `<resource>.<method>(`, appears in test/types/every-name.mts, which tsc --strict type-checks above.
test('every-name.mts uses every exported name and every operation', async () => {
  const { readFileSync } = await import('node:fs');
  const declarations = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8');
  const usage = readFileSync(new URL('./types/every-name.mts', import.meta.url), 'utf8');
  const exported = [
    ...declarations.matchAll(/^export (?:declare )?(?:class|interface|type|const|function|enum) ([A-Za-z_]\w*)/gm),
  ].map((match) => match[1]);
  assert.ok(exported.length > 20, `found only ${exported.length} exports in index.d.ts`);
  const unused = exported.filter((name) => !new RegExp(`\\b${name}\\b`).test(usage));
  assert.deepEqual(unused, [], 'exported names that test/types/every-name.mts never uses');
  const { resources } = createRequire(import.meta.url)('../lib/generated/operations.js');
  const calls = Object.entries(resources).flatMap(([resource, methods]) =>
    Object.keys(methods).map((method) => `${resource}.${method}(`),
  );
  assert.ok(calls.length > 10, `found only ${calls.length} operations`);
  assert.deepEqual(calls.filter((call) => !usage.includes(call)), [], 'operations every-name.mts never calls');
});
