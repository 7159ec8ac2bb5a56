'use strict';
// The CommonJS entry point. index.mjs re-exports these same objects for `import`, so one class
// identity serves both module systems and `instanceof` works across them.

const { Hamsa } = require('./lib/client.js');
const { HamsaError } = require('./lib/error-base.js');
const { errorClasses, ...errors } = require('./lib/generated/errors.js');
const { PageIterator } = require('./lib/pagination.js');
const { webhooks } = require('./lib/webhooks.js');
const { sdkVersion } = require('./lib/generated/operations.js');

module.exports = { Hamsa, HamsaError, ...errors, PageIterator, webhooks, VERSION: sdkVersion };
