import { describe, expect, it } from 'vitest';
import { parseErrorMessage as parseError } from '../model/error-message';
import type { Notice } from '../model/types';
import { maskedError, maskedNotices } from './masked-error';

const SECRET = 'sk_live_51HqAbCdEfGhIjKlMnOpQr';

describe('masked errors and notices', () => {
  it('masks every text part of an error and its raw value, and keeps the rest', () => {
    const error = parseError(`Request failed\nAuthorization: Bearer ${SECRET}\nat handler (index.js:1:1)`);
    const masked = maskedError(error);
    expect(JSON.stringify(masked)).not.toContain(SECRET);
    expect(String(masked.raw)).toContain('Authorization: Bearer ••••••');
    expect(masked.headline).toBe(error.headline);
    // Same input, same object: memoised views don't re-render.
    expect(maskedError(error)).toBe(masked);
  });

  it('masks structured errors (JSON sections) too', () => {
    const error = parseError(JSON.stringify({ message: 'nope', request: { headers: { authorization: `Bearer ${SECRET}` } } }));
    expect(JSON.stringify(maskedError(error))).not.toContain(SECRET);
  });

  it('masks notice messages, raw values and links', () => {
    const notices: Notice[] = [
      { code: 'x', level: 'info', message: `Stored at https://files.example.test/o?token=${SECRET}`, href: `https://files.example.test/o?token=${SECRET}`, details: [['url', `?access_token=${SECRET}`]] },
    ];
    const masked = maskedNotices(notices);
    expect(JSON.stringify(masked)).not.toContain(SECRET);
    expect(masked[0]!.href).toMatch(/^https:\/\/files\.example\.test\/o\?token=/);
    expect(maskedNotices(notices)).toBe(masked);
  });
});
