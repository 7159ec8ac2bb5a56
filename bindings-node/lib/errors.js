'use strict';
// Turns what the addon throws into the SDK's error classes. The addon serializes each core error as JSON
// in the napi error's message, marked with "$hamsaError"; anything else thrown across the boundary is a
// bug and becomes an InternalError that keeps the original as its cause.

const { HamsaError } = require('./error-base.js');
const generated = require('./generated/errors.js');

const MARKER = '$hamsaError';

/** An error of class `code` with the core error's fields; `cause` is the standard Error cause. */
function makeError(details, cause) {
  const Class = generated.errorClasses[details.code] ?? generated.errorClasses.internal;
  return new Class(details.message ?? '', {
    code: details.code,
    status: details.status,
    messageKey: details.messageKey,
    requestId: details.requestId,
    attempts: details.attempts,
    field: details.field,
    causeCode: details.cause,
    bodySnippet: details.bodySnippet,
    retryable: details.retryable,
    cause,
  });
}

function parseMarked(message) {
  if (typeof message !== 'string' || !message.startsWith('{')) return null;
  try {
    const details = JSON.parse(message);
    return details && details[MARKER] === true ? details : null;
  } catch {
    return null;
  }
}

/** The SDK error for anything the addon threw or rejected with. `signal`: the request's AbortSignal. */
function fromNative(thrown, signal) {
  if (thrown instanceof HamsaError) return thrown;
  const details = parseMarked(thrown?.message);
  if (details) return makeError(details, details.code === 'cancelled' ? signal?.reason : undefined);
  return makeError({ code: 'internal', message: `unexpected failure in the hamsa native module: ${thrown?.message ?? thrown}` }, thrown);
}

/** The error a request gets when its signal was aborted before it started. */
function abortedError(signal) {
  return makeError({ code: 'cancelled', message: 'the operation was cancelled' }, signal?.reason);
}

function invalidArgument(field, problem) {
  return makeError({ code: 'invalid_argument', message: `${field}: ${problem}`, field });
}

function configurationError(message) {
  return makeError({ code: 'configuration', message });
}

module.exports = { fromNative, abortedError, invalidArgument, configurationError };
