// The three ways to call GET /v1/voice-agents/phone-number from Node: the SDK, the global fetch, and
// undici.request (the fastest plain HTTP client for Node). Each `one()` sends one request, decodes the
// JSON and resolves true only for status 200 with the expected id and number; it never throws.

import { Agent, request } from 'undici';
import { Hamsa } from '../../../bindings-node/index.mjs';
import { API_KEY, GET_PATH, PHONE_NUMBER_ID, isExpectedNumber } from './expected.mjs';

export const SDK = 'hamsa';
export const FETCH = 'fetch';
export const UNDICI = 'undici.request';

const HEADERS = { authorization: `Token ${API_KEY}` };

/** Names the contenders in the order they take turns. */
export function makeContenders(server, names = [SDK, FETCH, UNDICI]) {
  const url = new URL(GET_PATH, server).href;
  const makers = { [SDK]: () => sdk(server), [FETCH]: () => viaFetch(url), [UNDICI]: () => viaUndici(url) };
  return names.map((name) => ({ name, one: guarded(makers[name]()) }));
}

function sdk(server) {
  const client = new Hamsa({ apiKey: API_KEY, baseUrl: server, timeout: 10_000 });
  // The SDK throws for any non-2xx or `success: false` answer, so a result is a 200.
  return async () => isExpectedNumber(await client.phoneNumbers.get({ pid: PHONE_NUMBER_ID }));
}

function viaFetch(url) {
  return async () => {
    const response = await fetch(url, { headers: HEADERS, signal: AbortSignal.timeout(10_000) });
    const body = await response.json();
    return response.status === 200 && body.success === true && isExpectedNumber(body.data);
  };
}

function viaUndici(url) {
  // Its own Agent (the same defaults as the global one): npm's undici and the copy inside Node that
  // serves fetch would otherwise share one global dispatcher, depending on which is used first.
  const dispatcher = new Agent();
  return async () => {
    const { statusCode, body } = await request(url, { headers: HEADERS, dispatcher, headersTimeout: 10_000 });
    const json = await body.json();
    return statusCode === 200 && json.success === true && isExpectedNumber(json.data);
  };
}

function guarded(one) {
  return () => one().catch(() => false);
}
