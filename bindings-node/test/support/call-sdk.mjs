// Runs a scenario's operation through the PUBLIC JavaScript API, as a user would write it: the core's
// snake_case operation name becomes `client.<resource>.<method>` in camelCase, and the suite's option
// names (timeoutMs...) become the package's (timeout...).

import { Hamsa, HamsaError } from 'hamsa';
import { createRequire } from 'node:module';
import { camel } from '../../scripts/names.mjs';

const { CLIENT_OPTIONS, REQUEST_OPTIONS } = createRequire(import.meta.url)('../../lib/options.js');

/** The package's name for each of the core's option names: { timeoutMs: 'timeout', ... }. */
const reverse = (table) => Object.fromEntries(Object.entries(table).map(([ours, core]) => [core, ours]));
const CLIENT_NAMES = reverse(CLIENT_OPTIONS);
const REQUEST_NAMES = reverse(REQUEST_OPTIONS);

/** Unknown names are kept as they are, so the package refuses them and the scenario shows it. */
const rename = (options, names) =>
  Object.fromEntries(Object.entries(options ?? {}).map(([key, value]) => [names[key] ?? key, value]));

/** { result } or { error }. Any non-HamsaError thrown is a binding bug and is rethrown. */
export async function callSdk(scenario, clientOptions) {
  try {
    const client = new Hamsa(rename(clientOptions, CLIENT_NAMES));
    const [resource, method] = scenario.operation.split('.').map(camel);
    const fn = client[resource]?.[method];
    if (typeof fn !== 'function') throw new Error(`the package has no client.${resource}.${method}`);
    const args = scenario.args ?? {};
    if (resource === 'webhooks') return { result: fn(args) };
    const options = scenario.options ? rename(scenario.options, REQUEST_NAMES) : undefined;
    const call = fn(args, options);
    if (typeof call?.toArray === 'function') return { result: await (scenario.paginate ? call.toArray() : call.firstPage()) };
    return { result: await call };
  } catch (error) {
    if (error instanceof HamsaError) return { error };
    throw error;
  }
}
