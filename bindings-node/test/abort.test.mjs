// AbortSignal: an abort cancels the request in the core (the server sees the connection go away), the
// promise rejects with an AbortError-compatible CancelledError, and a signal shared by many requests
// does not collect listeners.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Hamsa, HamsaError, CancelledError } from 'hamsa';
import { startServer, answer, hang, job } from './support/server.mjs';

const client = (url) => new Hamsa({ apiKey: 'test-key', baseUrl: url, maxRetries: 0 });

test('aborting a request in flight rejects with CancelledError and drops the connection', async () => {
  const server = await startServer(hang());
  try {
    const controller = new AbortController();
    const pending = client(server.url).jobs.get({ jobId: 'job_1' }, { signal: controller.signal });
    while (server.requests === 0) await sleep(5);
    const reason = new Error('user navigated away');
    controller.abort(reason);
    const error = await pending.then(
      () => assert.fail('expected a rejection'),
      (e) => e,
    );
    assert.ok(error instanceof CancelledError);
    assert.ok(error instanceof HamsaError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'AbortError');
    assert.equal(error.code, 'cancelled');
    assert.equal(error.cause, reason);
    for (let i = 0; i < 100 && server.closed === 0; i++) await sleep(10);
    assert.equal(server.closed, 1, 'the core dropped the HTTP request');
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  } finally {
    await server.close();
  }
});

test('an already aborted signal sends nothing', async () => {
  const server = await startServer(answer(job('job_1')));
  try {
    const signal = AbortSignal.abort();
    await assert.rejects(client(server.url).jobs.get({ jobId: 'job_1' }, { signal }), { name: 'AbortError', code: 'cancelled' });
    assert.equal(server.requests, 0);
  } finally {
    await server.close();
  }
});

test('many requests on one signal leave no listener behind', async () => {
  const server = await startServer(answer(job('job_1', 'COMPLETED')));
  try {
    const hamsa = client(server.url);
    const controller = new AbortController();
    const { signal } = controller;
    for (let i = 0; i < 200; i++) await hamsa.jobs.get({ jobId: `job_${i}` }, { signal });
    const batch = Array.from({ length: 50 }, (_, i) => hamsa.jobs.get({ jobId: `b${i}` }, { signal }));
    assert.equal(getEventListeners(signal, 'abort').length, 50, 'one listener per request in flight');
    await Promise.all(batch);
    assert.equal(getEventListeners(signal, 'abort').length, 0);
    // Failures remove theirs too.
    await assert.rejects(hamsa.jobs.get({ jobId: '' }, { signal }), { code: 'invalid_argument' });
    assert.equal(getEventListeners(signal, 'abort').length, 0);
  } finally {
    await server.close();
  }
});

test('a timeout signal cancels a list walk and jobs.wait', async () => {
  const server = await startServer(hang());
  try {
    const hamsa = client(server.url);
    const list = hamsa.phoneNumbers.list({}, { signal: AbortSignal.timeout(50) });
    await assert.rejects(list.toArray(), { name: 'AbortError' });
    await assert.rejects(hamsa.jobs.wait({ jobId: 'j' }, { signal: AbortSignal.timeout(50) }), CancelledError);
  } finally {
    await server.close();
  }
});

test('a signal that is not an AbortSignal is an invalid argument', async () => {
  await assert.rejects(client('http://127.0.0.1:9').jobs.get({ jobId: 'j' }, { signal: {} }), {
    code: 'invalid_argument',
    field: 'options',
  });
});
