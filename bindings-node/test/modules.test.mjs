// Both module systems load the package, by its name too (package self-reference through "exports"),
// and share one set of classes, so `instanceof` holds whichever way an error was made or is checked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esm from 'hamsa';

const require = createRequire(import.meta.url);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

test('import and require give the same objects', () => {
  const cjs = require('hamsa');
  assert.deepEqual(Object.keys(esm).sort(), Object.keys(cjs).sort());
  for (const name of Object.keys(cjs)) assert.equal(esm[name], cjs[name], name);
  assert.equal(typeof esm.Hamsa, 'function');
});

test('instanceof works across module systems', () => {
  const cjs = require('hamsa');
  let error;
  try {
    new cjs.Hamsa({ apiKey: '' });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof esm.ConfigurationError);
  assert.ok(error instanceof esm.HamsaError);
  assert.ok(error instanceof cjs.HamsaError);
});

test('a plain CommonJS script and a plain ESM script load it', () => {
  const cjsOut = execFileSync(process.execPath, ['-e', "const { Hamsa, HamsaError } = require('hamsa'); console.log(typeof Hamsa, typeof HamsaError)"], { cwd: packageDir });
  assert.equal(cjsOut.toString().trim(), 'function function');
  const esmOut = execFileSync(process.execPath, ['--input-type=module', '-e', "import { Hamsa, webhooks, VERSION } from 'hamsa'; console.log(typeof Hamsa, typeof webhooks.verify, VERSION)"], { cwd: packageDir });
  assert.match(esmOut.toString().trim(), /^function function \d+\.\d+\.\d+/);
});

test('the client exposes every namespace of the catalog', () => {
  const client = new esm.Hamsa({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9' });
  for (const namespace of ['calls', 'phoneNumbers', 'jobs', 'conversations', 'webhooks']) {
    assert.equal(typeof client[namespace], 'object', namespace);
  }
  assert.equal(typeof client.calls.createTwilio, 'function');
  assert.equal(client.webhooks.verify, esm.webhooks.verify);
});
