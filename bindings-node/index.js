'use strict';
// The CommonJS entry point. index.mjs re-exports these same objects for `import`, so one class
// identity serves both module systems and `instanceof` works across them.

const { Hamsa } = require('./lib/client.js');
const { HamsaError } = require('./lib/error-base.js');
const { errorClasses, ...errors } = require('./lib/generated/errors.js');
const { PageIterator } = require('./lib/pagination.js');
const { namespaces } = require('./lib/offline.js');
const { sdkVersion } = require('./lib/generated/operations.js');

// The error classes and the client-free namespaces (`webhooks`) come from the generated tables;
// index.mjs, generated, lists the same names.
module.exports = { Hamsa, HamsaError, ...errors, PageIterator, ...namespaces, VERSION: sdkVersion };
