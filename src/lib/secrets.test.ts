import { describe, expect, it } from 'vitest';
import { LosslessNumber } from '@/lib/json-body';
import {
  countSecrets,
  isSecretKey,
  isSecretString,
  MASK,
  MASK_INLINE,
  maskSecretsInText,
  maskValue,
  REDACTED,
} from './secrets';

function deep(levels: number, leaf: unknown): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < levels; i++) v = { next: v };
  return v;
}

const SECRET_KEY_EXAMPLES = [
  'authorization',
  'Authorization',
  'AUTHORIZATION',
  'Proxy-Authorization',
  'cookie',
  'Set-Cookie',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'accessToken',
  'x-auth-token',
  'X-CSRF-Token',
  'ACCESS_TOKEN',
  'secret',
  'client_secret',
  'clientSecret',
  'webhook-secret',
  'password',
  'Password',
  'db_password',
  'newPassword',
  'passwd',
  'pwd',
  'api_key',
  'apiKey',
  'API-KEY',
  'x-api-key',
  'X-Api-Key',
  'apikey',
  'stripeApiKey',
  'openai_api_key',
  'private_key',
  'privateKey',
  'auth',
  'session',
  'sessionid',
  'session_id',
  'credentials',
  'signature',
  'x-storehooks-signature',
  'X-Hub-Signature',
  'connection_string',
  'passphrase',
];

describe('isSecretKey', () => {
  it.each(SECRET_KEY_EXAMPLES)('masks %s', (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each([
    'tokens_used',
    'max_tokens',
    'maxTokens',
    'token_count',
    'tokenizer',
    'token_type',
    'authorName',
    'author',
    'authType',
    'Idempotency-Key',
    'memKey',
    'memoryKey',
    'key',
    'sid',
    'Content-Type',
    'passwordPolicy',
    'secretName',
    'signatureAlgorithm',
    'x-ratelimit-remaining',
    'sessions_count',
  ])('leaves %s visible', (key) => {
    expect(isSecretKey(key)).toBe(false);
  });
});

describe('isSecretString', () => {
  it.each([
    'Bearer abc12345',
    'bearer eyJhbGciOiJIUzI1NiJ9',
    `Basic ${btoa('user:pass')}`,
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl',
    'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
    'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
    'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
    'xoxb-1234567890-abcdefghij',
    'xoxp-1234567890-abcdefghij',
    'AKIAIOSFODNN7EXAMPLE',
  ])('recognises %s', (s) => {
    expect(isSecretString(s)).toBe(true);
  });

  it.each([
    REDACTED,
    'billing',
    'Bearer token expired',
    'Basic authentication failed',
    'Basic plan',
    'skip_live_run',
    'The request used a bearer token',
    '{"looks":"like json"}',
  ])('does not treat %s as a secret', (s) => {
    expect(isSecretString(s)).toBe(false);
  });
});

describe('maskSecretsInText', () => {
  it('masks a bearer token quoted inside an error message, keeping the rest', () => {
    const r = maskSecretsInText(
      '401 Unauthorized (Authorization: Bearer a1b2c3d4e5f6g7h8) retry later',
    );
    expect(r.text).toBe(`401 Unauthorized (Authorization: Bearer ${MASK_INLINE}) retry later`);
    expect(r.count).toBe(1);
  });

  it('masks secret values of a JSON body quoted in a string', () => {
    const r = maskSecretsInText('{"user":"ann","password":"hunter2","note":"x"}');
    expect(r.text).toBe(`{"user":"ann","password":"${MASK_INLINE}","note":"x"}`);
  });

  it('masks tokens in URL queries and URL credentials', () => {
    const r = maskSecretsInText(
      'GET https://bob:s3cret@api.example.test/v1?access_token=abc123&page=2',
    );
    expect(r.text).toBe(
      `GET https://bob:${MASK_INLINE}@api.example.test/v1?access_token=${MASK_INLINE}&page=2`,
    );
    expect(r.count).toBe(2);
  });

  it.each(SECRET_KEY_EXAMPLES)(
    'masks the value of %s in a JSON text (quick pre-check lets it through)',
    (key) => {
      const r = maskSecretsInText(`{"${key}":"abc123","n":1}`);
      expect(r.text).toBe(`{"${key}":"${MASK_INLINE}","n":1}`);
    },
  );

  it('leaves ordinary prose and the engine placeholder alone (same string back)', () => {
    const s = 'invalid_token: The access token expired; password: **REDACTED**; max_tokens=300';
    expect(maskSecretsInText(s)).toEqual({ text: s, count: 0 });
  });

  it('scans a multi-megabyte string quickly', () => {
    const blob = 'QUJD+/'.repeat(2_000_000) + ' Bearer a1b2c3d4e5f6';
    const t0 = performance.now();
    const r = maskSecretsInText(blob);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.text.endsWith(`Bearer ${MASK_INLINE}`)).toBe(true);
  });
});

describe('maskValue', () => {
  it('masks header values under secret keys and leaves the others', () => {
    const input = {
      headers: {
        Authorization: 'Bearer abc',
        Cookie: 'sid=1; theme=dark',
        'Content-Type': 'application/json',
        'x-api-key': 'k-12345',
      },
      max_tokens: 300,
    };
    const r = maskValue(input);
    expect(r.value).toEqual({
      headers: {
        Authorization: MASK,
        Cookie: MASK,
        'Content-Type': 'application/json',
        'x-api-key': MASK,
      },
      max_tokens: 300,
    });
    expect(r.count).toBe(3);
    expect(r.tooDeep).toBe(false);
  });

  it('never mutates the input and shares untouched subtrees', () => {
    const untouched = { a: [1, 2, 3] };
    const input = { untouched, nested: { password: 'p4ss' } };
    const snapshot = JSON.stringify(input);
    const r = maskValue(input);
    expect(JSON.stringify(input)).toBe(snapshot);
    const out = r.value as typeof input;
    expect(out).not.toBe(input);
    expect(out.untouched).toBe(untouched);
    expect(out.nested).toEqual({ password: MASK });
  });

  it('returns the same reference when there is nothing to mask', () => {
    const input = { a: { b: ['x', 1, null, true] } };
    const r = maskValue(input);
    expect(r.value).toBe(input);
    expect(r.count).toBe(0);
  });

  it('masks inside nested arrays', () => {
    const input = [[{ token: 't1' }, { token: 't2' }], [['Bearer zzzzzzzz9', 'plain']]];
    const r = maskValue(input);
    expect(r.value).toEqual([[{ token: MASK }, { token: MASK }], [[MASK, 'plain']]]);
    expect(r.count).toBe(3);
  });

  it('masks a secret key whatever the value type, but keeps null, booleans, "" and **REDACTED**', () => {
    const input = {
      auth: { username: 'u', password: 'p' },
      api_key: 123456,
      credentials: ['a', 'b'],
      token: null,
      session: true,
      secret: '',
      Authorization: REDACTED,
    };
    const r = maskValue(input);
    expect(r.value).toEqual({
      auth: MASK,
      api_key: MASK,
      credentials: MASK,
      token: null,
      session: true,
      secret: '',
      Authorization: REDACTED,
    });
    expect(r.count).toBe(3);
  });

  it('leaves the engine placeholder **REDACTED** visible everywhere', () => {
    const input = { auth: REDACTED, headers: { Authorization: REDACTED }, list: [REDACTED] };
    const r = maskValue(input);
    expect(r.value).toBe(input);
    expect(r.count).toBe(0);
  });

  it('keeps LosslessNumber instances (by reference) and masks one under a secret key', () => {
    const big = new LosslessNumber('12345678901234567890');
    const r = maskValue({ id: big, pin: 1, token: new LosslessNumber('98765432109876543210') });
    const out = r.value as { id: unknown; token: unknown };
    expect(out.id).toBe(big);
    expect(out.token).toBe(MASK);
  });

  it('keeps harmless keys visible', () => {
    const input = {
      tokens_used: 10,
      max_tokens: 20,
      token_count: 3,
      authorName: 'Ann',
      maxTokens: 5,
    };
    expect(maskValue(input).value).toBe(input);
  });

  it('keeps "__proto__" an own key of the copy and never touches Object.prototype', () => {
    const input = JSON.parse('{"__proto__":{"polluted":1},"password":"x"}') as Record<
      string,
      unknown
    >;
    const out = maskValue(input).value as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__', 'password']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('walks a value nested 5,000 levels deep without overflowing the stack', () => {
    const r = maskValue(deep(5000, { password: 'deep-secret' }));
    expect(r.count).toBe(1);
    expect(r.tooDeep).toBe(false);
    let v = r.value as { next?: unknown; password?: unknown };
    for (let i = 0; i < 5000; i++) v = v.next as typeof v;
    expect(v.password).toBe(MASK);
  });

  it('walks 100,000 levels too', () => {
    expect(maskValue(deep(100_000, 'Bearer abcdefgh1')).count).toBe(1);
  });

  it('fails closed when a limit stops the walk', () => {
    const r = maskValue(deep(50, { password: 'x' }), { maxDepth: 10 });
    expect(r.tooDeep).toBe(true);
    expect(JSON.stringify(r.value)).not.toContain('"x"');
    const r2 = maskValue(
      Array.from({ length: 100 }, (_, i) => `v${i}`),
      { maxNodes: 10 },
    );
    expect(r2.tooDeep).toBe(true);
    expect((r2.value as unknown[])[50]).toBe(MASK);
  });

  it('masks a top-level secret string', () => {
    expect(maskValue('Bearer abcdefgh1')).toEqual({ value: MASK, count: 1, tooDeep: false });
    expect(maskValue(0)).toEqual({ value: 0, count: 0, tooDeep: false });
  });
});

describe('countSecrets', () => {
  const headers = { Authorization: 'Bearer x', Cookie: 'a=b', 'set-cookie': ['c=d'], host: 'h' };

  it('counts what maskValue masks', () => {
    const input = { steps: [headers, headers, { note: 'call with Bearer abcdef123456' }] };
    expect(countSecrets(input)).toBe(7);
    expect(countSecrets(input)).toBe(maskValue(input).count);
  });

  it('stops at the limit', () => {
    const many = Array.from({ length: 1000 }, () => ({ token: 'x' }));
    expect(countSecrets(many, 5)).toBe(5);
  });

  it('counts zero for clean data and REDACTED placeholders', () => {
    expect(countSecrets({ a: 1, auth: REDACTED })).toBe(0);
  });
});
