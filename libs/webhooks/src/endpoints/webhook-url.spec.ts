import { DomainError } from '@vafa/platform';
import { checkWebhookUrl } from './webhook-url';

const refusal = (text: string, allowHttp = false): string | undefined => {
  try {
    checkWebhookUrl(text, allowHttp);
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('checkWebhookUrl', () => {
  it('keeps absolute https URLs, normalized', () => {
    expect(checkWebhookUrl('https://Shop.example.com/hooks?x=1', false)).toBe(
      'https://shop.example.com/hooks?x=1',
    );
  });

  it('takes plain http only when allowed', () => {
    expect(refusal('http://shop.example.com/hooks')).toBe('WEBHOOK_URL_NOT_ALLOWED');
    expect(checkWebhookUrl('http://127.0.0.1:8080/x', true)).toBe('http://127.0.0.1:8080/x');
  });

  it.each([
    'shop.example.com/hooks',
    '/hooks',
    'ftp://shop.example.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://user:pw@shop.example.com/',
    'https://token@shop.example.com/',
    `https://shop.example.com/${'a'.repeat(2000)}`,
  ])('refuses %s', (text) => {
    expect(refusal(text, true)).toBe('WEBHOOK_URL_NOT_ALLOWED');
  });
});
