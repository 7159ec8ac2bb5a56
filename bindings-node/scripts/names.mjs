// The core's snake_case names in JavaScript's casing, for the conformance runner
// (test/support/call-sdk.mjs). The generator (codegen/backends/typescript.py) names things itself.

/** 'create_twilio' -> 'createTwilio'. */
export const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
