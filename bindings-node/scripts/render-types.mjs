// Renders index.d.ts: the catalog's JSON Schemas as TypeScript, plus the hand-written shapes of the
// client, options, pages and errors (in ./types-template.mjs).
//
// Mapping rules: `$ref` -> the definition's name; open enums (`x-open-enum`) -> a union of the known
// values and `(string & {})` (unknown values type-check, editors still suggest the known ones); the
// `Secret` definition -> `string`; integers -> number; a schema that says nothing (`true`, description
// only) -> unknown. Objects with `additionalProperties: true` (results, which keep unknown fields) get an
// index signature; request parameters do not, so a misspelt argument fails type-checking.

import { camel, pascal, errorClassName, BINDING_ERROR_CODES } from './names.mjs';
import { clientTemplate } from './types-template.mjs';

const REF = '#/$defs/';

function doc(text, indent = '') {
  if (!text) return '';
  const lines = String(text).trim().replaceAll('*/', '*\\/').split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

const literal = (value) => JSON.stringify(value).replaceAll("'", "\\'").replace(/^"(.*)"$/, "'$1'");
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

function union(types) {
  const unique = [...new Set(types)];
  if (unique.includes('unknown')) return 'unknown';
  return unique.join(' | ');
}

/** The TypeScript type for a schema; `indent` for inline object literals. */
export function tsType(schema, indent = '') {
  if (schema === true || schema === undefined) return 'unknown';
  if (schema === false) return 'never';
  if (schema.$ref) {
    if (!schema.$ref.startsWith(REF)) throw new Error(`unsupported $ref ${schema.$ref}`);
    return schema.$ref.slice(REF.length);
  }
  if (schema['x-open-enum']) {
    const known = schema.anyOf.flatMap((member) => member.enum ?? []);
    return [...known.map(literal), '(string & {})'].join(' | ');
  }
  if (schema.enum) return union(schema.enum.map(literal));
  if (schema.const !== undefined) return literal(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return union(alternatives.map((member) => tsType(member, indent)));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return 'unknown';
  return union(types.map((type) => primitive(type, schema, indent)));
}

function primitive(type, schema, indent) {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const item = tsType(schema.items, indent);
      return /^[\w.]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
    }
    case 'object':
      return schema.properties ? `{\n${members(schema, `${indent}  `)}${indent}}` : 'Record<string, unknown>';
    default:
      throw new Error(`unsupported JSON Schema type ${type}`);
  }
}

/** The members of an object schema, one per line. */
function members(schema, indent) {
  const required = new Set(schema.required ?? []);
  let out = '';
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const secret = property?.['x-secret'] || property?.$ref === `${REF}Secret` ||
      (property?.anyOf ?? []).some((member) => member.$ref === `${REF}Secret`);
    // Said once: the core's description may already say it.
    const note = secret && !/secret/i.test(property?.description ?? '') ? 'A secret: never logged nor put in error messages.' : '';
    out += doc([property?.description, note].filter(Boolean).join('\n'), indent);
    out += `${indent}${key(name)}${required.has(name) ? '' : '?'}: ${tsType(property, indent)};\n`;
  }
  if (schema.additionalProperties === true) {
    out += `${indent}/** Fields this SDK version does not know are kept. */\n${indent}[key: string]: unknown;\n`;
  }
  return out;
}

function definition(name, schema) {
  const header = doc(schema.description);
  if (name === 'Secret') return `${doc('A secret value (an API key, a token): sent as is, never logged.')}export type Secret = string;\n`;
  if (schema.type === 'object' && schema.properties) return `${header}export interface ${name} {\n${members(schema, '  ')}}\n`;
  return `${header}export type ${name} = ${tsType(schema)};\n`;
}

/** The name of an operation's request type: the definition it refers to, or a new name for inline ones. */
function requestTypeName(op) {
  return op.request.$ref ? tsType(op.request) : `${pascal(op.resource)}${pascal(op.method)}Params`;
}

/** The item type of a paged operation: the one array-of-$ref member of its page type. */
function itemType(op, definitions) {
  const page = definitions[tsType(op.response)];
  const arrays = Object.values(page?.properties ?? {}).filter((p) => p.items?.$ref);
  if (arrays.length !== 1) throw new Error(`cannot tell the item type of ${op.name}'s pages`);
  return tsType(arrays[0].items);
}

function hasRequired(op, definitions) {
  const schema = op.request.$ref ? definitions[tsType(op.request)] : op.request;
  return (schema.required ?? []).length > 0;
}

function method(op, definitions) {
  const params = requestTypeName(op);
  const optional = hasRequired(op, definitions) ? '' : '?';
  const result = tsType(op.response);
  const summary = doc(op.summary, '  ');
  const name = camel(op.method);
  switch (op.kind) {
    case 'invoke':
      return `${summary}  ${name}(params${optional}: ${params}, options?: RequestOptions): Promise<${result}>;\n`;
    case 'paged': {
      const pagedDoc = doc(`${op.summary}\n\nIterate it for every item of every page (\`for await\`), or use \`.pages()\`, \`.firstPage()\`, \`.toArray()\`.`, '  ');
      return `${pagedDoc}  ${name}(params${optional}: ${params}, options?: RequestOptions): PageIterator<${itemType(op, definitions)}, ${result}>;\n`;
    }
    case 'local':
      return `${summary}  ${name}(params: ${params}): ${result};\n`;
    default:
      throw new Error(`unknown kind ${op.kind}`);
  }
}

/** Inline request schemas of helpers, as named interfaces. The webhook body may also be bytes. */
function helperParams(op) {
  const schema = structuredClone(op.request);
  if (op.name === 'webhooks.parse') schema.properties.body = { description: 'The raw request body, exactly as received.', type: 'string' };
  if (op.name === 'webhooks.verify') {
    schema.properties.authorization.description = "The request's Authorization header value; null or undefined when it had none.";
  }
  const text = definition(requestTypeName(op), { ...schema, description: `Parameters of \`${op.resource}.${camel(op.method)}\`.` });
  return text.replace('body: string;', 'body: string | Uint8Array;');
}

export function renderTypes(catalog, operations, header) {
  const definitions = catalog.definitions;
  const models = Object.entries(definitions).map(([name, schema]) => definition(name, schema));
  const helpers = operations.filter((op) => !op.request.$ref).map(helperParams);

  const resources = new Map();
  for (const op of operations) {
    if (!resources.has(op.resource)) resources.set(op.resource, []);
    resources.get(op.resource).push(method(op, definitions));
  }
  const interfaces = [...resources].map(
    ([resource, methods]) => `/** \`client.${camel(resource)}\` */\nexport interface ${pascal(resource)}Resource {\n${methods.join('')}}\n`,
  );
  const namespaces = [...resources.keys()].map((resource) => `  readonly ${camel(resource)}: ${pascal(resource)}Resource;`);

  const codes = [...catalog.errorCodes, ...BINDING_ERROR_CODES];
  const errorClasses = codes.map(
    (code) => `export declare class ${errorClassName(code)} extends HamsaError {\n  readonly code: '${code}';${code === 'cancelled' ? "\n  /** 'AbortError', like an aborted fetch. */\n  readonly name: 'AbortError';" : ''}\n}\n`,
  );

  return [
    `// ${header}\n`,
    clientTemplate({ namespaces: namespaces.join('\n'), errorCodes: codes.map(literal).join(' | ') }),
    '// Errors: one class per code.\n',
    errorClasses.join('\n'),
    '\n// Namespaces of the client.\n',
    interfaces.join('\n'),
    '\n// Parameters of the helper operations.\n',
    helpers.join('\n'),
    '\n// Models and parameters, from the core\'s JSON Schemas.\n',
    models.join('\n'),
  ].join('\n');
}
