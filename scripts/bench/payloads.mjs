/**
 * Deterministic (seeded) run bodies for `npm run bench`: FlowRunDetailResponse texts shaped like
 * real Activepieces runs (see docs/run-data.md and src/test/fixtures/*.json), at the sizes of
 * issue 7. Nothing here touches the network or the disk except reading fixture 01.
 *
 * Each payload spec builds { text, runId, targets }:
 * - `targets.select`: the top-level step the benchmark selects on the timeline (index + path);
 * - `targets.largest`: the step whose output is the largest JSON value (its card is expanded);
 * - `targets.search`: a word that occurs in the run, typed into the step search.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** 1 MB in this benchmark = 2^20 bytes. */
export const MB = 1024 * 1024;

// ---- Seeded randomness ------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for test data; the same seed gives the same run. */
export function createRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chars = (alphabet, n) => {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return {
    next,
    int,
    pick,
    bool: (p = 0.5) => next() < p,
    /** A float with `digits` decimals in [min, max). */
    float: (min, max, digits = 2) => Number((min + next() * (max - min)).toFixed(digits)),
    chars,
    id: (n = 21) => chars(ALNUM, n),
    hex: (n) => chars('0123456789abcdef', n),
    /** A step duration as the engine writes it: a float in ms with many decimals. */
    duration: (min, max) => min + next() * (max - min),
  };
}

// ---- Realistic pieces -------------------------------------------------------------------------

const FIRST = [
  'Avery',
  'Jordan',
  'Riley',
  'Casey',
  'Morgan',
  'Quinn',
  'Rowan',
  'Sasha',
  'Noa',
  'Lior',
  'Mika',
  'Emery',
  'Robin',
  'Kai',
  'Elia',
  'Sam',
];
const LAST = [
  'Sample',
  'Example',
  'Tester',
  'Placeholder',
  'Fictive',
  'Mockley',
  'Dummyson',
  'Stand-in',
  'Proxy',
  'Specimen',
];
const CITY = [
  'Utrecht',
  'Lyon',
  'Leipzig',
  'Porto',
  'Gdansk',
  'Ghent',
  'Bergen',
  'Turin',
  'Malmö',
  'Graz',
];
const COUNTRY = ['NL', 'FR', 'DE', 'PT', 'PL', 'BE', 'NO', 'IT', 'SE', 'AT'];
const WORDS = (
  'invoice order customer shipment refund ledger account balance payment reminder overdue contract renewal ' +
  'ticket priority escalation warehouse stock transfer campaign segment newsletter subscription trial upgrade ' +
  'discount coupon receipt delivery address courier parcel tracking status update pending approved rejected'
).split(' ');
const NOUNS = [
  'contact',
  'deal',
  'invoice',
  'order',
  'ticket',
  'row',
  'record',
  'customer',
  'product',
  'message',
  'report',
  'lead',
];
const VERBS = [
  'fetch',
  'update',
  'create',
  'lookup',
  'sync',
  'map',
  'notify',
  'append',
  'enrich',
  'validate',
  'post',
  'archive',
];

function sentence(rng, min = 6, max = 16) {
  const n = rng.int(min, max);
  const words = [];
  for (let i = 0; i < n; i++) words.push(rng.pick(WORDS));
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function isoAt(baseMs, offsetMs) {
  return new Date(baseMs + offsetMs).toISOString();
}

function customer(rng, i, baseMs) {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const city = rng.int(0, CITY.length - 1);
  return {
    id: `cus_${rng.id(10)}`,
    number: 100000 + i,
    email: `${first}.${last}.${i}@example.test`.toLowerCase(),
    firstName: first,
    lastName: last,
    company: `${rng.pick(LAST)} ${rng.pick(['BV', 'GmbH', 'SARL', 'Ltd', 'AB'])}`,
    phone: `+31 20 ${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
    address: {
      line1: `${rng.pick(LAST)}straat ${rng.int(1, 240)}`,
      city: CITY[city],
      postalCode: `${rng.int(1000, 9999)} ${rng.chars('ABCDEFGHJKLMNPRSTVWXZ', 2)}`,
      country: COUNTRY[city],
    },
    tags: [rng.pick(WORDS), rng.pick(WORDS)],
    segments: rng.bool(0.3) ? ['vip', 'newsletter'] : ['newsletter'],
    lifetimeValue: rng.float(0, 25000),
    ordersCount: rng.int(0, 120),
    marketingConsent: rng.bool(),
    createdAt: isoAt(baseMs, -rng.int(1e8, 9e10)),
    updatedAt: isoAt(baseMs, -rng.int(1e6, 1e8)),
    notes: sentence(rng),
  };
}

function httpHeaders(rng, baseMs) {
  return {
    'content-type': 'application/json; charset=utf-8',
    date: new Date(baseMs).toUTCString(),
    'x-request-id': `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
    'x-ratelimit-remaining': String(rng.int(0, 600)),
  };
}

function httpInput(rng, method, url, body = {}) {
  return {
    method,
    url,
    headers: { Authorization: '**REDACTED**', Accept: 'application/json' },
    queryParams: method === 'GET' ? { limit: '500', cursor: rng.id(12) } : {},
    body_type: method === 'GET' ? 'none' : 'json',
    body,
    timeout: 30,
    failsafe: false,
  };
}

function webhookTrigger(rng, baseMs, body) {
  return {
    type: 'PIECE_TRIGGER',
    status: 'SUCCEEDED',
    input: {},
    output: {
      body,
      headers: {
        host: 'automations.example.test',
        'user-agent': 'StoreHooks/2.4 (+https://shop.example.test)',
        'content-type': 'application/json',
        accept: '*/*',
        'x-forwarded-for': '203.0.113.24',
        'x-request-id': `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
      },
      queryParams: {},
    },
  };
}

/** A big "list" API call: status, headers, and a page of `count` customer records. */
function listStep(rng, baseMs, noun, count) {
  const data = [];
  for (let i = 0; i < count; i++) data.push(customer(rng, i, baseMs));
  return {
    type: 'PIECE',
    status: 'SUCCEEDED',
    input: httpInput(rng, 'GET', `https://crm.example.test/api/v2/${noun}s`),
    output: {
      status: 200,
      headers: httpHeaders(rng, baseMs),
      body: {
        data,
        paging: {
          total: count * rng.int(1, 20),
          next: `https://crm.example.test/api/v2/${noun}s?cursor=${rng.id(16)}`,
        },
      },
    },
    duration: rng.duration(150, 4000),
  };
}

/** A code step mapping records: input truncated (2026 engines), output an array of small rows. */
function mapStep(rng, baseMs, count) {
  const rows = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      email: `${rng.pick(FIRST)}.${i}@example.test`.toLowerCase(),
      name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
      segment: rng.pick(['vip', 'standard', 'trial', 'churn-risk']),
      score: rng.float(0, 1, 3),
      lastOrderAt: isoAt(baseMs, -rng.int(1e6, 9e9)),
    });
  }
  return {
    type: 'CODE',
    status: 'SUCCEEDED',
    input: { records: `(truncated, original size ${rng.int(120, 480)} KB)`, threshold: 0.42 },
    output: { rows, count, skipped: rng.int(0, 12) },
    duration: rng.duration(5, 180),
  };
}

/** An LLM completion: a few paragraphs of text. */
function completionStep(rng) {
  const paragraphs = [];
  const n = rng.int(4, 12);
  for (let i = 0; i < n; i++) {
    const sentences = [];
    for (let j = 0; j < rng.int(3, 8); j++) sentences.push(sentence(rng));
    paragraphs.push(sentences.join(' '));
  }
  return {
    type: 'PIECE',
    status: 'SUCCEEDED',
    input: {
      auth: '**REDACTED**',
      model: 'gpt-4o-mini',
      prompt: `(truncated, original size ${rng.int(3, 60)} KB)`,
      temperature: 0.2,
      maxTokens: 2048,
    },
    output: {
      id: `chatcmpl-${rng.id(24)}`,
      object: 'chat.completion',
      model: 'gpt-4o-mini-2024-07-18',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: paragraphs.join('\n\n') },
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: rng.int(200, 9000),
        completion_tokens: rng.int(100, 2000),
        total_tokens: rng.int(300, 11000),
      },
    },
    duration: rng.duration(800, 9000),
  };
}

function sheetsStep(rng) {
  const row = rng.int(2, 90000);
  return {
    type: 'PIECE',
    status: 'SUCCEEDED',
    input: {
      auth: '**REDACTED**',
      spreadsheetId: `1${rng.id(43)}`,
      sheetId: rng.int(0, 9),
      values: [rng.pick(WORDS), rng.float(0, 999), rng.pick(WORDS)],
      asString: false,
    },
    output: {
      spreadsheetId: `1${rng.id(43)}`,
      updatedRange: `Orders!A${row}:F${row}`,
      updatedRows: 1,
      updatedColumns: 6,
      updatedCells: 6,
      row,
    },
    duration: rng.duration(300, 1800),
  };
}

function slackStep(rng, text) {
  const ts = `${rng.int(1700000000, 1790000000)}.${rng.int(100000, 999999)}`;
  return {
    type: 'PIECE',
    status: 'SUCCEEDED',
    input: {
      auth: '**REDACTED**',
      channel: `C0${rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 9)}`,
      text,
      username: 'Ops bot',
      unfurlLinks: true,
    },
    output: {
      ok: true,
      channel: 'C03OPS7LM',
      ts,
      message: { type: 'message', subtype: 'bot_message', text, ts, bot_id: `B0${rng.id(9)}` },
    },
    duration: rng.duration(200, 700),
  };
}

function smallHttpStep(rng, baseMs, i) {
  const noun = rng.pick(NOUNS);
  return {
    type: 'PIECE',
    status: 'SUCCEEDED',
    input: httpInput(
      rng,
      rng.pick(['GET', 'POST', 'PATCH']),
      `https://api.example.test/v1/${noun}s/${rng.id(10)}`,
      { note: sentence(rng, 3, 8) },
    ),
    output: {
      status: 200,
      headers: httpHeaders(rng, baseMs),
      body: {
        id: `${noun.slice(0, 3)}_${rng.id(10)}`,
        index: i,
        status: rng.pick(['open', 'pending', 'done']),
        updatedAt: isoAt(baseMs, i * 37),
        summary: sentence(rng),
      },
    },
    duration: rng.duration(40, 900),
  };
}

function httpErrorMessage(rng, status, message) {
  return JSON.stringify({
    response: { status, body: { error: 'conflict', message, requestId: `req-${rng.hex(8)}` } },
    request: { body: { note: sentence(rng, 3, 6) } },
  });
}

// ---- Targets ----------------------------------------------------------------------------------

/** Roughly the JSON size of a value (string lengths + punctuation), iteratively. */
export function roughSize(value) {
  let size = 0;
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') size += v.length + 2;
    else if (v === null || typeof v !== 'object') size += 6;
    else if (Array.isArray(v)) {
      size += 2 + v.length;
      for (const x of v) stack.push(x);
    } else {
      for (const k of Object.keys(v)) {
        size += k.length + 4;
        stack.push(v[k]);
      }
    }
  }
  return size;
}

/**
 * The keys from a value's root (open by default) down to its largest container: at each level the
 * child container with the most content, stopping at a node with many children (it is the one to
 * open) or after `maxDepth` levels. [] when the root has no container child.
 */
export function largestPath(value, { maxDepth = 6, many = 20 } = {}) {
  const keys = [];
  let cur = value;
  for (let depth = 0; depth < maxDepth && cur !== null && typeof cur === 'object'; depth++) {
    const entries = Array.isArray(cur) ? cur.map((v, i) => [i, v]) : Object.entries(cur);
    if (depth > 0 && entries.length >= many) break;
    let best = null;
    let bestSize = -1;
    for (const [k, v] of entries) {
      if (v === null || typeof v !== 'object') continue;
      const size = roughSize(v);
      if (size > bestSize) {
        best = [k, v];
        bestSize = size;
      }
    }
    if (best === null) break;
    keys.push(best[0]);
    cur = best[1];
  }
  return keys;
}

/** Selection and expansion targets: a top-level step (by key order) and its output's largest path. */
function targetsFor(body, stepName, search) {
  const names = Object.keys(body.steps);
  return {
    select: { index: names.indexOf(stepName), path: stepName },
    largest: { path: stepName, pointer: largestPath(body.steps[stepName].output) },
    search,
  };
}

// ---- Envelope ---------------------------------------------------------------------------------

const BASE_MS = Date.UTC(2025, 10, 17, 3, 0, 0, 123);

function envelope(rng, { name, status, steps, failedStep = null, stepsCount, tags }) {
  let sum = 0;
  for (const record of Object.values(steps))
    sum += typeof record?.duration === 'number' ? record.duration : 0;
  const queued = rng.int(300, 2500);
  const span = Math.round(sum + rng.int(200, 3000));
  return {
    id: rng.id(21),
    flowId: rng.id(21),
    flowDisplayName: name,
    status,
    created: isoAt(BASE_MS, 0),
    updated: isoAt(BASE_MS, queued + span + 180),
    startTime: isoAt(BASE_MS, queued),
    finishTime: isoAt(BASE_MS, queued + span),
    duration: span,
    stepsCount,
    tags: tags ?? ['connection:crm-api-key', 'connection:sheets-finance', 'connection:slack-ops'],
    failedStep,
    steps,
  };
}

function done(body, targets) {
  const text = JSON.stringify(body);
  return { text, runId: body.id, targets };
}

// ---- The payloads -----------------------------------------------------------------------------

/** Fixture 01 as sent: the small baseline. */
function baseline() {
  const text = readFileSync(path.join(projectRoot, 'src/test/fixtures/01-happy-path.json'), 'utf8');
  const body = JSON.parse(text);
  return { text, runId: body.id, targets: targetsFor(body, 'trigger', 'slack') };
}

/**
 * About `targetBytes` of a failed run: a webhook, then rounds of list → map → completion → sheets
 * calls with 100–600 KB outputs, two outputs over 1 MB, and a final HTTP step that failed.
 */
export function buildBigRun({ seed = 50, targetBytes = 50 * MB } = {}) {
  const rng = createRng(seed);
  const steps = {};
  let bytes = 2000;
  const add = (name, record) => {
    steps[name] = record;
    bytes += JSON.stringify(record).length + name.length + 4;
  };
  add(
    'trigger',
    webhookTrigger(rng, BASE_MS, {
      event: 'export.requested',
      id: `evt_${rng.id(16)}`,
      requestedBy: 'avery.sample@example.test',
    }),
  );
  let round = 0;
  let largest = { path: '', size: 0 };
  let countPiece = 0;
  const RECORD_BYTES = 700; // about one customer record, with its share of the round's other steps
  while (bytes < targetBytes - 150 * 1024) {
    round++;
    // Every 40th round an export of several thousand records (over the 1 MB "render anyway" line),
    // cut down near the end so that the run lands close to the target size.
    const wanted = round % 40 === 7 ? 4800 : rng.int(150, 700);
    const count = Math.max(
      10,
      Math.min(wanted, Math.floor((targetBytes - bytes) / (RECORD_BYTES * 1.6))),
    );
    const name = `fetch_customers_${round}`;
    add(name, listStep(rng, BASE_MS, 'customer', count));
    const size = JSON.stringify(steps[name].output).length;
    if (size > largest.size) largest = { path: name, size, index: Object.keys(steps).length - 1 };
    add(`map_segments_${round}`, mapStep(rng, BASE_MS, rng.int(100, 600)));
    if (round % 3 === 0) add(`summarize_batch_${round}`, completionStep(rng));
    add(`append_report_row_${round}`, sheetsStep(rng));
    countPiece += round % 3 === 0 ? 4 : 3;
  }
  const failed = 'post_ledger_batch';
  steps[failed] = {
    type: 'PIECE',
    status: 'FAILED',
    input: httpInput(rng, 'POST', 'https://ledger.example.test/api/journals/AR/batch', {
      entries: '(truncated, original size 312 KB)',
    }),
    duration: rng.duration(200, 900),
    errorMessage: httpErrorMessage(rng, 409, 'Batch already posted for this period'),
  };
  countPiece++;
  const body = envelope(rng, {
    name: 'Nightly customer export to ledger',
    status: 'FAILED',
    steps,
    failedStep: { name: failed, displayName: 'Post ledger batch' },
    stepsCount: countPiece,
  });
  return done(body, targetsFor(body, largest.path, 'ledger'));
}

/** `count` top-level steps of modest size, one of them (¾ down) with a 200-record output. */
export function buildManySteps({ seed = 5000, count = 5000 } = {}) {
  const rng = createRng(seed);
  const steps = {
    trigger: webhookTrigger(rng, BASE_MS, {
      event: 'batch.ready',
      batchId: `bat_${rng.id(12)}`,
      size: count,
    }),
  };
  const bigAt = Math.floor(count * 0.75);
  let bigName = '';
  for (let i = 1; i < count; i++) {
    const name = `${rng.pick(VERBS)}_${rng.pick(NOUNS)}_${i}`;
    if (i === bigAt) {
      bigName = name;
      steps[name] = listStep(rng, BASE_MS, 'contact', 200);
    } else if (i % 7 === 0) {
      steps[name] = { ...mapStep(rng, BASE_MS, 3), duration: rng.duration(1, 40) };
    } else {
      steps[name] = smallHttpStep(rng, BASE_MS, i);
    }
  }
  const body = envelope(rng, {
    name: 'Bulk contact sync (one step per contact)',
    status: 'SUCCEEDED',
    steps,
    stepsCount: count - 1,
  });
  return done(body, targetsFor(body, bigName, 'escalation'));
}

/** A loop of `iterations` × 3 steps over rows read from a sheet; one iteration's update failed. */
export function buildLoop({ seed = 10000, iterations = 10000 } = {}) {
  const rng = createRng(seed);
  const rows = [];
  for (let i = 0; i < iterations; i++) {
    rows.push({
      row: i + 2,
      email: `${rng.pick(FIRST)}.${rng.pick(LAST)}.${i}@example.test`.toLowerCase(),
      name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
      plan: rng.pick(['free', 'team', 'business']),
    });
  }
  const failedAt = Math.floor(iterations * 0.7342); // 0-based
  const its = [];
  let loopDuration = 0;
  for (let i = 0; i < iterations; i++) {
    const item = rows[i];
    const normalise = {
      type: 'CODE',
      status: 'SUCCEEDED',
      input: { row: item },
      output: {
        email: item.email,
        firstName: item.name.split(' ')[0],
        plan: item.plan.toUpperCase(),
        valid: true,
      },
      duration: rng.duration(1, 12),
    };
    const update =
      i === failedAt
        ? {
            type: 'PIECE',
            status: 'FAILED',
            input: httpInput(
              rng,
              'PATCH',
              `https://crm.example.test/api/v2/contacts/by-email/${encodeURIComponent(item.email)}`,
              { plan: item.plan },
            ),
            duration: rng.duration(80, 400),
            errorMessage: httpErrorMessage(rng, 409, 'Contact is locked by another update'),
          }
        : {
            type: 'PIECE',
            status: 'SUCCEEDED',
            input: httpInput(
              rng,
              'PATCH',
              `https://crm.example.test/api/v2/contacts/by-email/${encodeURIComponent(item.email)}`,
              { plan: item.plan },
            ),
            output: {
              status: 200,
              headers: httpHeaders(rng, BASE_MS),
              body: { id: `con_${rng.id(10)}`, plan: item.plan, updatedAt: isoAt(BASE_MS, i * 91) },
            },
            duration: rng.duration(80, 400),
          };
    const log = sheetsStep(rng);
    loopDuration += normalise.duration + update.duration + log.duration;
    its.push({ normalise_row: normalise, update_contact: update, log_result: log });
  }
  const steps = {
    trigger: {
      type: 'PIECE_TRIGGER',
      status: 'SUCCEEDED',
      input: {},
      output: { scheduledAt: isoAt(BASE_MS, 0) },
    },
    read_rows: {
      type: 'PIECE',
      status: 'SUCCEEDED',
      input: {
        auth: '**REDACTED**',
        spreadsheetId: `1${rng.id(43)}`,
        sheetId: 0,
        range: `Contacts!A2:D${iterations + 1}`,
      },
      output: rows,
      duration: rng.duration(900, 3000),
    },
    loop_rows: {
      type: 'LOOP_ON_ITEMS',
      status: 'SUCCEEDED',
      input: { items: rows },
      output: { item: rows[iterations - 1], index: iterations, iterations: its },
      duration: loopDuration + rng.duration(100, 900),
    },
    notify_done: slackStep(
      rng,
      `Plan sync finished: ${iterations - 1} of ${iterations} contacts updated, 1 failed.`,
    ),
  };
  const body = envelope(rng, {
    name: 'Plan sync from sheet to CRM (loop)',
    status: 'SUCCEEDED',
    steps,
    stepsCount: 2 + iterations * 3,
  });
  return done(body, targetsFor(body, 'loop_rows', 'locked'));
}

/** One step whose output body is a `chars`-long string (a base64 file fetched over HTTP). */
export function buildLongString({ seed = 10, chars = 10 * MB } = {}) {
  const rng = createRng(seed);
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  // Base64 text in 76-character lines (no newlines: one JSON string), drawn from a pool of random
  // lines: fast, still incompressible enough, and the same for the same seed.
  const pool = [];
  for (let i = 0; i < 4096; i++) pool.push(rng.chars(B64, 76));
  // Written into one buffer: joining ~140,000 short strings is very slow in V8.
  const buffer = Buffer.alloc(chars);
  for (let at = 0; at < chars; at += 76)
    buffer.write(pool[rng.int(0, pool.length - 1)], at, Math.min(76, chars - at), 'latin1');
  const content = buffer.toString('latin1');
  const steps = {
    trigger: webhookTrigger(rng, BASE_MS, {
      event: 'document.signed',
      documentId: `doc_${rng.id(12)}`,
    }),
    download_contract: {
      type: 'PIECE',
      status: 'SUCCEEDED',
      input: httpInput(rng, 'GET', 'https://docs.example.test/api/documents/doc_x/download'),
      output: {
        status: 200,
        headers: { ...httpHeaders(rng, BASE_MS), 'content-type': 'application/pdf;base64' },
        body: content,
      },
      duration: rng.duration(900, 4000),
    },
    archive_contract: sheetsStep(rng),
    notify_legal: slackStep(rng, 'Signed contract archived.'),
  };
  const body = envelope(rng, {
    name: 'Archive signed contracts',
    status: 'SUCCEEDED',
    steps,
    stepsCount: 3,
  });
  return done(body, targetsFor(body, 'download_contract', 'archive'));
}

/** One step whose output holds an array of `count` small records (a whole catalogue export). */
export function buildBigArray({ seed = 100000, count = 100000 } = {}) {
  const rng = createRng(seed);
  const items = [];
  for (let i = 0; i < count; i++) {
    items.push({
      sku: `SKU-${String(100000 + i)}`,
      title: `${rng.pick(CITY)} ${rng.pick(NOUNS)} ${i}`,
      price: rng.float(1, 500),
      stock: rng.int(0, 900),
      active: rng.bool(0.8),
    });
  }
  const steps = {
    trigger: {
      type: 'PIECE_TRIGGER',
      status: 'SUCCEEDED',
      input: {},
      output: { scheduledAt: isoAt(BASE_MS, 0) },
    },
    export_catalog: {
      type: 'CODE',
      status: 'SUCCEEDED',
      input: { exportUrl: 'https://pim.example.test/exports/latest.json' },
      output: { items, count, nextCursor: null },
      duration: rng.duration(2000, 9000),
    },
    notify_pricing: slackStep(rng, `Catalogue exported: ${count} products.`),
  };
  const body = envelope(rng, {
    name: 'Catalogue export',
    status: 'SUCCEEDED',
    steps,
    stepsCount: 2,
  });
  return done(body, targetsFor(body, 'export_catalog', 'pricing'));
}

/**
 * One step whose output nests `depth` levels (objects and arrays alternating). Written as text:
 * Node's JSON.stringify recurses and overflows its stack long before 5,000 levels.
 */
export function buildDeep({ seed = 5001, depth = 5000 } = {}) {
  const rng = createRng(seed);
  const open = [];
  const close = [];
  for (let d = 1; d < depth; d++) {
    if (d % 2 === 0) {
      open.push('[');
      close.push(']');
    } else {
      open.push(`{"depth":${d},"name":${JSON.stringify(rng.pick(NOUNS))},"child":`);
      close.push('}');
    }
  }
  const deepText = `${open.join('')}{"leaf":true,"value":${rng.int(0, 1000)}}${close.reverse().join('')}`;
  const PLACEHOLDER = '__bench_deep_value__';
  const steps = {
    trigger: webhookTrigger(rng, BASE_MS, { event: 'tree.uploaded', id: `tree_${rng.id(10)}` }),
    parse_tree: {
      type: 'CODE',
      status: 'SUCCEEDED',
      input: { source: 'https://files.example.test/tree.json' },
      output: { root: PLACEHOLDER },
      duration: rng.duration(20, 200),
    },
    notify_done: slackStep(rng, 'Tree parsed.'),
  };
  const body = envelope(rng, {
    name: 'Parse category tree (deep)',
    status: 'SUCCEEDED',
    steps,
    stepsCount: 2,
  });
  const text = JSON.stringify(body).replace(`"${PLACEHOLDER}"`, () => deepText);
  return {
    text,
    runId: body.id,
    targets: {
      select: { index: 1, path: 'parse_tree' },
      // root, then down the chain (objects hold `child`, arrays one item): six levels by click.
      largest: { path: 'parse_tree', pointer: ['root', 'child', 0, 'child', 0, 'child'] },
      search: 'parsed',
    },
  };
}

/** Every payload, in table order. `quick` ones run with --quick. */
export const PAYLOADS = [
  { name: 'baseline-01', what: 'fixture 01-happy-path (small)', quick: true, build: baseline },
  {
    name: 'run-50mb',
    what: '~50 MB failed run: ~490 steps, outputs of 10 KB to 3 MB',
    quick: false,
    build: () => buildBigRun(),
  },
  { name: 'steps-5k', what: '5,000 top-level steps', quick: false, build: () => buildManySteps() },
  {
    name: 'loop-10k',
    what: 'loop of 10,000 iterations × 3 steps',
    quick: false,
    build: () => buildLoop(),
  },
  {
    name: 'string-10mb',
    what: 'one 10 MB string in an output',
    quick: true,
    build: () => buildLongString(),
  },
  {
    name: 'array-100k',
    what: 'one output array of 100,000 items',
    quick: false,
    build: () => buildBigArray(),
  },
  {
    name: 'nesting-5k',
    what: '5,000 levels of nesting in an output',
    quick: true,
    build: () => buildDeep(),
  },
];
