import { webhookUrlNotAllowed } from '../webhooks.errors';

export const WEBHOOK_URL_MAX_LENGTH = 2000;

/**
 * The URL as stored, or WEBHOOK_URL_NOT_ALLOWED: absolute http(s) without credentials, and
 * https unless plain http is allowed. Where it points is checked when connecting (private,
 * loopback and link-local addresses are refused then, whatever DNS says by that time).
 */
export function checkWebhookUrl(text: string, allowHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw webhookUrlNotAllowed('The url must be an absolute http or https URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw webhookUrlNotAllowed('The url must be an absolute http or https URL.');
  }
  if (url.protocol === 'http:' && !allowHttp) {
    throw webhookUrlNotAllowed('The url must use https (plain http is not enabled here).');
  }
  if (url.username || url.password) {
    throw webhookUrlNotAllowed('The url must not carry a user name or password.');
  }
  if (!url.hostname) {
    throw webhookUrlNotAllowed('The url must name a host.');
  }
  const normalized = url.toString();
  if (normalized.length > WEBHOOK_URL_MAX_LENGTH) {
    throw webhookUrlNotAllowed(`The url must be at most ${WEBHOOK_URL_MAX_LENGTH} characters.`);
  }
  return normalized;
}
