// What the canned server (bench/server) answers, so that every contender's answer is checked, not only
// counted; and where the SDK under test lives (the checkout's bindings-node, not a published package).

import { fileURLToPath } from 'node:url';

export const PHONE_NUMBER_ID = 'd949f13f-40d2-4e48-ac86-b66633070603';
export const PHONE_NUMBER = '+9700000000';
export const API_KEY = 'bench';
export const GET_PATH = `/v1/voice-agents/phone-number?pid=${PHONE_NUMBER_ID}`;
export const SDK_DIR = fileURLToPath(new URL('../../../bindings-node/', import.meta.url));

/** True for the data of the expected phone number. */
export function isExpectedNumber(data) {
  return data?.id === PHONE_NUMBER_ID && data?.number === PHONE_NUMBER;
}
