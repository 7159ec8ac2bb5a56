'use strict';
// The operations that need no client (the catalog's kind 'offline', such as the webhook helpers):
// synchronous functions, so they fit any framework's request handler. Each is made once from the
// generated table and runs through the addon's one entry point for them, `invokeOffline(operation,
// argsJson)`, with its arguments checked and put in a JSON object; the same function object is both
// `client.<namespace>.<method>` and, for a namespace whose every operation is offline,
// `<namespace>.<method>` exported by the package itself.

const native = require('./native.js');
const { resources } = require('./generated/operations.js');
const { fromNative, invalidArgument } = require('./errors.js');

/** One argument, checked before it crosses (the core's error about the arguments would not name the caller's value). */
function argument(spec, value) {
  if (value === undefined || value === null) {
    if (spec.required) throw invalidArgument(spec.name, `is required (${expected(spec)})`);
    return null;
  }
  if (spec.bytes && value instanceof Uint8Array) {
    // What a framework hands over (a raw body): decoded as UTF-8; text that is not UTF-8 cannot be JSON,
    // so the core reports it as undecodable like any other bad JSON.
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  }
  if (typeof value !== spec.type) throw invalidArgument(spec.name, `must be ${expected(spec)}`);
  return value;
}

function expected(spec) {
  const kind = spec.type === 'string' ? 'a string' : `a ${spec.type}`;
  return spec.bytes ? `${kind}, a Buffer or a Uint8Array` : kind;
}

function offlineFunction(spec) {
  return function offline(params) {
    const args = Object.fromEntries(spec.args.map((arg) => [arg.name, argument(arg, params?.[arg.name])]));
    let result;
    try {
      result = native.invokeOffline(spec.operation, JSON.stringify(args));
    } catch (thrown) {
      throw fromNative(thrown);
    }
    return JSON.parse(result);
  };
}

/** operation name -> its function, for every offline operation. */
const functions = new Map();
/** The namespaces whose every operation is offline, as the package exports them: { webhooks: {...} }. */
const namespaces = {};

for (const [resource, methods] of Object.entries(resources)) {
  const offline = Object.entries(methods).filter(([, spec]) => spec.kind === 'offline');
  if (offline.length > 0 && typeof native.invokeOffline !== 'function') {
    throw new Error('hamsa: the native addon has no invokeOffline; rebuild it');
  }
  for (const [, spec] of offline) {
    functions.set(spec.operation, offlineFunction(spec));
  }
  if (offline.length > 0 && offline.length === Object.keys(methods).length) {
    namespaces[resource] = Object.freeze(Object.fromEntries(offline.map(([method, spec]) => [method, functions.get(spec.operation)])));
  }
}

/** The function of an offline operation, by name. */
function offlineOperation(operation) {
  return functions.get(operation);
}

module.exports = { offlineOperation, namespaces };
