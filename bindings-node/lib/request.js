'use strict';
// Runs one native call with the caller's AbortSignal. Each call with a signal gets its own CancelToken and
// at most ONE 'abort' listener ({ once: true }), removed as soon as the call settles, so a long-lived
// signal shared by many requests does not collect listeners. Without a signal there is no token.

const native = require('./native.js');
const { fromNative, abortedError } = require('./errors.js');

/**
 * @template T
 * @param {AbortSignal | undefined} signal
 * @param {(token: object | undefined) => Promise<T>} start calls the addon with the token (none without a signal)
 * @returns {Promise<T>}
 */
async function cancellable(signal, start) {
  if (signal === undefined) {
    try {
      return await start(undefined);
    } catch (thrown) {
      throw fromNative(thrown);
    }
  }
  if (signal.aborted) throw abortedError(signal);
  const token = new native.CancelToken();
  const onAbort = () => token.cancel();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await start(token);
  } catch (thrown) {
    throw fromNative(thrown, signal);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

module.exports = { cancellable };
