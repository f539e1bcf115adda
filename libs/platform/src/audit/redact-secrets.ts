export const REDACTED = '[redacted]';

/** Field names that hold credentials, whatever resource they appear in. */
const SECRET_NAME = /^(api_?)?key$|secret|password|passphrase|token|hash$|^key_?prefix$/i;
/** A staff API key's or a webhook signing secret's text, should one sit under an innocent name. */
const API_KEY_TEXT = /vafa_sk_|whsec_/i;

/**
 * A copy of `value` fit for the audit log: fields named like credentials and any text that holds
 * an API key are replaced by "[redacted]". Dates become ISO strings, as JSON would write them.
 */
export function redactSecrets(value: unknown): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'string') {
    return API_KEY_TEXT.test(value) ? REDACTED : value;
  }
  if (Array.isArray(value)) {
    return value.map(redactSecrets);
  }
  if (typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(value)) {
      if (field === undefined) {
        continue;
      }
      copy[name] = SECRET_NAME.test(name) ? REDACTED : redactSecrets(field);
    }
    return copy;
  }
  if (typeof value === 'bigint') {
    return value.toString();
  }
  return value;
}
