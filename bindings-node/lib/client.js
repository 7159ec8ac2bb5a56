'use strict';
// The Hamsa client. Its namespaces and methods are not written here: they come from the table generated
// from the core's catalog (./generated/operations.js), so a new endpoint needs no hand-written glue.

const native = require('./native.js');
const { resources } = require('./generated/operations.js');
const { clientOptionsJson, requestOptions, argsJson } = require('./options.js');
const { cancellable } = require('./request.js');
const { fromNative } = require('./errors.js');
const { PageIterator } = require('./pagination.js');
const { offlineOperation } = require('./offline.js');

class Hamsa {
  #native;

  /** @param {object} [options] apiKey (else HAMSA_API_KEY), baseUrl, region, timeout, maxRetries, ... */
  constructor(options) {
    try {
      this.#native = new native.NativeClient(clientOptionsJson(options));
    } catch (thrown) {
      throw fromNative(thrown);
    }
    for (const [resource, methods] of Object.entries(resources)) {
      const namespace = {};
      for (const [method, spec] of Object.entries(methods)) namespace[method] = this.#method(spec);
      Object.defineProperty(this, resource, { value: Object.freeze(namespace), enumerable: true });
    }
  }

  #method({ operation, kind, items }) {
    const client = this.#native;
    switch (kind) {
      case 'plain':
      case 'waiter': // polls in the core: one promise like any other
        // No `async` wrapper: the promise is the addon's, with one `.then` for the result. A bad argument
        // still rejects (it is never thrown), like any request error.
        return (params, options) => {
          try {
            const { json, signal } = requestOptions(options);
            const args = argsJson(params);
            if (signal === undefined) return client.invoke(operation, args, json).then(JSON.parse, rethrow);
            return cancellable(signal, (token) => client.invoke(operation, args, json, token)).then(JSON.parse);
          } catch (error) {
            return Promise.reject(error);
          }
        };
      case 'paged':
        // Lazily converted: a bad argument surfaces when the list is iterated, like any request error.
        return (params, options) =>
          new PageIterator(client, operation, items, () => argsJson(params), () => requestOptions(options));
      case 'offline':
        // Needs no client: the package's one function for it (`client.webhooks.verify === webhooks.verify`).
        return offlineOperation(operation);
      default:
        throw new Error(`hamsa: unknown operation kind ${kind} for ${operation}`);
    }
  }
}

/** What the addon rejected with, as the SDK's error (requests without an AbortSignal). */
function rethrow(thrown) {
  throw fromNative(thrown);
}

module.exports = { Hamsa };
