// The error classes: one per code under HamsaError, with the core error's fields; panics become
// InternalError instead of crashing; secrets stay out of what a user might print.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import * as hamsa from 'hamsa';
import { startServer } from './support/server.mjs';

const { Hamsa, HamsaError } = hamsa;
const require = createRequire(import.meta.url);
const native = require('../lib/native.js');
const { errorClasses } = require('../lib/generated/errors.js');
const catalog = JSON.parse(native.catalog());

test('every error code of the catalog (internal included) has its own exported class', () => {
  const codes = catalog.errors.map((error) => error.code);
  assert.ok(codes.includes('internal'));
  assert.deepEqual(Object.keys(errorClasses).sort(), [...codes].sort());
  for (const code of codes) {
    const Class = errorClasses[code];
    assert.equal(hamsa[Class.name], Class, `${Class.name} is exported`);
    assert.ok(Class.prototype instanceof HamsaError);
  }
});

test('a server error carries code, status, message, messageKey, requestId and attempts', async () => {
  const server = await startServer((req, res) => {
    res.statusCode = 404;
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-request-id', 'req_42');
    res.end(JSON.stringify({ success: false, message: 'Job not found', messageKey: 'JOB_NOT_FOUND' }));
  });
  try {
    const client = new Hamsa({ apiKey: 'sk-super-secret', baseUrl: server.url });
    const error = await client.jobs.get({ jobId: 'j' }).catch((e) => e);
    assert.ok(error instanceof hamsa.NotFoundError);
    assert.equal(error.name, 'NotFoundError');
    assert.equal(error.code, 'not_found');
    assert.equal(error.status, 404);
    assert.equal(error.message, 'Job not found');
    assert.equal(error.messageKey, 'JOB_NOT_FOUND');
    assert.equal(error.requestId, 'req_42');
    assert.deepEqual(error.attempts, [{ outcome: '404', delayBeforeMs: 0 }]);
    assert.equal(error.retryable, false);
    assert.ok(error.stack.includes('NotFoundError'));
    for (const text of [error.message, String(error), inspect(error), inspect(client)]) {
      assert.ok(!text.includes('sk-super-secret'), text);
    }
  } finally {
    await server.close();
  }
});

test('invalid arguments fail before anything is sent, naming the field', async () => {
  const client = new Hamsa({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9' });
  const error = await client.calls.createTwilio({ toNumber: 'nope', twilioPhoneNumber: '+1234567890' }).catch((e) => e);
  assert.ok(error instanceof hamsa.InvalidArgumentError);
  assert.equal(error.field, 'toNumber');
  await assert.rejects(client.jobs.get('job_1'), { code: 'invalid_argument', field: 'params' });
  await assert.rejects(client.jobs.get({ jobId: 1n }), { code: 'invalid_argument' });
  await assert.rejects(client.jobs.get({ jobId: 'j' }, { timout: 5 }), /unknown option "timout"/);
});

test('client options: missing key, typos and the core spelling are configuration errors', () => {
  const saved = process.env.HAMSA_API_KEY;
  delete process.env.HAMSA_API_KEY;
  try {
    assert.throws(() => new Hamsa(), hamsa.ConfigurationError);
    assert.throws(() => new Hamsa({ apiKey: 'k', timeoutMs: 5 }), { code: 'configuration', message: /unknown option "timeoutMs"/ });
    assert.throws(() => new Hamsa({ apiKey: 'k', baseUrl: 'http://api.example.com' }), { code: 'configuration' });
    process.env.HAMSA_API_KEY = 'from-env';
    assert.ok(new Hamsa({ baseUrl: 'http://127.0.0.1:9' }));
  } finally {
    if (saved === undefined) delete process.env.HAMSA_API_KEY;
    else process.env.HAMSA_API_KEY = saved;
  }
});

test('a Rust panic becomes InternalError, synchronously or asynchronously, and the process lives on', async () => {
  // The hooks exist only for this test, in an addon built with the crate's `testing` feature (test.sh
  // builds one); the public API has no way to make the core panic.
  const { fromNative } = require('../lib/errors.js');
  assert.equal(typeof native.__testPanicSync, 'function', 'build the addon with `npx napi build ... --features testing`');
  let thrown;
  try {
    native.__testPanicSync();
  } catch (e) {
    thrown = fromNative(e);
  }
  assert.ok(thrown instanceof hamsa.InternalError);
  assert.equal(thrown.code, 'internal');
  assert.match(thrown.message, /panic/);
  const rejected = await native.__testPanicAsync().catch((e) => fromNative(e));
  assert.ok(rejected instanceof hamsa.InternalError);
  assert.match(rejected.message, /deliberate panic/);
});

test('unparseable argument JSON is an invalid_argument at every native entry point', async () => {
  const { fromNative } = require('../lib/errors.js');
  const broken = '{"jobId": ';
  const client = new native.NativeClient(JSON.stringify({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9' }));
  const thrown = (call) => {
    try {
      call();
    } catch (e) {
      return fromNative(e);
    }
    assert.fail('did not throw');
  };
  const rejected = (promise) => promise.then(() => assert.fail('did not reject'), (e) => fromNative(e));
  const failures = {
    'new NativeClient': thrown(() => new native.NativeClient(broken)),
    'pager arguments': thrown(() => client.pager('phone_numbers.list', broken, '')),
    'pager options': thrown(() => client.pager('phone_numbers.list', '{}', broken)),
    'invoke arguments': await rejected(client.invoke('jobs.get', broken, '')),
    'invoke options': await rejected(client.invoke('jobs.get', '{"jobId": "j"}', broken)),
  };
  for (const [entry, error] of Object.entries(failures)) {
    assert.ok(error instanceof hamsa.InvalidArgumentError, `${entry}: ${error}`);
    assert.equal(error.code, 'invalid_argument', entry);
    assert.match(error.message, /not valid JSON/, entry);
  }
});

test('users can construct errors (for their own tests)', () => {
  const error = new hamsa.RateLimitedError('slow down', { code: 'rate_limited', status: 429 });
  assert.ok(error instanceof HamsaError);
  assert.equal(error.status, 429);
  assert.deepEqual(error.attempts, []);
});
