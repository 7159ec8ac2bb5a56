'use strict';
// The user's options (idiomatic names, durations in milliseconds) to the core's JSON names. Unknown
// options are refused here rather than ignored: a typo such as `timout` must not pass silently, and the
// core's own spelling (`timeoutMs`) must not become a second, undocumented way in.

const { configurationError, invalidArgument } = require('./errors.js');

const CLIENT_OPTIONS = Object.freeze({
  apiKey: 'apiKey',
  baseUrl: 'baseUrl',
  region: 'region',
  authScheme: 'authScheme',
  timeout: 'timeoutMs',
  connectTimeout: 'connectTimeoutMs',
  deadline: 'deadlineMs',
  maxRetries: 'maxRetries',
  retryInitialDelay: 'retryInitialDelayMs',
  retryMaxDelay: 'retryMaxDelayMs',
  defaultHeaders: 'defaultHeaders',
});

const REQUEST_OPTIONS = Object.freeze({
  timeout: 'timeoutMs',
  deadline: 'deadlineMs',
  maxRetries: 'maxRetries',
  headers: 'headers',
});

function rename(options, table, fail) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw fail('must be an object');
  const out = {};
  for (const [key, value] of Object.entries(options)) {
    if (!Object.hasOwn(table, key)) {
      throw fail(`unknown option ${JSON.stringify(key)}; expected one of ${Object.keys(table).join(', ')}`);
    }
    if (value !== undefined) out[table[key]] = value;
  }
  return out;
}

/** The core's client options as JSON text. The environment is read here, when the client is made (in a
 * Worker, process.env is the Worker's copy, which the native side cannot see). */
function clientOptionsJson(options) {
  const core = rename(options, CLIENT_OPTIONS, (problem) => configurationError(`client options: ${problem}`));
  if (core.apiKey === undefined && process.env.HAMSA_API_KEY !== undefined) core.apiKey = process.env.HAMSA_API_KEY;
  if (core.baseUrl === undefined && process.env.HAMSA_BASE_URL) core.baseUrl = process.env.HAMSA_BASE_URL;
  core.binding = `node/${process.versions.node}`;
  return JSON.stringify(core);
}

/** No per-request options: the addon takes `''` as the core's defaults. */
const NO_OPTIONS = Object.freeze({ json: '', signal: undefined });

/** Splits per-request options into the core's JSON text (`''` when there are none) and the AbortSignal.
 * Throws InvalidArgumentError. */
function requestOptions(options) {
  if (options === undefined || options === null) return NO_OPTIONS;
  const { signal, ...rest } = options;
  if (signal !== undefined && signal !== null && !isAbortSignal(signal)) {
    throw invalidArgument('options', 'signal must be an AbortSignal');
  }
  const core = rename(rest, REQUEST_OPTIONS, (problem) => invalidArgument('options', problem));
  return { json: Object.keys(core).length === 0 ? '' : JSON.stringify(core), signal: signal ?? undefined };
}

function isAbortSignal(value) {
  return typeof value.aborted === 'boolean' && typeof value.addEventListener === 'function';
}

/** Wire-JSON arguments as text; a value JSON cannot carry (a BigInt, a cycle) is an invalid argument. */
function argsJson(params) {
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params))) {
    throw invalidArgument('params', 'must be an object');
  }
  try {
    return JSON.stringify(params ?? {});
  } catch (error) {
    throw invalidArgument('params', `cannot be sent as JSON (${error.message})`);
  }
}

module.exports = { clientOptionsJson, requestOptions, argsJson, CLIENT_OPTIONS, REQUEST_OPTIONS };
