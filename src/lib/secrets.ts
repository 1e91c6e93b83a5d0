/**
 * Secret masking for run data: values under secret-looking keys, bearer-like strings, and secrets
 * embedded in longer text (an error message quoting a request's headers, a URL with a token in its
 * query). Pure and iterative: a value nested 100,000 levels deep is walked with an explicit stack.
 *
 * Used by the JSON view, search, copy and export, so that all of them hide the same values.
 */
import { keepBodyKeyOrder } from '@/lib/json-body';
import { isContainer } from '@/lib/json-shape';

/** What a masked value becomes, in the view and in copies/exports. */
export const MASK = '•••••• (masked)';
/** What a secret embedded inside a longer string becomes: "Authorization: Bearer ••••••". */
export const MASK_INLINE = '••••••';
/** The engine's own placeholder for a connection secret it already removed: shown literally. */
export const REDACTED = '**REDACTED**';

// ---------------------------------------------------------------------------------------------
// Keys

/** Exact names, compared lower-cased with `-`, `_`, `.` and spaces removed. */
const SECRET_KEYS = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'cookies',
  'setcookie',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'authtoken',
  'bearer',
  'secret',
  'secrets',
  'clientsecret',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'apikey',
  'xapikey',
  'privatekey',
  'secretkey',
  'secretaccesskey',
  'auth',
  'session',
  'sessionid',
  'credential',
  'credentials',
  'signature',
  'connectionstring',
]);

/**
 * Suffixes, checked on the key as written, so that `access_token`, `x-auth-token`, `csrfToken`,
 * `webhook_secret`, `newPassword` and `x-hub-signature` match while `max_tokens`, `tokens_used`,
 * `token_count`, `maxTokens`, `tokenizer` and `authorName` don't.
 */
const SECRET_SUFFIX =
  /(?:[-_]token|[a-z0-9]Token|[-_]secret|[a-z0-9]Secret|password|[-_]signature|[a-z0-9]Signature)$/;
const SECRET_SUFFIX_I = /(?:[-_](?:token|secret|signature)|password)$/i;

const keyCache = new Map<string, boolean>();

function computeIsSecretKey(key: string): boolean {
  const norm = key.toLowerCase().replace(/[-_.\s]/g, '');
  if (SECRET_KEYS.has(norm)) return true;
  if (norm.endsWith('apikey') || norm.endsWith('privatekey')) return true;
  return SECRET_SUFFIX.test(key) || SECRET_SUFFIX_I.test(key);
}

/** True for keys whose value is a credential: `Authorization`, `set-cookie`, `api_key`, … (any case). */
export function isSecretKey(key: string): boolean {
  if (key.length > 80) return false;
  let hit = keyCache.get(key);
  if (hit === undefined) {
    hit = computeIsSecretKey(key);
    if (keyCache.size > 5000) keyCache.clear();
    keyCache.set(key, hit);
  }
  return hit;
}

// ---------------------------------------------------------------------------------------------
// Strings

const TOKEN_PREFIXES = String.raw`(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{8,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,}|whsec_[A-Za-z0-9]{16,}`;
const JWT = String.raw`eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*`;

const WHOLE_BEARER = /^bearer\s+[A-Za-z0-9\-._~+/]+=*$/i;
const WHOLE_BASIC = /^basic\s+([A-Za-z0-9+/]{4,}={0,2})$/i;
const WHOLE_TOKEN = new RegExp(`^(?:${JWT}|${TOKEN_PREFIXES})$`);

/** Base64 that decodes to `user:password`: what an HTTP Basic credential is. */
function isBasicCredential(b64: string): boolean {
  try {
    return atob(b64).includes(':');
  } catch {
    return false;
  }
}

/**
 * Looks like a generated credential rather than a word: has a digit or a base64 symbol, or an
 * upper-case letter after the first character. "expired" and "authentication" don't; "hunter2",
 * "dXNlcjpwYXNz" and "a1b2c3d4" do.
 */
function looksRandom(s: string): boolean {
  return /[0-9+/=]/.test(s) || /.[A-Z]/.test(s);
}

/**
 * True for a string that is, as a whole, a credential: `Bearer …`, `Basic <base64 user:pass>`, a JWT,
 * or a well-known key format (`sk_live_…`, `ghp_…`, `xoxb-…`, `AKIA…`). The engine's own
 * `**REDACTED**` placeholder is not a secret and stays visible.
 */
export function isSecretString(s: string): boolean {
  if (s.length < 8 || s.length > 20_000) return false;
  const t = s.trim();
  if (t === REDACTED) return false;
  if (WHOLE_BEARER.test(t)) return true;
  const basic = WHOLE_BASIC.exec(t);
  if (basic?.[1] !== undefined) return isBasicCredential(basic[1]);
  return WHOLE_TOKEN.test(t);
}

const INLINE_TOKEN = new RegExp(String.raw`\b(?:${JWT}|${TOKEN_PREFIXES})`, 'g');
const INLINE_BEARER = /\b(bearer\s+)([A-Za-z0-9\-._~+/]{8,}=*)/gi;
const INLINE_BASIC = /\b(basic\s+)([A-Za-z0-9+/]{6,}={0,2})/gi;
/** `"password": "hunter2"` inside a string (a JSON body quoted in an error message). */
const INLINE_JSON_PAIR = /("([^"\\\n]{1,64})"\s*:\s*")((?:[^"\\\n]|\\.){1,4000})(")/g;
/** `?access_token=…`, `&client_secret=…`, `;password=…`. */
const INLINE_QUERY = /([?&;]([A-Za-z0-9_.-]{1,64})=)([^&#\s"'<>]+)/g;
/** `https://user:password@host`. */
const INLINE_USERINFO = /(\b[a-z][a-z0-9+.-]{0,20}:\/\/[^\s/:@"']{1,256}:)([^\s@/"']{1,256})(@)/gi;
/** `token: abc123…`, `x-api-key=…` in free text (only values that look generated). */
const INLINE_NAMED = /(\b([A-Za-z][\w-]{1,40})\s*[:=]\s*)([^\s,;"'&<>]{6,})/g;

export interface MaskedText {
  text: string;
  count: number;
}

/**
 * One quick test before the rules: every rule needs a secret-ish key word (isSecretKey only matches
 * keys containing one), an auth scheme, a token prefix or URL credentials. Most strings fail it.
 */
const MAYBE_SECRET =
  /auth|cookie|token|secret|pass|pwd|api.?key|private|session|credential|signature|bearer|basic|connection|eyJ|[sr]k_|sk-|gh[pousr]_|github_pat_|xox|AKIA|AIza|glpat-|whsec_|:\/\/[^\s/]*@/i;

/** Above this length only the cheap, prefix-anchored rules run (a multi-MB string is a blob). */
const FULL_SCAN_MAX = 256 * 1024;

/**
 * Replaces credentials embedded in a longer text with `••••••`, leaving the rest readable:
 * "401 for Authorization: Bearer ••••••". Returns the same string when nothing was found.
 */
export function maskSecretsInText(s: string): MaskedText {
  if (!MAYBE_SECRET.test(s)) return { text: s, count: 0 };
  let count = 0;
  let text = s;
  const hit = (): string => {
    count++;
    return MASK_INLINE;
  };
  text = text.replace(INLINE_TOKEN, hit);
  text = text.replace(INLINE_BEARER, (m, scheme: string, tok: string) =>
    looksRandom(tok) ? `${scheme}${hit()}` : m,
  );
  text = text.replace(INLINE_BASIC, (m, scheme: string, b64: string) =>
    isBasicCredential(b64) ? `${scheme}${hit()}` : m,
  );
  if (text.includes('://')) {
    text = text.replace(
      INLINE_USERINFO,
      (_m, head: string, _pw: string, at: string) => `${head}${hit()}${at}`,
    );
  }
  if (text.length > FULL_SCAN_MAX) return count === 0 ? { text: s, count: 0 } : { text, count };
  text = text.replace(
    INLINE_JSON_PAIR,
    (m, head: string, key: string, value: string, tail: string) =>
      isSecretKey(key) && value !== REDACTED && !value.includes(MASK_INLINE)
        ? `${head}${hit()}${tail}`
        : m,
  );
  text = text.replace(INLINE_QUERY, (m, head: string, key: string) =>
    isSecretKey(key) ? `${head}${hit()}` : m,
  );
  text = text.replace(INLINE_NAMED, (m, head: string, key: string, value: string) =>
    isSecretKey(key) && value !== REDACTED && !value.includes(MASK_INLINE) && looksRandom(value)
      ? `${head}${hit()}`
      : m,
  );
  return count === 0 ? { text: s, count: 0 } : { text, count };
}

// ---------------------------------------------------------------------------------------------
// Values

export interface MaskOptions {
  /** Stop after visiting this many values; the rest is masked unseen (fail closed). */
  maxNodes?: number;
  /** Stop descending below this depth; deeper containers are masked unseen (fail closed). */
  maxDepth?: number;
}

export interface MaskResult {
  /** A masked copy: unchanged subtrees are shared with the input, which is never mutated. */
  value: unknown;
  /** How many values were masked. */
  count: number;
  /** True when a limit stopped the walk; what it didn't reach was replaced by MASK. */
  tooDeep: boolean;
}

/**
 * Whether the value under a secret key gets masked: yes whatever its type, except values that hide
 * nothing and help debugging: `null`, booleans, `""` and the engine's `**REDACTED**`.
 */
export function masksUnderSecretKey(v: unknown): boolean {
  return !(v === null || v === undefined || typeof v === 'boolean' || v === '' || v === REDACTED);
}

/**
 * One string, masked on its own (not under a secret key): {@link MASK} if it is a credential as a
 * whole, else with embedded credentials replaced. The same string comes back when nothing matched.
 * For renderers that mask lazily, node by node, as they show values.
 */
export function maskString(s: string): string {
  if (s.length < 8 || !MAYBE_SECRET.test(s)) return s;
  return isSecretString(s) ? MASK : maskSecretsInText(s).text;
}

interface Frame {
  src: Record<string, unknown> | unknown[];
  keys: string[] | null; // null for arrays
  i: number;
  copy: Record<string, unknown> | unknown[] | null;
  parentKey: string | number;
  depth: number;
}

function shallowCopy(src: Record<string, unknown> | unknown[], keys: string[] | null) {
  if (keys === null) return (src as unknown[]).slice();
  // defineProperty, never assignment: a "__proto__" key must stay an own property of the copy.
  const copy = Object.create(Object.getPrototypeOf(src) as object | null) as Record<
    string,
    unknown
  >;
  for (const k of keys) {
    Object.defineProperty(copy, k, {
      value: (src as Record<string, unknown>)[k],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  // A masked copy still lists integer-like keys in body-text order.
  keepBodyKeyOrder(src, copy);
  return copy;
}

function setChild(f: Frame, key: string | number, v: unknown): void {
  if (f.copy === null) f.copy = shallowCopy(f.src, f.keys);
  if (Array.isArray(f.copy)) f.copy[key as number] = v;
  else
    Object.defineProperty(f.copy, key, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

function run(value: unknown, dry: boolean, limit: number, opts: MaskOptions): MaskResult {
  const maxNodes = opts.maxNodes ?? Infinity;
  const maxDepth = opts.maxDepth ?? Infinity;
  let count = 0;
  let nodes = 0;
  let tooDeep = false;

  const leaf = (v: unknown): unknown => {
    // MAYBE_SECRET also covers every isSecretString pattern: one regex test for most strings.
    if (typeof v !== 'string' || v.length < 8 || !MAYBE_SECRET.test(v)) return v;
    if (isSecretString(v)) {
      count++;
      return MASK;
    }
    const m = maskSecretsInText(v);
    count += m.count;
    return m.text;
  };

  const makeFrame = (src: object, parentKey: string | number, depth: number): Frame => ({
    src: src as Frame['src'],
    keys: Array.isArray(src) ? null : Object.keys(src),
    i: 0,
    copy: null,
    parentKey,
    depth,
  });

  if (!isContainer(value)) {
    const v = leaf(value);
    return { value: v, count, tooDeep };
  }

  const stack: Frame[] = [makeFrame(value, '', 0)];
  let result: unknown = value;
  while (stack.length > 0) {
    if (count >= limit) break;
    const f = stack[stack.length - 1] as Frame;
    const n = f.keys === null ? (f.src as unknown[]).length : f.keys.length;
    if (f.i >= n) {
      stack.pop();
      const out = f.copy ?? f.src;
      const parent = stack[stack.length - 1];
      if (parent === undefined) result = out;
      else if (out !== f.src && !dry) setChild(parent, f.parentKey, out);
      continue;
    }
    const idx = f.i++;
    const key: string | number = f.keys === null ? idx : (f.keys[idx] as string);
    const child = (f.src as Record<string | number, unknown>)[key];
    if (++nodes > maxNodes || (isContainer(child) && f.depth + 1 > maxDepth)) {
      tooDeep = true;
      if (!dry) setChild(f, key, MASK);
      continue;
    }
    if (f.keys !== null && isSecretKey(key as string)) {
      if (masksUnderSecretKey(child)) {
        count++;
        if (!dry) setChild(f, key, MASK);
      }
      continue;
    }
    if (isContainer(child)) {
      stack.push(makeFrame(child, key, f.depth + 1));
      continue;
    }
    const m = leaf(child);
    if (m !== child && !dry) setChild(f, key, m);
  }
  return { value: dry ? value : result, count, tooDeep };
}

/**
 * Returns a masked copy of `value`: secret keys' values and bearer-like strings become {@link MASK},
 * secrets inside longer strings become {@link MASK_INLINE}. The structure, key order and
 * LosslessNumber instances are kept; subtrees with nothing to mask are shared, not copied, so an
 * unmasked value comes back as the same reference. The input is never mutated.
 */
export function maskValue(value: unknown, opts: MaskOptions = {}): MaskResult {
  return run(value, false, Infinity, opts);
}

/** How many values {@link maskValue} would mask, counting no further than `limit`. */
export function countSecrets(value: unknown, limit: number = Infinity): number {
  return Math.min(run(value, true, limit, {}).count, limit);
}

/** True when `v` is the placeholder that {@link maskValue} put in place of a secret. */
export function isMasked(v: unknown): boolean {
  return v === MASK;
}
