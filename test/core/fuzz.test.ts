// Generated hostile input for @candor/core's public functions (fast-check). Each property states
// the documented contract: a result of the documented shape, or the documented error (a
// CandorError with its code, `{ incidents, issues }`, ...), never a TypeError, RangeError or
// stack overflow from inside, never a hang, never silently wrong output. Web APIs only (the
// file runs in Node and Chromium): JWS are signed with WebCrypto through token-kit.
// Reproduce a failure with the seed printed in the suite title (FUZZ_SEED=<n> in Node).
import { expect } from 'chai';
import fc from 'fast-check';
import { compactVerify, importJWK, jwtVerify } from 'jose';
import { CANDOR_ERROR_CODES, isCandorError, type CandorErrorCode } from '@candor/core/errors';
import { KeySet } from '@candor/core/keys';
import { createIssuer, createVerifier } from '@candor/core/tokens';
import {
  ConsentRecordSchema,
  FaqEntriesSchema,
  IncidentSchema,
  isoTime,
  secureUrl,
  summarizeIssues,
  toValidationIssues,
  type FaqEntry,
  type Incident,
} from '@candor/core/models';
import {
  INCIDENT_TEMPLATES,
  fromCState,
  fromInstatus,
  fromStatuspage,
  incidentMessages,
  incidentsInLanguage,
  loadIncidentTemplates,
  nextUpdateState,
  smsSegments,
  type FeedResult,
  type IncidentMessage,
  type MessageChannel,
} from '@candor/core/incidents';
import { channelAvailability, createFaqIndex, faqJsonLd, faqJsonLdScript } from '@candor/core/faq';
import {
  LocalStorageConsentStorage,
  MemoryConsentStorage,
  compareWithNotice,
  createConsentRecord,
  hashNotice,
  signConsentRecord,
  verifyConsentRecord,
} from '@candor/core/consent';
import { createStatusChecker } from '@candor/core/status-list';
import { noticeV1, noticeArV1 } from '../support/consent-notice.js';
import { cardOutage } from '../../examples/fixtures/incidents.js';
import { AUD, ISS, NOW, NOW_S, claims as tokenClaims, forge, header as tokenHeader, seg } from './token-kit.js';

const env = typeof process === 'object' ? process.env : {};
const SEED = Number(env.FUZZ_SEED ?? 20261203);
/** Runs per property: enough to reach the odd corners, few enough for the file to stay well under a minute. */
const RUNS = Number(env.FUZZ_RUNS ?? 60);
const params = (numRuns = RUNS) => ({ seed: SEED, numRuns, endOnFailure: true });

// ---------------------------------------------------------------- hostile values

/** Built once: costly to make, and the same value every run. */
const HUGE_STRING = 'a'.repeat(3 * 1024 * 1024);
const deep = (depth: number, leaf: unknown = 1): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
};
const DEEP_LEVELS = 20_000;
const DEEP = deep(DEEP_LEVELS);
// fast-check prints a counterexample; thousands of levels would overflow its printer.
Object.defineProperty(DEEP, fc.toStringMethod, { value: () => `DEEP(${DEEP_LEVELS} levels)` });

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}
/** A Proxy whose every trap throws. */
const trapProxy = (): object =>
  new Proxy(
    {},
    Object.fromEntries(
      ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'defineProperty', 'set', 'deleteProperty', 'isExtensible', 'preventExtensions'].map((t) => [
        t,
        () => {
          throw new Error(`trap ${t}`);
        },
      ]),
    ),
  );
const throwingGetter = (key: string): object =>
  Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new Error(`getter ${key}`);
    },
  });
const nullProto = (entries: Record<string, unknown> = {}): object => Object.assign(Object.create(null), entries);

/** Strings that break naive code: surrogates, bidi and invisible controls, numbers as text, markup. */
const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\n\t',
    '\ud800',
    '\udfff',
    'a\ud83dz',
    '😀',
    '\u202e\u2066evil\u2069',
    '\u200b',
    '\u0000',
    '\ufeff{}',
    '42',
    '-0',
    'NaN',
    'Infinity',
    '1e309',
    'true',
    'null',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '<script>alert(1)</script>',
    '</script><!--',
    '{title}',
    '{{link}}',
    'javascript:alert(1)',
    'https://x.example/\nCall 555',
    'http://bank.example',
    'https://status.bank.example/incidents/1',
    '2026-02-30T10:00:00Z',
    '2026-11-23T10:00:00Z',
    '0000-01-01T00:00:00Z',
    'Mon Nov 23 2026 10:00:00 GMT+0000 (UTC)',
    'ar-EG',
    'x-private',
    'Etc/GMT+12',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '\ud83d', '\ude00', '\u202e', '{', '}', '.', 'ب', '€'), maxLength: 60 }),
);

/** Primitive values and odd built-ins. */
const hostilePrimitive = fc.oneof(
  hostileString,
  fc.constantFrom<unknown>(undefined, null, true, false, 0, -0, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, -1, 1.5, 10n ** 30n, Symbol('s')),
  fc.integer(),
  fc.double(),
);

/** Objects that are data, however odd: no getters, no proxies (every function may read them). */
const oddObject = fc.constantFrom<() => unknown>(
  () => nullProto({ a: 1 }),
  () => Object.freeze({ a: [1, 2], b: 'x' }),
  () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}'),
  () => ({ toString: 1, valueOf: 'x', toJSON: 2, then: 3 }),
  () => ({ then: (resolve: (v: unknown) => void) => resolve('thenable') }),
  () => nullProto({ toJSON: 1 }),
  () => [, , 1],
  () => new Array(2 ** 32 - 1),
  () => Object.assign([1, 2], { extra: 'x' }),
  () => new Date(NaN),
  () => new Date(8.64e15),
  () => new Map([['a', 1]]),
  () => new Set([1]),
  () => /re/g,
  () => new Uint8Array(4),
  () => () => 1,
  () => DEEP,
  () => HUGE_STRING,
);

/** Objects that fight back when read: throwing getters and traps, revoked proxies, a throwing toJSON. */
const TRAPS: Record<string, () => unknown> = {
  revokedProxy,
  trapProxy,
  getterId: () => throwingGetter('id'),
  getterIncidents: () => throwingGetter('incidents'),
  throwingToJSON: () =>
    nullProto({
      toJSON() {
        throw new Error('toJSON');
      },
    }),
  throwingToString: () => ({
    toString() {
      throw new Error('toString');
    },
  }),
};
/**
 * Stands for one of {@link TRAPS} in generated values: fast-check prints and clones what it
 * generates, which a trap would not survive; {@link realize} puts the real trap in place.
 */
class Trap {
  constructor(readonly name: string) {}
  [fc.toStringMethod]() {
    return `Trap(${this.name})`;
  }
}
const trap = fc.constantFrom(...Object.keys(TRAPS)).map((name) => new Trap(name));
/** `v` with every {@link Trap} replaced by the real thing (plain objects and arrays copied, anything else kept). */
function realize(v: unknown, depth = 0): unknown {
  if (v instanceof Trap) return TRAPS[v.name]!();
  if (depth > 12 || v === null || typeof v !== 'object' || v === DEEP || Object.isFrozen(v)) return v;
  const proto = Object.getPrototypeOf(v);
  if (Array.isArray(v)) return v.length > 1000 ? v : v.map((x) => realize(x, depth + 1));
  if (proto !== Object.prototype && proto !== null) return v;
  const out = Object.create(proto) as Record<string, unknown>;
  for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: realize((v as Record<string, unknown>)[k], depth + 1), enumerable: true, writable: true, configurable: true });
  return out;
}

const hostileData: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostilePrimitive },
  { weight: 2, arbitrary: oddObject.map((make) => make()) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withSparseArray: true, withBoxedValues: true }) },
);
/** Anything, traps included: pass it through {@link realize}. */
const hostileAll: fc.Arbitrary<unknown> = fc.oneof({ weight: 4, arbitrary: hostileData }, { weight: 1, arbitrary: trap });

// ---------------------------------------------------------------- contract helpers

type Outcome<T> = { value: T } | { error: unknown };
function attempt<T>(f: () => T): Outcome<T> {
  try {
    return { value: f() };
  } catch (error) {
    return { error };
  }
}
async function attemptAsync<T>(f: () => Promise<T> | T): Promise<Outcome<T>> {
  try {
    return { value: await f() };
  } catch (error) {
    return { error };
  }
}

/** `error` is a CandorError with one of `codes` and a message a person can act on. */
function expectCandorError(error: unknown, codes: readonly CandorErrorCode[], what: string): void {
  if (!isCandorError(error)) {
    throw new Error(`${what} threw ${(error as Error)?.name ?? typeof error}: ${String((error as Error)?.message ?? error).slice(0, 300)}`, { cause: error });
  }
  expect(CANDOR_ERROR_CODES, what).to.include(error.code);
  expect(codes, `${what}: code ${error.code} (${error.message.slice(0, 200)})`).to.include(error.code);
  expect(error.message, `${what}: message`).to.be.a('string').and.not.equal('');
  // A hostile value is shown cut, never in full.
  expect(error.message.length, `${what}: message length`).to.be.below(4000);
}

/** A valid incident every channel can tell. */
const INCIDENT_SAMPLE = cardOutage as Incident;

const hasLoneSurrogate = (s: string): boolean => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe(`fuzz: generated hostile input (fast-check seed ${SEED}, ${RUNS} runs)`, function () {
  this.timeout(60_000);

  // -------------------------------------------------------------- models
  describe('@candor/core/models', () => {
    it('toValidationIssues + summarizeIssues name a path for any value a schema refuses', () => {
      fc.assert(
        fc.property(hostileData, (v) => {
          for (const schema of [IncidentSchema, FaqEntriesSchema, ConsentRecordSchema, secureUrl(), isoTime()]) {
            const r = schema.safeParse(v, { reportInput: true });
            if (r.success) continue;
            const issues = toValidationIssues(r.error.issues);
            expect(issues.length).to.be.within(1, 20);
            for (const i of issues) {
              expect(i.path).to.be.a('string').and.not.equal('');
              expect(i.message.startsWith(i.path), i.message).to.be.true;
            }
            expect(summarizeIssues(issues)).to.be.a('string');
          }
        }),
        params(),
      );
    });

    it('secureUrl accepts only https (http on the loopback) links with no hidden characters', () => {
      fc.assert(
        fc.property(fc.oneof(hostileData, fc.webUrl({ withFragments: true, withQueryParameters: true }), hostileString.map((s) => `https://x.example/${s}`)), (v) => {
          if (!secureUrl().safeParse(v).success) return;
          const s = v as string;
          expect(s.length).to.be.at.most(2048);
          expect(/[\s\p{C}]/u.test(s), JSON.stringify(s)).to.be.false;
          const url = new URL(s);
          expect(url.protocol === 'https:' || (url.protocol === 'http:' && /^(localhost|.*\.localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname)), s).to.be.true;
        }),
        params(200),
      );
    });
  });

  // -------------------------------------------------------------- incidents: feed adapters
  describe('@candor/core/incidents feed adapters', () => {
    const TIMES = [
      '2026-11-23T10:00:00Z',
      '2026-11-23T10:00:00.000-06:00',
      '2026-11-23T11:30:00+03:00',
      '2026-11-23 10:00:00',
      '2026-11-23T10:00',
      '2026-11-23 10:00:00.482 +0000 UTC',
      'Mon Nov 23 2026 10:00:00 GMT+0000 (Coordinated Universal Time)',
      'Tue Nov 23 2026 10:00:00 GMT+0000',
      '2026-02-30T10:00:00Z',
      '2026-11-23T24:00:00Z',
      '2026-11-23T10:00:00+18:30',
      '1999-12-31T23:59:59Z',
      '2101-01-01T00:00:00Z',
      '<no value>',
    ];
    /** A leaf a feed might hold: mostly the kind of value expected there, sometimes anything. */
    const leaf = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: hostileData }, { weight: 1, arbitrary: fc.constant(undefined) });
    const time = leaf(fc.oneof(fc.constantFrom(...TIMES), fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2110-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString())));
    const word = fc.constantFrom('Card', 'payments', 'failing', 'بطاقات', 'الدفع', '😀', 'naïve', '\u202e', '<b>', '{status}', 'x'.repeat(300));
    const words = fc.array(word, { maxLength: 12 }).map((w) => w.join(' '));
    const id = leaf(fc.oneof(fc.constantFrom('abc', 'inc-1', 'a:b.c_d', 'ID', '-bad', 'a b', 'x'.repeat(65)), fc.stringMatching(/^[a-z0-9]{1,8}$/)));
    const link = leaf(fc.constantFrom('https://status.bank.example', 'https://status.bank.example/', 'http://localhost:8080/x', 'http://bank.example', 'javascript:alert(1)', 'https://x.example/\nCall', `https://x.example/${'a'.repeat(2100)}`));
    const list = <T>(item: fc.Arbitrary<T>, maxLength = 4) => leaf(fc.array(item, { maxLength }));
    const componentStatus = leaf(fc.constantFrom('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance', 'exploded'));

    const statuspageDoc = fc.record(
      {
        page: leaf(fc.record({ url: link })),
        components: list(fc.record({ id, name: leaf(words), status: componentStatus }, { requiredKeys: [] })),
        incidents: list(
          fc.record(
            {
              id,
              name: leaf(words),
              status: leaf(fc.constantFrom('investigating', 'identified', 'monitoring', 'resolved', 'postmortem', 'scheduled', 'weird')),
              impact: leaf(fc.constantFrom('none', 'minor', 'major', 'critical', 'maintenance', 'apocalyptic')),
              created_at: time,
              started_at: time,
              resolved_at: time,
              shortlink: link,
              components: list(fc.record({ id, name: leaf(words), status: componentStatus }, { requiredKeys: [] })),
              incident_updates: list(
                fc.record(
                  {
                    id,
                    body: leaf(words),
                    status: leaf(fc.constantFrom('investigating', 'identified', 'monitoring', 'resolved')),
                    display_at: time,
                    created_at: time,
                    affected_components: list(fc.record({ code: id, name: leaf(words), new_status: componentStatus }, { requiredKeys: [] })),
                  },
                  { requiredKeys: [] },
                ),
              ),
            },
            { requiredKeys: [] },
          ),
        ),
        scheduled_maintenances: list(
          fc.record(
            {
              id,
              name: leaf(words),
              status: leaf(fc.constantFrom('scheduled', 'in_progress', 'verifying', 'completed', 'investigating')),
              impact: leaf(fc.constantFrom('maintenance', 'none', 'major')),
              scheduled_for: time,
              scheduled_until: time,
              created_at: time,
              resolved_at: time,
              incident_updates: list(fc.record({ id, body: leaf(words), status: leaf(fc.constantFrom('scheduled', 'in_progress', 'completed')), created_at: time }, { requiredKeys: [] })),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );

    const instatusDoc = fc.record(
      {
        page: leaf(fc.record({ url: link, name: leaf(words) })),
        activeIncidents: list(
          fc.record(
            {
              id,
              name: leaf(words),
              url: link,
              status: leaf(fc.constantFrom('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED', 'investigating')),
              impact: leaf(fc.constantFrom('OPERATIONAL', 'DEGRADEDPERFORMANCE', 'PARTIALOUTAGE', 'MINOROUTAGE', 'MAJOROUTAGE', 'UNDERMAINTENANCE', 'toString')),
              started: time,
              updatedAt: time,
              components: list(fc.record({ id, name: leaf(words), status: leaf(fc.constantFrom('OPERATIONAL', 'MAJOROUTAGE', '__proto__')) }, { requiredKeys: [] })),
            },
            { requiredKeys: [] },
          ),
        ),
        activeMaintenances: list(
          fc.record(
            {
              id,
              name: leaf(words),
              url: link,
              status: leaf(fc.constantFrom('NOTSTARTEDYET', 'INPROGRESS', 'COMPLETED')),
              start: time,
              duration: leaf(fc.oneof(fc.integer({ min: -5, max: 50_000 }), fc.constantFrom('60', ' 90 ', '1e3', '0x10', 'NaN'))),
              updatedAt: time,
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );

    const cstateIssue = fc.record(
      {
        is: leaf(fc.constantFrom('issue', 'page')),
        title: leaf(words),
        permalink: link,
        filename: leaf(fc.constantFrom('2026-11-23-cards.md', 'الخدمات.md', '---.md', '', 'x'.repeat(200))),
        resolved: leaf(fc.boolean()),
        informational: leaf(fc.boolean()),
        severity: leaf(fc.constantFrom('notice', 'disrupted', 'down', '', 'constructor')),
        createdAt: time,
        lastMod: time,
        resolvedAt: time,
        affected: list(leaf(fc.oneof(words, fc.constantFrom('الخدمات المصرفية عبر الإنترنت', '   ', '---')))),
      },
      { requiredKeys: [] },
    );
    const cstateDoc = fc.record(
      {
        baseURL: link,
        languageCode: leaf(fc.constantFrom('en', 'ar', 'en-GB', 'english', '')),
        systems: list(fc.record({ name: leaf(words), status: leaf(fc.constantFrom('ok', 'notice', 'disrupted', 'down', 'on fire')), unresolvedIssues: list(cstateIssue) }, { requiredKeys: [] })),
        pages: list(cstateIssue),
      },
      { requiredKeys: [] },
    );

    /** Sprinkles traps (getters, proxies) into a feed: adapters promise never to throw for bad input. */
    const withTraps = <T>(doc: fc.Arbitrary<T>) =>
      fc.tuple(doc, fc.array(fc.tuple(fc.nat(), trap), { maxLength: 2 }), fc.boolean()).map(([d, traps, asText]) => {
        // A copy: the generated document stays as it was, for shrinking and printing.
        const copy = asText ? d : (realize(d) as T);
        const slots: [Record<string, unknown>, string][] = [];
        const walk = (v: unknown, depth: number) => {
          if (depth > 6 || v === null || typeof v !== 'object' || Object.isFrozen(v) || v === DEEP || (Array.isArray(v) ? v.length > 1000 : ![Object.prototype, null].includes(Object.getPrototypeOf(v)))) return;
          for (const k of Object.keys(v)) {
            slots.push([v as Record<string, unknown>, k]);
            walk((v as Record<string, unknown>)[k], depth + 1);
          }
        };
        walk(copy, 0);
        for (const [n, t] of traps) if (slots.length) {
          const [o, k] = slots[n % slots.length]!;
          o[k] = t;
        }
        return copy;
      });

    const dataImpactOption = fc.option(
      fc.constantFrom<(item: Record<string, unknown>) => unknown>(
        () => undefined,
        () => ({ level: 'possible', data: ['Card numbers'] }),
        () => ({ level: 'exploded' }),
        () => 'none',
        () => ({ level: 'confirmed', data: [''] }),
      ),
      { nil: undefined },
    );

    const expectFeedResult = (r: FeedResult, what: string) => {
      expect(r, what).to.have.all.keys('incidents', 'issues');
      expect(r.incidents).to.be.an('array').with.length.at.most(50);
      expect(r.issues).to.be.an('array');
      const ids = new Set<string>();
      for (const inc of r.incidents) {
        const check = IncidentSchema.safeParse(inc);
        expect(check.success, `${what}: ${JSON.stringify(check.success ? '' : toValidationIssues(check.error.issues))}`).to.be.true;
        expect(ids.has(`${inc.locale} ${inc.id}`), `${what}: repeated id ${inc.id}`).to.be.false;
        ids.add(`${inc.locale} ${inc.id}`);
      }
      for (const i of r.issues) {
        expect(i.path, what).to.be.a('string').and.not.equal('');
        expect(i.message, what).to.be.a('string').and.not.equal('');
        // A hostile value is shown cut to 80 characters: one issue never floods a log.
        expect(i.message.length, `${what}: ${i.message.slice(0, 200)}`).to.be.below(1200);
      }
      // The result goes on to a component or a channel text as it is.
      expect(() => JSON.stringify(r)).to.not.throw();
    };

    const adapters: [string, unknown, fc.Arbitrary<unknown>][] = [
      ['fromStatuspage', fromStatuspage, statuspageDoc],
      ['fromInstatus', fromInstatus, instatusDoc],
      ['fromCState', fromCState, cstateDoc],
    ];

    for (const [name, adapter, doc] of adapters) {
      it(`${name}: any value at all is { incidents, issues }, never a throw`, () => {
        fc.assert(
          fc.property(hostileAll, (v) => {
            const r = attempt(() => (adapter as (i: unknown) => FeedResult)(realize(v)));
            if ('error' in r) throw new Error(`${name} threw for ${String(typeof v)}: ${String((r.error as Error)?.message)}`);
            expectFeedResult(r.value, name);
          }),
          params(),
        );
      });

      it(`${name}: a feed-shaped document with hostile fields maps to valid incidents and issues, as text and as a value`, () => {
        fc.assert(
          fc.property(doc, dataImpactOption, fc.option(fc.constantFrom('en', 'ar', 'x y'), { nil: undefined }), (d, dataImpact, locale) => {
            const options = { ...(dataImpact ? { dataImpact } : {}), ...(locale ? { locale } : {}) } as Record<string, unknown>;
            const call = adapter as (i: unknown, o: unknown) => FeedResult;
            const asValue = call(d, options);
            expectFeedResult(asValue, `${name} (value)`);
            let text: string | undefined;
            try {
              text = JSON.stringify(d);
            } catch {
              // BigInt and the like have no JSON text.
            }
            if (text !== undefined) {
              const asText = call(text, options);
              expectFeedResult(asText, `${name} (text)`);
              if (text.length < 1024 * 1024) expect(call(`\ufeff${text}`, options), 'a byte order mark changes nothing').to.deep.equal(asText);
            }
          }),
          params(150),
        );
      });

      it(`${name}: getters that throw, proxies and revoked proxies inside a feed are issues, never a throw`, () => {
        fc.assert(
          fc.property(withTraps(doc), (d) => {
            const r = attempt(() => (adapter as (i: unknown) => FeedResult)(realize(d)));
            if ('error' in r) throw new Error(`${name} threw: ${String((r.error as Error)?.message)}`);
            expectFeedResult(r.value, name);
          }),
          params(),
        );
      });
    }
  });

  // -------------------------------------------------------------- incidents: channel texts
  describe('@candor/core/incidents channel texts', () => {
    const CHANNELS: MessageChannel[] = ['email', 'sms', 'push', 'in-app'];
    /** Words of free texts; an SMS cut must end after one of them (trailing punctuation aside). */
    const VOCAB = ['payments', 'are', 'failing', 'we', 'investigate', 'naïve', '€uro', '[card]', '{link}', '{{x}}', 'end.', 'comma,', 'تتعذر', 'عمليات', 'الدفع', '😀ok', '𝒳', 'x'.repeat(40), '\u202eevil', 'ب‌ت'];
    const freeText = (max: number) =>
      fc
        .array(fc.tuple(fc.constantFrom(...VOCAB), fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\t', '\u00a0')), { minLength: 1, maxLength: 60 })
        .map((parts) => parts.map(([w, sp]) => w + sp).join('').trim().slice(0, max))
        .filter((t) => t.length > 0 && !hasLoneSurrogate(t));
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, 0) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
    const STATUS_PAGE = 'https://status.bank.example/incidents/1';

    const incident: fc.Arbitrary<Incident> = fc
      .record({
        kind: fc.constantFrom('incident', 'maintenance'),
        open: fc.boolean(),
        severity: fc.constantFrom('minor', 'major', 'critical'),
        title: freeText(200),
        updates: fc.array(fc.tuple(freeText(2000), fc.nat({ max: 600 })), { maxLength: 3 }),
        services: fc.array(fc.tuple(freeText(120), fc.constantFrom('operational', 'degraded', 'partial-outage', 'major-outage', 'maintenance')), { maxLength: 3 }),
        data: fc.constantFrom('none', 'under-investigation', 'possible', 'confirmed'),
        dataNames: fc.array(freeText(120), { maxLength: 2 }),
        link: fc.option(fc.constantFrom(STATUS_PAGE, 'http://localhost:8080/s', `https://s.example/${'p'.repeat(1900)}`), { nil: undefined }),
        nextUpdate: fc.option(fc.integer({ min: -120, max: 600 }), { nil: undefined }),
        summary: fc.option(fc.tuple(freeText(2000), freeText(1000)), { nil: undefined }),
        locale: fc.constantFrom('en', 'ar', 'ar-EG', 'en-GB', 'fr'),
      })
      .map((r) => {
        const statuses = r.kind === 'incident' ? (r.open ? ['investigating', 'identified', 'monitoring'] : ['resolved']) : r.open ? ['scheduled', 'in-progress', 'verifying'] : ['completed'];
        const status = statuses[r.title.length % statuses.length]!;
        const services = r.services.map(([name, state], n) => ({ id: `s${n}`, name, state }));
        let t = 0;
        const updates = r.updates.map(([message, gap], n) => ({ id: `u${n}`, at: at((t += gap)), status, message, ...(services[0] ? { affected: [{ id: services[0].id, state: services[0].state }] } : {}) }));
        const candidate = {
          id: 'inc-1',
          kind: r.kind,
          title: r.title,
          severity: r.severity,
          status,
          startedAt: at(0),
          ...(r.open ? {} : { resolvedAt: at(t + 1) }),
          ...(r.kind === 'maintenance' ? { scheduledFor: at(5), scheduledUntil: at(65) } : {}),
          ...(r.nextUpdate === undefined ? {} : { nextUpdateAt: at(r.nextUpdate) }),
          updates,
          services,
          dataImpact: r.data === 'none' ? { level: 'none' } : { level: r.data, data: r.dataNames },
          ...(r.link ? { statusPageUrl: r.link } : {}),
          ...(r.summary && !r.open ? { summary: { whatHappened: r.summary[0], whatWeDid: r.summary[0], whatWeAreChanging: r.summary[0], apology: r.summary[1] } } : {}),
          locale: r.locale,
        };
        return candidate as Incident;
      })
      .filter((i) => IncidentSchema.safeParse(i).success);

    const options = fc.record(
      {
        locale: fc.oneof(fc.constantFrom('en', 'ar', 'ar-EG', 'en-GB', 'EN', 'fr', 'x-private', 'en-u-nu-arab', 'ar-u-ca-islamic'), hostileData),
        timeZone: fc.oneof(fc.constantFrom('UTC', 'Europe/Paris', 'Asia/Dubai', 'Pacific/Kiritimati', 'America/St_Johns', 'Etc/GMT+12', '+05:30'), hostileData),
        maxSmsSegments: fc.oneof(fc.integer({ min: 1, max: 10 }), hostileData),
        statusPageUrl: fc.oneof(fc.constant(STATUS_PAGE), hostileData),
        now: fc.oneof(fc.constant(() => new Date('2026-11-23T10:05:00Z')), fc.constant(() => new Date(NaN)), fc.constant(() => 5), hostileData),
      },
      { requiredKeys: [] },
    );

    const textOf = (m: IncidentMessage): string => (m.channel === 'email' ? `${m.subject}\n${m.body}` : m.channel === 'sms' ? m.text : `${m.title}\n${m.body}`);
    const stripEnd = (w: string) => w.replace(/[\s.,;:،؛]+$/u, '');
    const WHOLE_WORDS = new Set([...VOCAB, ...VOCAB.map(stripEnd)].flatMap((w) => w.split(/\s+/)));

    it('incidentMessages: every channel, any options: a message with the same facts everywhere, or a CandorError naming the option', () => {
      fc.assert(
        fc.property(incident, options, (inc, opts) => {
          const facts: unknown[] = [];
          for (const channel of CHANNELS) {
            const r = attempt(() => incidentMessages(inc, { ...(opts as object), channel }));
            if ('error' in r) {
              expectCandorError(r.error, ['invalid_options', 'invalid_incident', 'message_too_long'], channel);
              const e = r.error as { field?: string; code: string };
              if (e.code === 'invalid_options') expect([...Object.keys(opts), 'locale'], `field ${e.field}`).to.include(e.field); // the incident's own locale may have no templates
              if (e.code === 'invalid_incident') expect(inc.statusPageUrl === undefined && e.field === 'statusPageUrl', 'a valid incident refused').to.be.true;
              continue;
            }
            const m = r.value;
            expect(m.channel).to.equal(channel);
            facts.push(m.facts);
            const all = textOf(m);
            expect(all.endsWith(m.facts.link) || channel === 'email', `${channel} ends with the link`).to.be.true;
            expect(all, channel).to.include(m.facts.status).and.include(m.facts.severity);
            expect(/[\u202a-\u202e\u2066-\u2069]/.test(all), `${channel}: a bidi control survived`).to.be.false;
            if (!hasLoneSurrogate(JSON.stringify(inc).replace(/\\u[0-9a-f]{4}/g, ''))) expect(hasLoneSurrogate(all), `${channel}: a surrogate pair was cut`).to.be.false;
            if (m.channel === 'email') expect(m.subject, 'subject is one line').to.not.match(/[\r\n]/);
            if (m.channel === 'sms') {
              const max = typeof opts.maxSmsSegments === 'number' ? opts.maxSmsSegments : 5;
              expect(m.segments, 'segments').to.be.at.most(max).and.equal(smsSegments(m.text).segments);
              expect({ encoding: m.encoding, units: m.units }).to.deep.equal((({ encoding, units }) => ({ encoding, units }))(smsSegments(m.text)));
              expect(m.text.endsWith(` ${m.facts.link}`) || m.text === m.facts.link, 'sms ends with the link').to.be.true;
              // A cut falls between words: what comes before each ellipsis is a whole word.
              if (m.shortened) {
                for (const cut of m.text.matchAll(/(\S+?)(\.\.\.|…)(?=\s|$)/gu)) expect(WHOLE_WORDS.has(cut[1]!), `cut inside a word: ${JSON.stringify(cut[0])}`).to.be.true;
              }
            }
          }
          for (const f of facts.slice(1)) expect(f, 'the same facts on every channel').to.deep.equal(facts[0]);
        }),
        params(120),
      );
    });

    it('incidentMessages: any incident value is refused as invalid_incident with issues naming paths (or invalid_options), never a crash', () => {
      fc.assert(
        fc.property(fc.oneof(hostileData, incident.map((i) => ({ ...i, title: undefined })), incident.map((i) => ({ ...i, updates: [{}] }))), fc.constantFrom(...CHANNELS), (inc, channel) => {
          const r = attempt(() => incidentMessages(inc, { channel, statusPageUrl: STATUS_PAGE }));
          if ('value' in r) {
            expect(IncidentSchema.safeParse(inc).success).to.be.true;
            return;
          }
          expectCandorError(r.error, ['invalid_incident'], 'incidentMessages');
          const e = r.error as { issues?: { path: string }[]; field?: string };
          expect(e.issues?.length, 'issues').to.be.above(0);
          expect(e.field).to.equal(e.issues![0]!.path);
        }),
        params(),
      );
    });

    it('incidentMessages: options that are not an object, or a channel that is not one, are invalid_options', () => {
      fc.assert(
        fc.property(fc.oneof(hostileData, hostileData.map((channel) => ({ channel }))), (opts) => {
          const r = attempt(() => incidentMessages(INCIDENT_SAMPLE, opts as never));
          if ('error' in r) expectCandorError(r.error, ['invalid_options'], 'options');
          else expect(CHANNELS).to.include((opts as { channel: string }).channel);
        }),
        params(),
      );
    });

    /** Template pieces: placeholders, literal text, escaped braces, stray braces. */
    const templatePiece = fc.oneof(
      fc.constantFrom('{title}', '{status}', '{severity}', '{services}', '{dataImpact}', '{nextUpdate}', '{when}', '{latest}', '{apology}', '{link}', '{actions}', '{summary}', '{unknown}'),
      fc.constantFrom('{{', '}}', '{', '}', ' ', '\n', 'Status:', '\u202e', '{{link}}', '{{{link}', '\u00a0'),
      fc.string({ maxLength: 8 }),
    );
    const templateText = fc.array(templatePiece, { maxLength: 14 }).map((p) => p.join(''));
    const REQUIRED = '{status} {severity} {services} {dataImpact} {nextUpdate}';

    it('loadIncidentTemplates: any set is refused as invalid_template with an issue per key, or loads; an SMS from a loaded set ends with the link', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            { weight: 1, arbitrary: hostileAll },
            { weight: 1, arbitrary: fc.record({ en: fc.oneof(hostileAll, fc.record({ email: hostileAll, sms: hostileAll, push: hostileAll, 'in-app': hostileAll }, { requiredKeys: [] })) }, { requiredKeys: [] }) },
            {
              weight: 3,
              arbitrary: fc.tuple(templateText, templateText, fc.constantFrom('en', 'ar', 'ar-EG', 'fr', '__proto__', 'constructor')).map(([a, b, locale]) => ({
                [locale]: { ...INCIDENT_TEMPLATES.en, sms: { text: `${a}${REQUIRED}${b}` } },
              })),
            },
          ),
          (input) => {
            const r = attempt(() => loadIncidentTemplates(realize(input)));
            if ('error' in r) {
              expectCandorError(r.error, ['invalid_template'], 'loadIncidentTemplates');
              const issues = (r.error as { issues?: { path: string; message: string }[] }).issues ?? [];
              expect(issues.length).to.be.above(0);
              for (const i of issues) expect(i.message.startsWith(i.path), i.message).to.be.true;
              return;
            }
            const templates = r.value;
            const [locale] = templates.locales;
            const m = incidentMessages(INCIDENT_SAMPLE, { channel: 'sms', templates, locale: locale!, maxSmsSegments: 10 });
            expect(m.text.endsWith(m.facts.link), JSON.stringify(m.text)).to.be.true;
          },
        ),
        params(200),
      );
    });

    it('smsSegments: any string is counted as carriers do, and the parts add up', () => {
      fc.assert(
        fc.property(fc.oneof(hostileString, fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: fc.constantFrom('a', '€', '😀', 'ب', '\ud800', '{'), maxLength: 400 })), (text) => {
          const r = smsSegments(text);
          expect(r.units).to.be.at.least(0);
          if (r.encoding === 'ucs-2') expect(r.units).to.equal(text.length);
          if (text === '') expect(r.segments).to.equal(0);
          else {
            const limits = r.encoding === 'gsm-7' ? { single: 160, part: 153 } : { single: 70, part: 67 };
            expect(r.segments).to.equal(r.units <= limits.single ? 1 : r.segments);
            expect(r.segments * limits.part).to.be.at.least(r.units > limits.single ? r.units : 0);
            expect(r.segments).to.be.at.most(Math.max(1, r.units));
          }
        }),
        params(300),
      );
      fc.assert(
        fc.property(hostileData.filter((v) => typeof v !== 'string'), (v) => {
          expect(() => smsSegments(v as string)).to.throw(TypeError, 'text must be a string');
        }),
        params(),
      );
    });

    it('nextUpdateState: a state for any incident-like value, or the documented RangeError for a bad now or grace', () => {
      fc.assert(
        fc.property(
          fc.record({ status: fc.oneof(fc.constantFrom('investigating', 'resolved', 'completed'), hostileData), nextUpdateAt: fc.oneof(fc.constantFrom('2026-11-23T10:30:00Z', '2026-02-30T10:00:00Z'), hostileData) }, { requiredKeys: [] }),
          fc.oneof(fc.date({ noInvalidDate: false }), hostileData),
          fc.oneof(fc.constant(undefined), fc.record({ graceMinutes: fc.oneof(fc.integer({ min: -5, max: 2000 }), hostileData) }, { requiredKeys: [] })),
          (inc, now, opts) => {
            const r = attempt(() => nextUpdateState(inc as never, now as Date, opts as never));
            if ('error' in r) {
              expect(r.error, String(r.error)).to.be.instanceOf(RangeError);
              expect((r.error as Error).message).to.match(/^nextUpdateState: (now|graceMinutes) must be/);
              return;
            }
            const s = r.value;
            expect(['none', 'on-time', 'due', 'overdue']).to.include(s.state);
            if (s.state === 'on-time') expect(s.minutesLeft).to.be.above(0);
            if (s.state === 'overdue') expect(s.minutesLate).to.be.at.least(0);
            if (s.state !== 'none') expect(Number.isFinite(s.at)).to.be.true;
          },
        ),
        params(200),
      );
    });

    it('incidentsInLanguage: each id once, in the order first listed, a version in the language when there is one', () => {
      fc.assert(
        fc.property(fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), locale: fc.constantFrom('en', 'ar', 'ar-EG', 'EN', 'fr') }), { maxLength: 8 }), fc.oneof(fc.constantFrom('ar', 'AR-eg', 'en', 'x', ''), hostileString), (list, lang) => {
          const out = incidentsInLanguage(list as never, lang);
          expect(out.map((i) => i.id)).to.deep.equal([...new Set(list.map((i) => i.id))]);
          for (const i of out) expect(list).to.include(i);
        }),
        params(200),
      );
    });
  });

  // -------------------------------------------------------------- faq
  describe('@candor/core/faq', () => {
    const WORDS = ['card', 'PIN', 'reset', 'Café', 'البطاقة', 'الْبِطَاقَة', 'تمويل', 'naïve', '😀', 'x', 'payments', '١٢٣', 'PINالرقم'];
    const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    const entry = (n: number) =>
      fc.record({
        id: fc.constant(`e${n}`),
        question: phrase,
        answer: fc.record({ paragraphs: fc.array(phrase, { minLength: 1, maxLength: 3 }), steps: fc.option(fc.array(phrase, { maxLength: 3 }), { nil: undefined }) }, { requiredKeys: ['paragraphs'] }),
        category: fc.constantFrom('Cards', 'Loans'),
        keywords: fc.option(fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }), { nil: undefined }),
        locale: fc.constantFrom('en', 'ar', 'ar-EG'),
        updatedAt: fc.constantFrom('2026-01-01T00:00:00Z', '2026-06-01T12:30:00+03:00'),
        priority: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
      }).map((e) => JSON.parse(JSON.stringify(e)) as FaqEntry);
    const entries = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entry(i))));

    it('createFaqIndex: hostile entries or options are invalid_faq / invalid_options; search never returns an entry not indexed', () => {
      fc.assert(
        fc.property(
          fc.oneof({ weight: 3, arbitrary: entries as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: hostileData }, { weight: 1, arbitrary: entries.map((e) => [...e, { ...e[0], question: 42 }]) }),
          fc.oneof(fc.constant(undefined), fc.record({ locale: fc.oneof(fc.constantFrom('en', 'ar'), hostileData) }, { requiredKeys: [] }), hostileData),
          fc.array(fc.tuple(fc.oneof(phrase, hostileString, hostileData), fc.oneof(fc.constant(undefined), fc.record({ limit: fc.oneof(fc.integer({ min: -2, max: 20 }), hostileData), category: fc.oneof(fc.constantFrom('Cards'), hostileData) }, { requiredKeys: [] }), hostileData)), { maxLength: 4 }),
          (list, options, queries) => {
            const r = attempt(() => createFaqIndex(list as FaqEntry[], options as never));
            if ('error' in r) return expectCandorError(r.error, ['invalid_faq', 'invalid_options'], 'createFaqIndex');
            const index = r.value;
            const indexed = (list as FaqEntry[]).filter(() => true);
            for (const [query, searchOptions] of queries) {
              const found = attempt(() => index.search(query as string, searchOptions as never));
              if ('error' in found) {
                expectCandorError(found.error, ['invalid_options'], 'search');
                continue;
              }
              const limit = (searchOptions as { limit?: unknown } | undefined)?.limit;
              expect(found.value.length).to.be.at.most(typeof limit === 'number' && limit >= 0 ? Math.floor(limit) || 0 : 10);
              for (const hit of found.value) {
                expect(indexed.some((e) => JSON.stringify(e) === JSON.stringify(hit.entry)), 'an entry that is not in the index').to.be.true;
                expect(Number.isFinite(hit.score)).to.be.true;
                for (const m of hit.matches) {
                  const text = m.field === 'question' ? hit.entry.question : m.field === 'keywords' ? hit.entry.keywords![m.index!]! : m.field === 'answer' ? hit.entry.answer.paragraphs[m.index!]! : hit.entry.answer.steps![m.index!]!;
                  expect(m.start).to.be.within(0, m.end - 1);
                  expect(m.end).to.be.at.most(text.length);
                }
              }
              const scores = found.value.map((h) => h.score);
              expect(scores).to.deep.equal([...scores].sort((a, b) => b - a));
            }
          },
        ),
        params(120),
      );
    });

    it('faqJsonLd / faqJsonLdScript: valid JSON-LD that never ends its script, or invalid_faq / invalid_options', () => {
      fc.assert(
        fc.property(
          fc.oneof(entries.map((e) => e.map((x) => ({ ...x, question: `${x.question} </script><!-- \u2028 & <b>` }))), hostileData),
          fc.oneof(fc.constant(undefined), fc.record({ url: fc.oneof(fc.constantFrom('https://bank.example/help#x', 'http://bank.example', 'javascript:alert(1)'), hostileData) }, { requiredKeys: [] }), hostileData),
          (list, options) => {
            const r = attempt(() => faqJsonLdScript(list as FaqEntry[], options as never));
            if ('error' in r) return expectCandorError(r.error, ['invalid_faq', 'invalid_options'], 'faqJsonLd');
            expect(r.value).to.not.match(/[<>&\u2028\u2029]/);
            const data = faqJsonLd(list as FaqEntry[], options as never);
            expect(JSON.parse(r.value)).to.deep.equal(data);
            expect(data.mainEntity.map((q) => q.name)).to.deep.equal((list as FaqEntry[]).map((e) => e.question));
          },
        ),
        params(),
      );
    });

    const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30, 59)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const channel = fc.record(
      {
        id: fc.constant('chat'),
        kind: fc.constant('chat'),
        label: fc.constant('Chat'),
        timeZone: fc.constantFrom('UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Apia', 'Etc/GMT+12', 'Etc/GMT-14'),
        hours: fc.dictionary(fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'), fc.array(fc.record({ opens: hhmm, closes: fc.oneof(hhmm, fc.constant('24:00')) }).filter((h) => h.opens !== h.closes), { maxLength: 3 }), { maxKeys: 7 }),
        closures: fc.array(fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => ({ from: d.toISOString().slice(0, 10) })), { maxLength: 3 }),
      },
      { requiredKeys: ['id', 'kind', 'label', 'timeZone'] },
    );
    it('channelAvailability: a state consistent with now and the horizon, or invalid_faq / invalid_options', () => {
      fc.assert(
        fc.property(
          fc.oneof({ weight: 4, arbitrary: channel as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: hostileData }),
          fc.oneof({ weight: 4, arbitrary: fc.date({ min: new Date('1971-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }) }, { weight: 1, arbitrary: fc.oneof(fc.date({ noInvalidDate: false }), hostileData) }),
          fc.oneof(fc.constant(undefined), fc.record({ horizonDays: fc.oneof(fc.integer({ min: 0, max: 400 }), hostileData) }, { requiredKeys: [] })),
          (ch, now, options) => {
            const r = attempt(() => channelAvailability(ch as never, now as Date, options as never));
            if ('error' in r) return expectCandorError(r.error, ['invalid_faq', 'invalid_options'], 'channelAvailability');
            const a = r.value;
            const t = (now as Date).getTime();
            const horizon = ((options as { horizonDays?: number } | undefined)?.horizonDays ?? 14) * 86_400_000;
            expect(['always', 'open', 'opens', 'closed']).to.include(a.state);
            if (a.state === 'open' && a.closesAt) expect(a.closesAt.getTime()).to.be.within(t + 1, t + horizon);
            if (a.state === 'opens') expect(a.opensAt.getTime()).to.be.within(t + 1, t + horizon);
          },
        ),
        params(100),
      );
    });
  });

  // -------------------------------------------------------------- consent
  describe('@candor/core/consent', () => {
    const purposeIds = noticeV1.purposes.map((p) => p.id);
    const choices = fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...purposeIds), fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: hostilePrimitive }), { maxKeys: purposeIds.length }) as fc.Arbitrary<unknown> },
      { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString'), fc.string({ maxLength: 5 })), fc.boolean()) },
      { weight: 1, arbitrary: hostileData },
    );
    const decision = fc.record({
      notice: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(noticeV1, noticeArV1) as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: hostileData }),
      subject: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('cust_1', 'c'.repeat(256), 'ب😀') as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: hostileData }),
      choices,
      locale: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('en', 'ar', 'ar-EG') as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: hostileData }),
      previousRecordId: fc.oneof(fc.constant(undefined), fc.uuid(), hostileData),
      collectionMethod: fc.oneof(fc.constant(undefined), fc.constantFrom('web', ''), hostileData),
      now: fc.oneof(fc.constant(undefined), fc.date({ noInvalidDate: false }), hostileData),
    }, { requiredKeys: ['notice', 'subject', 'choices', 'locale'] });

    let keys: KeySet;
    before(async () => {
      keys = await KeySet.generate('EdDSA');
    });

    it('createConsentRecord: a record that survives JSON, signing and verification unchanged, or invalid_consent', async () => {
      await fc.assert(
        fc.asyncProperty(decision, async (input) => {
          const r = await attemptAsync(() => createConsentRecord(input as never));
          if ('error' in r) return expectCandorError(r.error, ['invalid_consent'], 'createConsentRecord');
          const record = r.value;
          const notice = input.notice as typeof noticeV1;
          expect(ConsentRecordSchema.safeParse(record).success).to.be.true;
          for (const p of notice.purposes) if (p.required) expect(record.purposesGranted).to.include(p.id);
          const copy = JSON.parse(JSON.stringify(record));
          expect(copy).to.deep.equal(record);
          expect(record.notice.hash).to.equal(await hashNotice(notice));
          const diff = await compareWithNotice(copy, notice, { locale: record.locale });
          expect(diff.askAgain, 'the same notice asks again').to.be.false;
          const jws = await signConsentRecord(copy, keys);
          expect(await verifyConsentRecord(jws, keys.publicJwks())).to.deep.equal(record);
          await new MemoryConsentStorage().save(copy);
        }),
        params(40),
      );
    });

    it('verifyConsentRecord / compareWithNotice: any value is a CandorError with a known code', async () => {
      await fc.assert(
        fc.asyncProperty(hostileData, fc.oneof(fc.constant(undefined), hostileData), async (v, opts) => {
          const a = await attemptAsync(() => verifyConsentRecord(v, keys.publicJwks(), opts as never));
          if ('error' in a) expectCandorError(a.error, ['invalid_input', 'too_large', 'malformed', 'invalid_options'], 'verifyConsentRecord');
          const b = await attemptAsync(() => compareWithNotice(v as never, noticeV1, opts as never));
          if ('error' in b) expectCandorError(b.error, ['invalid_consent'], 'compareWithNotice');
        }),
        params(),
      );
    });

    /** A Storage double that answers garbage: what a broken polyfill or a test fake may do. */
    const GETS: Record<string, (key: string, real: Map<string, string>) => unknown> = {
      real: (k, real) => real.get(k) ?? null,
      undefinedWhenMissing: (k, real) => real.get(k),
      emptyForAll: () => '',
      number: () => 5,
      object: () => ({}),
      junk: () => '[{"a":1},{"cut',
      throws: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const storageDouble = fc.record({
      get: fc.constantFrom(...Object.keys(GETS)),
      set: fc.constantFrom('ok', 'quota', 'typeError', 'silent'),
      length: fc.constantFrom<unknown>(0, 3, Infinity, NaN, -1, '2'),
    });
    const makeStorage = (d: { get: string; set: string; length: unknown }): Storage => {
      const real = new Map<string, string>();
      return {
        getItem: (k: string) => GETS[d.get]!(k, real),
        setItem: (k: string, v: string) => {
          if (d.set === 'quota') throw new DOMException('full', 'QuotaExceededError');
          if (d.set === 'typeError') throw new TypeError('nope');
          if (d.set === 'ok') real.set(k, String(v));
        },
        removeItem: (k: string) => void real.delete(k),
        key: (i: number) => [...real.keys()][i] ?? null,
        clear: () => real.clear(),
        get length() {
          return d.length as number;
        },
      } as Storage;
    };

    it('LocalStorageConsentStorage over a Storage that answers garbage: read and save finish, with records or a CandorError', async () => {
      const record = await createConsentRecord({ notice: noticeV1, subject: 'cust_1', locale: 'en', choices: {} });
      await fc.assert(
        fc.asyncProperty(storageDouble, async (d) => {
          const storage = new LocalStorageConsentStorage({ storage: makeStorage(d), onWarning: () => {} });
          const owner = `id:${record.controller.id ?? ''}`;
          const steps: (() => Promise<unknown>)[] = [() => storage.read(owner, 'cust_1'), () => storage.save(record), () => storage.history(owner, 'cust_1')];
          for (const step of steps) {
            const r = await attemptAsync(step);
            if ('error' in r) {
              expectCandorError(r.error, ['storage_unavailable', 'storage_quota_exceeded'], `storage ${JSON.stringify(d)}`);
              continue;
            }
            const v = r.value as { records?: unknown[] } | unknown[] | undefined;
            const records = Array.isArray(v) ? v : (v as { records?: unknown[] } | undefined)?.records;
            for (const rec of records ?? []) expect(ConsentRecordSchema.safeParse(rec).success).to.be.true;
          }
        }),
        params(80),
      );
    });
  });

  // -------------------------------------------------------------- tokens and status lists
  describe('@candor/core/tokens and /status-list', () => {
    let keys: KeySet;
    before(async () => {
      keys = await KeySet.generate('ES256');
    });
    const verifier = () => createVerifier({ issuer: ISS, audience: AUD, keys: keys.publicJwks(), now: NOW });
    const TOKEN_CODES: CandorErrorCode[] = [
      'invalid_input', 'too_large', 'malformed', 'unsupported_algorithm', 'wrong_type', 'forbidden_header', 'unsupported_critical', 'unknown_key', 'bad_signature',
      'expired', 'not_yet_valid', 'verified_in_future', 'lifetime_too_long', 'missing_claim', 'wrong_issuer', 'wrong_audience', 'invalid_claims', 'invalid_key',
    ];

    it('verify(): any value or string is a CandorError with a token code', async () => {
      const v = verifier();
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileData, fc.string({ maxLength: 300 }), fc.array(fc.base64String({ maxLength: 80 }), { minLength: 3, maxLength: 3 }).map((p) => p.join('.').replace(/=/g, ''))), async (token) => {
          const r = await attemptAsync(() => v.verify(token));
          expect('error' in r, 'a junk token verified').to.be.true;
          expectCandorError((r as { error: unknown }).error, TOKEN_CODES, 'verify');
        }),
        params(150),
      );
    });

    /**
     * A claim: mostly the right one, sometimes anything that JSON can carry. DEEP is left out:
     * whether JSON.stringify can forge it depends on how deep the stack already is (Chromium
     * manages it at the top of a test, not inside fast-check's generators). Deeply nested claims
     * are written out by hand in status-list.test.ts, and a verification token that deep is over
     * its size limit.
     */
    const jsonable = hostileData.filter((x) => {
      if (x === DEEP) return false;
      try {
        JSON.stringify(x);
        return true;
      } catch {
        return false;
      }
    });
    const claim = <T>(valid: T) => fc.oneof({ weight: 4, arbitrary: fc.constant(valid) as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: jsonable });
    const base = tokenClaims();
    const hostileClaims = fc.record(Object.fromEntries(Object.entries(base).map(([k, v]) => [k, claim(v)])) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] }).map((c) => JSON.parse(JSON.stringify(c)));

    it('verify(): a validly signed token whose payload is hostile is a CandorError naming the claim, or valid claims', async () => {
      const v = verifier();
      await fc.assert(
        fc.asyncProperty(hostileClaims, fc.record({ typ: claim('candor-verification+jwt'), kid: claim(keys.active.kid) }, { requiredKeys: [] }), async (payload, h) => {
          const token = await forge(keys.active, JSON.parse(JSON.stringify({ ...tokenHeader(keys.active), ...h })), payload);
          const r = await attemptAsync(() => v.verify(token));
          if ('error' in r) return expectCandorError(r.error, TOKEN_CODES, 'verify');
          expect(r.value.claims.sub).to.be.a('string');
          expect(r.value.claims).to.deep.include({ iss: ISS });
        }),
        params(150),
      );
    });

    it('createIssuer().issue(): a token that verifies with Candor and with bare jose, or a CandorError', async () => {
      const issuer = createIssuer({ issuer: ISS, keys, now: NOW, pairwiseSecret: 'p'.repeat(32) });
      const publicKey = await importJWK(keys.publicJwks().keys[0]!, 'ES256');
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            subject: fc.oneof(fc.constantFrom('cust_1', 'ب😀', 's'.repeat(256)), hostileData),
            audience: fc.oneof(fc.constantFrom(AUD, 'https://p.example/\u202e', 'urn:x', 'a'.repeat(2048)), hostileData),
            verification: fc.oneof(
              fc.record({ level: fc.oneof(fc.constantFrom('low', 'high'), hostileData), methods: fc.oneof(fc.constant(['document']), hostileData), verifiedAt: fc.oneof(fc.constant(NOW_S * 1000 - 1000), fc.date({ noInvalidDate: false }), hostileData), riskTier: fc.oneof(fc.constant('low'), hostileData) }),
              hostileData,
            ),
            attributes: fc.oneof(fc.constant(undefined), fc.dictionary(fc.oneof(fc.constantFrom('age_over_18', '__proto__', 'constructor', 'name'), fc.string({ maxLength: 8 })), fc.oneof(fc.boolean(), fc.string({ maxLength: 300 }), fc.double(), hostilePrimitive), { maxKeys: 4 }), hostileData),
            ttlSeconds: fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 100_000 }), hostileData),
            subjectType: fc.oneof(fc.constant(undefined), fc.constantFrom('public', 'pairwise'), hostileData),
          }, { requiredKeys: ['subject', 'audience', 'verification'] }),
          async (input) => {
            const r = await attemptAsync(() => issuer.issue(input as never));
            if ('error' in r) return expectCandorError(r.error, ['invalid_options', 'invalid_claims', 'verified_in_future'], 'issue');
            const token = r.value;
            const audience = input.audience as string;
            const ours = await createVerifier({ issuer: ISS, audience, keys: keys.publicJwks(), now: NOW }).verify(token);
            expect(ours.claims.aud).to.equal(audience);
            const theirs = await jwtVerify(token, publicKey, { issuer: ISS, audience, currentDate: NOW(), typ: 'candor-verification+jwt', algorithms: ['ES256'] });
            expect(theirs.payload).to.deep.equal(JSON.parse(JSON.stringify(ours.claims)));
            expect((await compactVerify(token, publicKey)).protectedHeader.typ).to.equal('candor-verification+jwt');
          },
        ),
        params(80),
      );
    });

    it('createStatusChecker: hostile status claims and hostile list responses are CandorErrors, never a crash', async () => {
      const URI = 'https://id.example.com/status/1';
      const body = fc.oneof(
        fc.string({ maxLength: 200 }),
        hostileClaims.chain((p) => fc.constant(p)).map((p) => ({ forge: { ...p, sub: URI, status_list: p.status_list ?? { bits: 1, lst: 'eNrbuRgAAhcBXQ' } } })),
        fc.record({ sub: claim(URI), iat: claim(NOW_S - 10), exp: claim(NOW_S + 100), ttl: claim(60), status_list: claim({ bits: 1, lst: 'eNrbuRgAAhcBXQ' }) }, { requiredKeys: [] }).map((p) => ({ forge: p })),
      );
      await fc.assert(
        fc.asyncProperty(
          body,
          fc.constantFrom(200, 404, 302, 500),
          fc.oneof({ weight: 3, arbitrary: fc.record({ status_list: fc.record({ idx: fc.oneof(fc.integer({ min: 0, max: 20 }), hostileData), uri: fc.oneof(fc.constant(URI), hostileData) }) }) as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: hostileData }),
          async (b, code, status) => {
            const text = typeof b === 'string' ? b : await forge(keys.active, { alg: 'ES256', kid: keys.active.kid, typ: 'statuslist+jwt' }, b.forge);
            const checker = createStatusChecker({
              issuer: ISS,
              keys: keys.publicJwks(),
              now: NOW,
              fetch: async () => new Response(code === 302 ? null : text, { status: code, headers: code === 302 ? { location: 'javascript:x' } : { 'content-type': 'application/statuslist+jwt' } }),
            });
            const r = await attemptAsync(() => checker.check(status));
            if ('error' in r) return expectCandorError(r.error, ['revoked', 'suspended', 'status_unavailable', 'invalid_status_list', 'invalid_claims', ...TOKEN_CODES], 'check');
          },
        ),
        params(100),
      );
    });
  });
});
