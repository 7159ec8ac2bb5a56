// A request in flight in a worker_threads Worker that is terminated must not crash the process, and the
// Worker's requests must be cancelled with it. The scenario runs in a child process (see the fixture).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const fixture = fileURLToPath(new URL('./fixtures/worker-terminated.mjs', import.meta.url));

test('terminating a Worker mid-request leaves the main thread working', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [fixture], { timeout: 60_000 });
  const result = JSON.parse(stdout.trim().split('\n').at(-1));
  assert.equal(result.job, 'main');
  assert.equal(result.open, 6);
  assert.equal(result.closedEarly, 6, "every terminated Worker's request was cancelled");
});
