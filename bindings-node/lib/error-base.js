'use strict';
// The root of the SDK's error classes. The per-code subclasses are generated from the catalog
// (./generated/errors.js); this file holds what they share.

class HamsaError extends Error {
  /**
   * @param {string} message the core's message (never holds a secret)
   * @param {object} [details] the core error's fields: code, status, messageKey, requestId, attempts,
   *   field, causeCode, bodySnippet, retryable; and `cause` (the standard Error option)
   */
  constructor(message, details = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    /** The stable machine code, e.g. 'not_found'. */
    this.code = details.code ?? 'internal';
    this.status = details.status ?? null;
    this.messageKey = details.messageKey ?? null;
    this.requestId = details.requestId ?? null;
    /** Every attempt made, in order: { outcome: '503' | 'timeout' | 'connect_failed' | ..., delayBeforeMs }. */
    this.attempts = Object.freeze([...(details.attempts ?? [])].map((a) => Object.freeze({ ...a })));
    this.field = details.field ?? null;
    /** For 'outcome_unknown': the code of the failure that left the outcome unknown. */
    this.causeCode = details.causeCode ?? null;
    this.bodySnippet = details.bodySnippet ?? null;
    /** True when repeating the operation later is known to be harmless for this failure. */
    this.retryable = details.retryable ?? false;
  }
}

module.exports = { HamsaError };
