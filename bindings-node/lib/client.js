'use strict';
// The Hamsa client. Its namespaces and methods are not written here: they come from the table generated
// from the core's catalog (./generated/operations.js), so a new endpoint needs no hand-written glue.

const native = require('./native.js');
const { resources } = require('./generated/operations.js');
const { clientOptionsJson, requestOptions, argsJson } = require('./options.js');
const { cancellable } = require('./request.js');
const { fromNative } = require('./errors.js');
const { PageIterator } = require('./pagination.js');
const { webhooks } = require('./webhooks.js');

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

  #method({ operation, kind }) {
    const client = this.#native;
    switch (kind) {
      case 'invoke':
        return async (params, options) => {
          const { json, signal } = requestOptions(options);
          const args = argsJson(params);
          const text = await cancellable(signal, (token) => client.invoke(operation, args, json, token));
          return JSON.parse(text);
        };
      case 'paged':
        // Lazily converted: a bad argument surfaces when the list is iterated, like any request error.
        return (params, options) =>
          new PageIterator(client, operation, () => argsJson(params), () => requestOptions(options));
      case 'local':
        return webhooks[operation.split('.')[1]];
      default:
        throw new Error(`hamsa: unknown operation kind ${kind} for ${operation}`);
    }
  }
}

module.exports = { Hamsa };
