// How results come back from the addon (napi-rs futures settle the promises). These tests check that
// each promise gets its own outcome in a burst of mixed answers, that a request in flight keeps the
// process alive on its own, and that an idle client does not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hamsa, NotFoundError } from 'hamsa';
import { startServer } from './support/server.mjs';

const packageDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Answers job `job_N` with the job for even N and a 404 envelope for odd N, after `delayMs`. */
const evenJobsOnly = (delayMs) => (req, res) => {
  const id = new URL(req.url, 'http://x').searchParams.get('jobId') ?? '';
  const n = Number(id.split('_')[1]);
  const reply = () => {
    res.setHeader('content-type', 'application/json');
    if (n % 2 === 0) {
      res.end(JSON.stringify({ success: true, message: 'success', data: { id, status: 'PENDING', title: `job ${n}` } }));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ success: false, message: `no job ${n}`, messageKey: 'NOT_FOUND' }));
    }
  };
  if (delayMs > 0) setTimeout(reply, delayMs);
  else reply();
};

test('a burst of requests with mixed answers settles each promise with its own outcome', async () => {
  const server = await startServer(evenJobsOnly(0));
  try {
    const client = new Hamsa({ apiKey: 'test-key', baseUrl: server.url, maxRetries: 0 });
    const outcomes = await Promise.allSettled(Array.from({ length: 300 }, (_, n) => client.jobs.get({ jobId: `job_${n}` })));
    for (const [n, outcome] of outcomes.entries()) {
      if (n % 2 === 0) {
        assert.equal(outcome.status, 'fulfilled', `job_${n}`);
        assert.equal(outcome.value.id, `job_${n}`);
        assert.equal(outcome.value.title, `job ${n}`);
      } else {
        assert.equal(outcome.status, 'rejected', `job_${n}`);
        assert.ok(outcome.reason instanceof NotFoundError, `job_${n}`);
        assert.equal(outcome.reason.message.includes(`no job ${n}`), true, outcome.reason.message);
      }
    }
  } finally {
    await server.close();
  }
});

test('a request in flight keeps the process alive, and an idle client lets it exit', async () => {
  const server = await startServer(evenJobsOnly(300));
  try {
    // The child holds nothing but the client and its one request: without the request keeping the event
    // loop alive it would exit before printing; if the idle client kept it alive, it would never exit.
    const script = `const { Hamsa } = require('hamsa');
      new Hamsa({ apiKey: 'k', baseUrl: ${JSON.stringify(server.url)}, maxRetries: 0 })
        .jobs.get({ jobId: 'job_2' }).then((job) => console.log('got', job.id));`;
    const output = await new Promise((resolve, reject) => {
      execFile(process.execPath, ['-e', script], { cwd: packageDir, timeout: 60_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      );
    });
    assert.equal(output.trim(), 'got job_2');
  } finally {
    await server.close();
  }
});
