import fc from 'fast-check';

/** `levels` arrays inside each other, built without recursion. */
export function deepArray(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) {
    value = [value];
  }
  return value;
}

/** `levels` objects inside each other, built without recursion. */
export function deepObject(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) {
    value = { a: value };
  }
  return value;
}

/** Any UTF-16 code unit, so NUL and lone surrogates turn up. */
const anyCodeUnitString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 12,
});

const hostileNumbers = [
  0,
  -0,
  -1,
  1.5,
  0.1,
  5e-324,
  -5e-324,
  1e-7,
  9e15,
  1e308,
  -1e308,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 63,
  -(2 ** 63),
  Number.MAX_SAFE_INTEGER,
  32768,
  99999999999,
];

const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800x',
  'x\uDC00',
  '\uDFFF\uD800',
  'x'.repeat(10_000),
  '1e400',
  'NaN',
  '-1',
  '0',
  'true',
  'null',
  '2026-02-30',
  '2026-13-45T99:99:99Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59.999+14:00',
  '1997-09-30',
  '00000000-0000-0000-0000-000000000000',
  "'; DROP TABLE members; --",
  '%00',
  '../../etc/passwd',
  '\u202e\u{1F600}',
  '__proto__',
];

const hostileStructures = [[], [[]], [null], [{}], [[], []], {}, { a: 1 }, [1, 2], ['x']];

/** A JSON value chosen to break code that trusts its input's type, size or shape. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...hostileNumbers) },
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileStructures) },
  { weight: 1, arbitrary: fc.constantFrom(deepArray(3000), deepObject(3000)) },
  { weight: 1, arbitrary: anyCodeUnitString },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const base64url = (value: string): string => Buffer.from(value).toString('base64url');

const cursorElement = fc.constantFrom<unknown>(
  'x',
  '',
  1,
  -1,
  1.5,
  1e308,
  null,
  true,
  [],
  {},
  '2026-01-01T00:00:00.000Z',
  '275760-09-13T00:00:00.000Z',
  'not a date',
  '00000000-0000-0000-0000-000000000000',
  'a\u0000b',
  '\uD800',
  '1',
  '99999999999999999999',
);

/** Cursors that decode, but to the wrong shape; and some that do not decode at all. */
export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc.array(cursorElement, { minLength: 0, maxLength: 4 }).map((a) => base64url(JSON.stringify(a))),
  fc.constantFrom(
    base64url('["x","y"]'),
    base64url('[1e400,"x"]'),
    base64url('{}'),
    base64url('null'),
    base64url('"x"'),
    base64url('not json'),
    '!!!',
    '',
    'x'.repeat(501),
  ),
);

/** Query values, already percent-encoded: malformed escapes, NUL, an encoded lone surrogate. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '%00',
    'a%00b',
    '%ED%A0%80',
    '%C0%80',
    '%FF',
    '%',
    '%E0%A4%A',
    '-1',
    '0',
    '1.5',
    '1e400',
    '9e15',
    '201',
    '99999999999999999999',
    'abc',
    'true',
    '2026-02-30',
    '0000-01-01',
    '9999-12-31T23:59:59Z',
    'x'.repeat(3000),
  ),
  hostileJson.map((v) => encodeURIComponent(JSON.stringify(v) ?? '').slice(0, 3000)),
);

/** Path segments, already percent-encoded. */
export const hostilePathSegment: fc.Arbitrary<string> = fc.constantFrom(
  'x',
  '0',
  '-1',
  '00000000-0000-0000-0000-000000000000',
  '6F1C2A9E-6B7D-4A53-8D5E-0B9F6F1E2C11',
  '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c1',
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF',
  '%',
  'x'.repeat(300),
  '1e400',
  '%20',
  '%2F',
  '..',
);

/** Bodies that are not the JSON object asked for: raw text with a content type. */
export const hostileRawBody: fc.Arbitrary<{ contentType: string; text: string }> = fc.constantFrom(
  { contentType: 'application/json', text: '{"a":' },
  { contentType: 'application/json', text: 'null' },
  { contentType: 'application/json', text: '[]' },
  { contentType: 'application/json', text: '"x"' },
  { contentType: 'application/json', text: '1' },
  { contentType: 'application/json', text: '{"__proto__": {"admin": true}}' },
  { contentType: 'application/json', text: '{"constructor": {"prototype": {"x": 1}}}' },
  { contentType: 'application/json', text: '{"a": 1, "a": 2}' },
  { contentType: 'application/json', text: '{"a": "\\ud800"}' },
  { contentType: 'application/json', text: '{"a": "\\u0000"}' },
  { contentType: 'application/json; charset=latin1', text: '{}' },
  { contentType: 'text/plain', text: 'hello' },
  { contentType: 'application/x-www-form-urlencoded', text: 'a[b][c]=1&__proto__[x]=1' },
  { contentType: 'application/octet-stream', text: '\u0000\u0001' },
);

/** Idempotency keys that are not what a client should send. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.constantFrom(
  '',
  ' ',
  'x'.repeat(300),
  'x'.repeat(5000),
  'é',
  'a b',
);
