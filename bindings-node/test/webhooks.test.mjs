// Webhook helpers from a plain node:http handler (Express works the same: raw body and header in).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { webhooks, WebhookVerificationError, DecodeError, HamsaError } from 'hamsa';

const auth = { authKey: 'Token', authSecret: 'whsec-123' };

test('a handler verifies the header and parses the raw body', async () => {
  const seen = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        webhooks.verify({ authorization: req.headers.authorization, ...auth });
        seen.push(webhooks.parse({ body: Buffer.concat(chunks) }));
        res.statusCode = 204;
      } catch (error) {
        res.statusCode = error instanceof WebhookVerificationError ? 401 : 400;
      }
      res.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/hook`;
  try {
    const body = JSON.stringify({ eventType: 'call.started', callId: 'c1', brandNew: 1 });
    const ok = await fetch(url, { method: 'POST', body, headers: { authorization: 'Token whsec-123' } });
    assert.equal(ok.status, 204);
    const wrong = await fetch(url, { method: 'POST', body, headers: { authorization: 'Token nope' } });
    assert.equal(wrong.status, 401);
    const missing = await fetch(url, { method: 'POST', body });
    assert.equal(missing.status, 401);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].eventType, 'call.started');
    assert.equal(seen[0].callId, 'c1');
    assert.equal(seen[0].brandNew, 1, 'unknown fields are kept');
  } finally {
    server.close();
  }
});

test('verify returns true; failures are HamsaErrors that never show the secret', () => {
  assert.equal(webhooks.verify({ authorization: 'Token whsec-123', ...auth }), true);
  const error = (() => {
    try {
      webhooks.verify({ authorization: 'Token whsec-12', ...auth });
    } catch (e) {
      return e;
    }
  })();
  assert.ok(error instanceof WebhookVerificationError && error instanceof HamsaError);
  assert.ok(!String(error).includes('whsec'));
  assert.throws(() => webhooks.parse({ body: '{not json' }), DecodeError);
  assert.throws(() => webhooks.parse({ body: 42 }), { code: 'invalid_argument', field: 'body' });
  const event = webhooks.parse({ body: new TextEncoder().encode('{"eventType":"something.new"}') });
  assert.equal(event.eventType, 'something.new', 'unknown event types are kept');
});
