/**
 * A parsed error with its secrets masked, for the error views and their "copy" buttons: an error
 * message often quotes the request that failed ("401 for Authorization: Bearer …"). Text parts
 * (headline, body, stack, list items, facts, text sections) go through maskString, structured parts
 * and the raw value through maskValue. The same error object always gives the same masked object,
 * so memoised views don't re-render.
 */
import { maskString, maskValue } from '@/lib/secrets';
import type { Notice, ParsedError } from '../model/types';

const cache = new WeakMap<ParsedError, ParsedError>();

export function maskedError(error: ParsedError): ParsedError {
  let masked = cache.get(error);
  if (!masked) {
    masked = {
      ...error,
      headline: maskString(error.headline),
      body: error.body === null ? null : maskString(error.body),
      stack: error.stack === null ? null : maskString(error.stack),
      list: error.list === null ? null : error.list.map(maskString),
      facts: error.facts.map(([k, v]) => [k, maskString(v)] as const),
      sections: error.sections.map((s) => ({ ...s, value: typeof s.value === 'string' ? maskString(s.value) : maskValue(s.value).value })),
      raw: typeof error.raw === 'string' ? maskString(error.raw) : maskValue(error.raw).value,
    };
    cache.set(error, masked);
  }
  return masked;
}

const noticeCache = new WeakMap<readonly Notice[], readonly Notice[]>();

/**
 * Notices with their text masked: a message or a raw value can quote data (a URL with a token in
 * its query). A link's address is masked too (it works again once secrets are revealed).
 */
export function maskedNotices(notices: readonly Notice[]): readonly Notice[] {
  if (notices.length === 0) return notices;
  let masked = noticeCache.get(notices);
  if (!masked) {
    masked = notices.map((n) => ({
      ...n,
      message: maskString(n.message),
      ...(n.details ? { details: n.details.map(([k, v]) => [k, maskString(v)] as const) } : {}),
      ...(n.href ? { href: maskString(n.href) } : {}),
    }));
    noticeCache.set(notices, masked);
  }
  return masked;
}
