// Naming rules shared by the generator and the conformance runner: the core's snake_case names in
// JavaScript's casing.

/** 'create_twilio' -> 'createTwilio'. */
export const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** 'phone_numbers' -> 'PhoneNumbers'. */
export const pascal = (name) => {
  const c = camel(name);
  return c[0].toUpperCase() + c.slice(1);
};

/** 'not_found' -> 'NotFoundError'; 'api_error' -> 'ApiError' (no doubled suffix). */
export const errorClassName = (code) => {
  const base = pascal(code);
  return base.endsWith('Error') ? base : `${base}Error`;
};

/** Codes a binding adds to the core's list (docs/bindings.md: only "internal"). */
export const BINDING_ERROR_CODES = ['internal'];
