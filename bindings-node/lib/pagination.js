'use strict';
// What a paged list method returns: an async iterable over every item of every page, with page access.
// Nothing is sent until it is iterated; each iteration starts again from the first page asked for.

const { cancellable } = require('./request.js');
const { fromNative } = require('./errors.js');

class PageIterator {
  #client;
  #operation;
  #itemsField;
  #args;
  #options;

  /** @internal Made by the client's list methods: `itemsField` is the page field that holds the items
   * (from the catalog); `args` and `options` convert the arguments when called. */
  constructor(client, operation, itemsField, args, options) {
    this.#client = client;
    this.#operation = operation;
    this.#itemsField = itemsField;
    this.#args = args;
    this.#options = options;
  }

  /** Every page, in order: { items, data } where `data` is the whole page as decoded. */
  async *pages() {
    const { json, signal } = this.#options();
    let pager;
    try {
      pager = this.#client.pager(this.#operation, this.#args(), json);
    } catch (thrown) {
      throw fromNative(thrown, signal);
    }
    for (;;) {
      const text = await cancellable(signal, (token) => pager.next(token));
      if (text === null) return;
      const page = JSON.parse(text);
      const items = page?.[this.#itemsField];
      yield { items: Array.isArray(items) ? items : [], data: page };
    }
  }

  async *[Symbol.asyncIterator]() {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Only the first page (one request), as decoded. */
  async firstPage() {
    const { json, signal } = this.#options();
    const args = this.#args();
    const text = await cancellable(signal, (token) => this.#client.invoke(this.#operation, args, json, token));
    return JSON.parse(text);
  }

  /** Every item of every page, in one array. */
  async toArray() {
    const items = [];
    for await (const item of this) items.push(item);
    return items;
  }
}

module.exports = { PageIterator };
