'use strict';
// Webhook helpers: synchronous and client-free, so they fit any framework's handler. Pass the raw
// `Authorization` header value and the raw body (string, Buffer or Uint8Array), not a parsed object:
// re-serializing a parsed body can change it.

const native = require('./native.js');
const { fromNative, invalidArgument } = require('./errors.js');

function call(body) {
  try {
    return body();
  } catch (thrown) {
    throw fromNative(thrown);
  }
}

function text(value, field) {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  throw invalidArgument(field, 'must be a string, a Buffer or a Uint8Array');
}

const webhooks = Object.freeze({
  /** Returns true, or throws WebhookVerificationError. */
  verify(params) {
    const { authorization, authKey, authSecret } = params ?? {};
    if (typeof authKey !== 'string') throw invalidArgument('authKey', 'must be a string');
    if (typeof authSecret !== 'string') throw invalidArgument('authSecret', 'must be a string');
    const header = Array.isArray(authorization) ? authorization[0] : authorization;
    if (header !== undefined && header !== null && typeof header !== 'string') {
      throw invalidArgument('authorization', 'must be a string, null or undefined');
    }
    return call(() => native.webhooksVerify(header ?? null, authKey, authSecret));
  },

  /** The event, or throws DecodeError. */
  parse(params) {
    const body = text(params?.body, 'body');
    return JSON.parse(call(() => native.webhooksParse(body)));
  },
});

module.exports = { webhooks };
