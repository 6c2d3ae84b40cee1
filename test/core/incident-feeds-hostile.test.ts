// Hostile status feeds (@candor/core/incidents): for each of fromStatuspage, fromInstatus and
// fromCState, feeds with wrong types, huge or deep values, unknown statuses, bad dates, markup,
// unsafe links and prototype keys. Each case names the issue it must raise (path and a fragment
// of the message) and checks that nothing unsafe or false came through.
import { expect } from 'chai';
import { FEED_LIMITS, fromCState, fromInstatus, fromStatuspage, type FeedResult } from '@candor/core/incidents';
import { IncidentsSchema } from '@candor/core/models';
import { statuspageIncident, statuspagePage } from './feed-items.js';

// Small, valid items of each feed; each case changes one thing.
const sp = statuspageIncident;
const spPage = statuspagePage;
const is = {
  id: 'inc1',
  name: 'Card payments are failing',
  started: 'Mon Nov 23 2026 09:12:00 GMT-0600 (Central Standard Time)',
  status: 'INVESTIGATING',
  impact: 'MAJOROUTAGE',
  url: 'https://status.bank.example/incident/inc1',
};
const isPage = { name: 'Acme Bank', url: 'https://status.bank.example', status: 'HASISSUES' };
const isMaintenance = { id: 'mnt1', name: 'Database maintenance', start: '2026-12-06T01:00:00Z', status: 'NOTSTARTEDYET', duration: '60', url: 'https://status.bank.example/maintenance/mnt1' };
const cs = {
  is: 'issue',
  title: 'Card payments are failing',
  createdAt: '2026-11-23 15:12:00 +0000 UTC',
  lastMod: '2026-11-23 16:00:00 +0000 UTC',
  permalink: 'https://status.bank.example/issues/card-payments/',
  severity: 'down',
  resolved: false,
  informational: false,
  resolvedAt: '',
  affected: ['Card payments'],
  filename: 'card-payments.md',
};
const csBase = 'https://status.bank.example/';

const statuspage = (patch: Record<string, unknown>, doc: Record<string, unknown> = {}) => fromStatuspage({ page: spPage, incidents: [{ ...sp, ...patch }], ...doc });
const instatus = (patch: Record<string, unknown>, doc: Record<string, unknown> = {}) => fromInstatus({ page: isPage, activeIncidents: [{ ...is, ...patch }], ...doc });
const cstate = (patch: Record<string, unknown>, doc: Record<string, unknown> = {}) => fromCState({ baseURL: csBase, pages: [{ ...cs, ...patch }], ...doc });

const deep = (levels: number) => {
  let v: unknown = [];
  for (let n = 0; n < levels; n++) v = [v];
  return v;
};
const many = <T extends Record<string, unknown>>(item: T, key: string) =>
  Array.from({ length: FEED_LIMITS.maxIncidents + 5 }, (_, n) => ({ ...item, [key]: `${key === 'filename' ? 'f' : 'i'}${n}${key === 'filename' ? '.md' : ''}`, ...(key === 'id' ? { url: undefined } : {}) }));
const markup = '<img src=x onerror=alert(1)><script>alert(document.cookie)</script> & "quotes"';

interface Case {
  name: string;
  run: () => FeedResult;
  /** The issue it must raise: its path and a fragment of its message; null when nothing is wrong with the feed. */
  issue: readonly [path: string, fragment: string] | null;
  /** What else must hold: what was mapped, and that nothing unsafe came through. */
  then?: (r: FeedResult) => void;
}

const nothingMapped = (r: FeedResult) => expect(r.incidents).to.deep.equal([]);
const one = (r: FeedResult) => {
  expect(r.incidents).to.have.length(1);
  return r.incidents[0]!;
};

const cases: Case[] = [
  // Size, depth and count: refused before mapping, without a stack overflow.
  { name: 'Statuspage: text over the size limit', run: () => fromStatuspage(' '.repeat(FEED_LIMITS.maxChars) + '{}'), issue: ['(root)', `over the ${FEED_LIMITS.maxChars}-character limit`], then: nothingMapped },
  { name: 'Instatus: text over the size limit', run: () => fromInstatus(JSON.stringify({ activeIncidents: [{ ...is, name: 'x'.repeat(FEED_LIMITS.maxChars) }] })), issue: ['(root)', 'it was not parsed'], then: nothingMapped },
  { name: 'cState: 10,000 levels of nesting as parsed JSON', run: () => cstate({ affected: deep(10_000) }), issue: ['(root)', `nests deeper than ${FEED_LIMITS.maxDepth} levels`], then: nothingMapped },
  { name: 'Instatus: 10,000 levels of nesting as text', run: () => fromInstatus(`{"activeIncidents":${'['.repeat(10_000)}${']'.repeat(10_000)}}`), issue: ['(root)', 'nests deeper than'], then: nothingMapped },
  { name: 'Statuspage: more values than the node limit', run: () => statuspage({ noise: new Array(FEED_LIMITS.maxNodes).fill(0) }), issue: ['(root)', `more than ${FEED_LIMITS.maxNodes} values`], then: nothingMapped },
  {
    name: 'Instatus: more than 50 incidents, capped with one issue',
    run: () => fromInstatus({ activeIncidents: many(is, 'id') }),
    issue: [`activeIncidents.${FEED_LIMITS.maxIncidents}`, `more than ${FEED_LIMITS.maxIncidents} incidents; this one and the rest were not mapped`],
    then: (r) => {
      expect(r.incidents).to.have.length(FEED_LIMITS.maxIncidents);
      expect(r.issues).to.have.length(1);
      expect(IncidentsSchema.safeParse(r.incidents).success).to.equal(true);
    },
  },
  {
    name: 'cState: more than 50 issues, capped with one issue',
    run: () => fromCState({ pages: many(cs, 'filename') }),
    issue: [`pages.${FEED_LIMITS.maxIncidents}`, 'the rest were not mapped'],
    then: (r) => expect([r.incidents.length, r.issues.length]).to.deep.equal([FEED_LIMITS.maxIncidents, 1]),
  },

  // Wrong shapes and types.
  { name: 'cState: not JSON (a title with an unescaped quote, as an unescaped template writes it)', run: () => fromCState('{"pages":[{"title":"The "API" is down"}]}'), issue: ['(root)', 'is not JSON'], then: nothingMapped },
  { name: 'Instatus: a Statuspage document', run: () => fromInstatus({ page: spPage, incidents: [sp] }), issue: ['(root)', 'is this an Instatus summary.json?'], then: nothingMapped },
  { name: 'cState: systems is a string', run: () => fromCState({ systems: 'all good' }), issue: ['(root)', 'neither systems nor pages arrays'], then: nothingMapped },
  { name: 'Instatus: activeIncidents is an object', run: () => fromInstatus({ activeIncidents: { 0: is }, activeMaintenances: [] }), issue: ['activeIncidents', 'is not an array; it was skipped'], then: nothingMapped },
  { name: 'cState: items that are not objects', run: () => fromCState({ pages: [null, 'issue', 7] }), issue: ['pages.0', 'is not an object; it was skipped'], then: (r) => expect(r.issues.map((i) => i.path)).to.deep.equal(['pages.0', 'pages.1', 'pages.2']) },
  { name: 'cState: unresolvedIssues is not an array', run: () => fromCState({ systems: [{ name: 'API', status: 'ok', unresolvedIssues: 'none' }] }), issue: ['systems.0.unresolvedIssues', 'is not an array'], then: nothingMapped },
  { name: 'Instatus: a number where the name should be', run: () => instatus({ name: 42 }), issue: ['activeIncidents.0.title', 'at least 1 character'], then: nothingMapped },
  { name: 'cState: an array where the title should be', run: () => cstate({ title: ['Card payments'] }), issue: ['pages.0.title', 'at least 1 character'], then: nothingMapped },
  { name: 'cState: resolved is the string "true"', run: () => cstate({ resolved: 'true', resolvedAt: '2026-11-23 17:00:00 +0000 UTC' }), issue: ['pages.0.resolved', 'the issue was kept open'], then: (r) => expect(one(r)).to.deep.include({ status: 'investigating' }) },
  { name: 'cState: an item that is a page, not an issue', run: () => cstate({ is: 'page' }), issue: ['pages.0.is', 'is not "issue"; it was skipped'], then: nothingMapped },
  { name: 'cState: a number in affected', run: () => cstate({ affected: [42, 'Card payments'] }), issue: ['pages.0.affected.0', 'is not a system name'], then: (r) => expect(one(r).services.map((s) => s.name)).to.deep.equal(['Card payments']) },
  { name: 'Instatus: a component with no name', run: () => instatus({ components: [{ id: 'c1' }, { id: 'c2', name: 'Mobile app', status: 'MAJOROUTAGE' }] }), issue: ['activeIncidents.0.components.0', 'has no id or name'], then: (r) => expect(one(r).services.map((s) => s.id)).to.deep.equal(['c2']) },
  { name: 'Instatus: two incidents with the same id', run: () => fromInstatus({ activeIncidents: [is, { ...is, name: 'Second' }] }), issue: ['activeIncidents.1.id', "repeats an earlier incident's id"], then: (r) => expect(r.incidents.map((i) => i.title)).to.deep.equal([is.name]) },

  // Unknown statuses: the safe side, never a false all-clear.
  { name: 'Instatus: a status in the wrong case', run: () => instatus({ status: 'resolved' }), issue: ['activeIncidents.0.status', '"resolved" is not an Instatus incident status; mapped to investigating'], then: (r) => expect(one(r).status).to.equal('investigating') },
  { name: 'Instatus: an unknown maintenance status', run: () => fromInstatus({ activeMaintenances: [{ ...isMaintenance, status: 'DONE' }] }), issue: ['activeMaintenances.0.status', 'mapped to in-progress'], then: (r) => expect(one(r).status).to.equal('in-progress') },
  { name: 'Instatus: an unknown impact', run: () => instatus({ impact: 'CATASTROPHIC' }), issue: ['activeIncidents.0.impact', 'is not an Instatus impact; mapped to major'], then: (r) => expect(one(r).severity).to.equal('major') },
  { name: 'Instatus: an unknown component status', run: () => instatus({ components: [{ id: 'c1', name: 'Cards', status: 'FINE' }] }), issue: ['activeIncidents.0.components.0.status', 'mapped to major-outage'], then: (r) => expect(one(r).services[0]!.state).to.equal('major-outage') },
  { name: 'cState: an unknown severity', run: () => cstate({ severity: 'apocalyptic' }), issue: ['pages.0.severity', 'is not a cState severity; mapped to major'], then: (r) => expect(one(r).severity).to.equal('major') },
  { name: 'cState: an unknown system status', run: () => fromCState({ systems: [{ name: 'Card payments', status: 'fine-ish', unresolvedIssues: [cs] }] }), issue: ['systems.0.status', 'mapped to partial-outage'], then: (r) => expect(one(r).services[0]!.state).to.equal('partial-outage') },

  // Prototype keys: never looked up on Object.prototype, never polluting it.
  { name: 'Statuspage: status "constructor" and impact "__proto__"', run: () => statuspage({ status: 'constructor', impact: '__proto__' }), issue: ['incidents.0.status', '"constructor" is not a Statuspage incident status'], then: (r) => expect(one(r)).to.deep.include({ status: 'investigating', severity: 'major' }) },
  { name: 'Instatus: status "toString"', run: () => instatus({ status: 'toString' }), issue: ['activeIncidents.0.status', 'mapped to investigating'], then: (r) => expect(one(r).status).to.equal('investigating') },
  { name: 'cState: severity "hasOwnProperty"', run: () => cstate({ severity: 'hasOwnProperty' }), issue: ['pages.0.severity', 'mapped to major'], then: (r) => expect(one(r).severity).to.equal('major') },
  {
    name: 'Statuspage: "__proto__" keys in the feed text',
    run: () => {
      const { status, impact, ...rest } = sp;
      const text = JSON.stringify({ page: spPage, incidents: [rest] })
        .replace('{"page"', '{"__proto__":{"polluted":"yes"},"page"')
        .replace('{"id"', '{"__proto__":{"status":"resolved","impact":"none"},"id"');
      return fromStatuspage(text);
    },
    issue: ['incidents.0.status', 'undefined is not a Statuspage incident status; mapped to investigating'],
    then: (r) => {
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(one(r)).to.deep.include({ status: 'investigating', severity: 'major' });
    },
  },
  { name: 'cState: a system named "__proto__"', run: () => fromCState({ systems: [{ name: '__proto__', status: 'down', unresolvedIssues: [{ ...cs, affected: ['__proto__'] }] }] }), issue: null, then: (r) => expect(one(r).services).to.deep.equal([{ id: 'proto', name: '__proto__', state: 'major-outage' }]) },

  // Bad dates.
  { name: 'Instatus: "Invalid Date", what JavaScript prints for NaN', run: () => instatus({ started: 'Invalid Date', updatedAt: '2026-11-23T16:00:00Z' }), issue: ['activeIncidents.0.started', 'is not a time in a form this feed uses'], then: (r) => expect(one(r).startedAt).to.equal('2026-11-23T16:00:00.000Z') },
  { name: 'Instatus: a number of milliseconds for a time', run: () => instatus({ started: 1_795_000_000_000 }), issue: ['activeIncidents.0.started', '1795000000000 is not a time'], then: nothingMapped },
  { name: 'Instatus: 30 February', run: () => instatus({ started: 'Mon Feb 30 2026 09:00:00 GMT+0000 (Coordinated Universal Time)' }), issue: ['activeIncidents.0.started', 'is not a real date and time'], then: nothingMapped },
  { name: 'Instatus: a weekday that disagrees with the date', run: () => instatus({ started: 'Fri Nov 23 2026 09:12:00 GMT-0600 (Central Standard Time)' }), issue: ['activeIncidents.0.started', 'is not a real date and time'], then: nothingMapped },
  { name: 'Instatus: an offset of 25 hours', run: () => instatus({ started: 'Mon Nov 23 2026 09:12:00 GMT+2500' }), issue: ['activeIncidents.0.started', 'is not a real date and time'], then: nothingMapped },
  { name: "cState: Go's zero time", run: () => cstate({ createdAt: '0001-01-01 00:00:00 +0000 UTC' }), issue: ['pages.0.createdAt', 'is outside the years 2000 to 2100'], then: (r) => expect(one(r).startedAt).to.equal('2026-11-23T16:00:00.000Z') },
  { name: 'Statuspage: a time in the year 9999', run: () => statuspage({ started_at: '9999-12-31T23:59:59Z' }), issue: ['incidents.0.started_at', 'is outside the years'], then: (r) => expect(one(r).startedAt).to.equal('2026-11-23T16:00:00.000Z') },
  { name: 'Statuspage: 24:00 o’clock', run: () => statuspage({ started_at: '2026-11-23T24:00:00Z' }), issue: ['incidents.0.started_at', 'is not a real date and time'] },
  { name: 'cState: resolved before it began', run: () => cstate({ resolved: true, resolvedAt: '2026-11-22 10:00:00 +0000 UTC' }), issue: ['pages.0.resolvedAt', 'is before createdAt; it was left out'], then: (r) => expect(one(r)).to.deep.include({ status: 'resolved' }).and.not.have.property('resolvedAt') },
  { name: 'Instatus: a maintenance duration that is not minutes', run: () => fromInstatus({ activeMaintenances: [{ ...isMaintenance, duration: '-5' }] }), issue: ['activeMaintenances.0.duration', 'is not a whole number of minutes'], then: (r) => expect(one(r)).to.not.have.property('scheduledUntil') },
  { name: 'Instatus: a maintenance lasting a billion minutes', run: () => fromInstatus({ activeMaintenances: [{ ...isMaintenance, duration: 1e9 }] }), issue: ['activeMaintenances.0.duration', 'from 1 to 43200'], then: (r) => expect(one(r)).to.not.have.property('scheduledUntil') },

  // Links: https only.
  { name: 'Instatus: a javascript: incident link', run: () => instatus({ url: 'javascript:alert(1)' }), issue: ['activeIncidents.0.url', 'is not an https link; the page URL was used instead'], then: (r) => expect(one(r).statusPageUrl).to.equal(isPage.url) },
  { name: 'Instatus: javascript: links for the page and the incident', run: () => instatus({ url: 'javascript:alert(1)' }, { page: { ...isPage, url: 'javascript:alert(2)' } }), issue: ['activeIncidents.0.url', 'it was left out'], then: (r) => expect(one(r)).to.not.have.property('statusPageUrl') },
  { name: 'cState: a data: permalink', run: () => cstate({ permalink: 'data:text/html,<script>alert(1)</script>' }), issue: ['pages.0.permalink', 'the site URL was used instead'], then: (r) => expect(one(r).statusPageUrl).to.equal(csBase) },
  { name: 'cState: a plain http site and permalink', run: () => cstate({ permalink: 'http://status.bank.example/issues/x/' }, { baseURL: 'http://status.bank.example/' }), issue: ['pages.0.permalink', 'it was left out'], then: (r) => expect(one(r)).to.not.have.property('statusPageUrl') },

  // Markup stays text; long text is cut, not refused; hostile values do not flood messages.
  { name: 'Instatus: markup in the name', run: () => instatus({ name: markup }), issue: null, then: (r) => expect([one(r).title, one(r).updates[0]!.message]).to.deep.equal([markup, markup]) },
  { name: 'cState: markup in the title and a system name', run: () => cstate({ title: markup, affected: ['<b>Cards</b>'] }), issue: null, then: (r) => expect([one(r).title, one(r).services[0]!.name]).to.deep.equal([markup, '<b>Cards</b>']) },
  { name: 'Instatus: a 100,000-character name', run: () => instatus({ name: 'Payments fail '.repeat(7200) }), issue: null, then: (r) => expect(one(r).title).to.have.length.at.most(200).and.match(/…$/) },
  {
    name: 'cState: a 100,000-character severity',
    run: () => cstate({ severity: 'x'.repeat(100_000) }),
    issue: ['pages.0.severity', 'is not a cState severity'],
    then: (r) => expect(r.issues[0]!.message).to.have.length.below(200),
  },
  { name: 'cState: a languageCode that is markup', run: () => cstate({}, { languageCode: '<script>' }), issue: ['languageCode', 'is not a BCP 47 language tag; en was used'], then: (r) => expect(one(r).locale).to.equal('en') },
];

describe('hostile status feeds: each refused or mapped to the safe side, with its issue', () => {
  it(`has at least 30 cases (${cases.length})`, () => expect(cases.length).to.be.at.least(30));

  for (const c of cases) {
    it(c.name, () => {
      let r: FeedResult | undefined;
      expect(() => (r = c.run())).to.not.throw();
      if (c.issue === null) expect(r!.issues).to.deep.equal([]);
      else {
        const [path, fragment] = c.issue;
        const found = r!.issues.find((i) => i.path === path);
        expect(found, `an issue at ${path} among ${JSON.stringify(r!.issues.map((i) => i.path))}`).to.not.equal(undefined);
        expect(found!.message).to.contain(fragment);
      }
      // Whatever was mapped is a valid feed, and no unsafe link survived anywhere in it.
      expect(IncidentsSchema.safeParse(r!.incidents).success).to.equal(true);
      expect(JSON.stringify(r!.incidents)).to.not.match(/javascript:|data:text|http:\/\//);
      c.then?.(r!);
    });
  }

  it('refuses oversized text before JSON.parse sees it', () => {
    const parse = JSON.parse;
    let calls = 0;
    JSON.parse = ((...args: Parameters<typeof JSON.parse>) => {
      calls++;
      return parse(...args);
    }) as typeof JSON.parse;
    try {
      const huge = JSON.stringify({ activeIncidents: [], pad: 'x'.repeat(FEED_LIMITS.maxChars) });
      for (const adapter of [fromStatuspage, fromInstatus, fromCState]) expect(adapter(huge).issues[0]!.path).to.equal('(root)');
    } finally {
      JSON.parse = parse;
    }
    expect(calls).to.equal(0);
  });

  it('reads a parsed feed once, as plain data: a getter that throws, a Proxy or a revoked one is an issue at (root), never a throw', () => {
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwing = Object.defineProperty({ ...sp }, 'name', { enumerable: true, get: () => { throw new Error('getter'); } });
    const trapped = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    for (const adapter of [fromStatuspage, fromInstatus, fromCState]) {
      for (const feed of [revoked, { incidents: [throwing], activeIncidents: [throwing], pages: [throwing] }, { incidents: [trapped], activeIncidents: [revoked], systems: [revoked] }]) {
        const r = adapter(feed);
        expect(r.incidents).to.deep.equal([]);
        expect(r.issues).to.have.length(1);
        expect(r.issues[0]).to.include({ path: '(root)' });
        expect(r.issues[0]!.message).to.include('could not be read: a getter or Proxy in it threw');
      }
    }
    // A getter that answers differently on each read is read once: the incident is the one validated.
    let reads = 0;
    const flipping = Object.defineProperty({ ...sp }, 'name', { enumerable: true, get: () => (reads++ === 0 ? 'Card payments are failing' : 42) });
    const r = fromStatuspage({ page: spPage, incidents: [flipping] });
    expect(r.incidents.map((i) => i.title)).to.deep.equal(['Card payments are failing']);
    expect(reads).to.equal(1);
  });

  it('names a value with no JSON and no text (a BigInt in an object without prototype) in its issue instead of throwing', () => {
    const odd = Object.assign(Object.create(null) as object, { at: 10n });
    const r = fromStatuspage({ page: spPage, incidents: [{ ...sp, started_at: odd, created_at: odd, status: odd }] });
    expect(r.issues.find((i) => i.path === 'incidents.0.status')!.message).to.include('(an object) is not a Statuspage incident status');
    expect(r.issues.find((i) => i.path === 'incidents.0.started_at')!.message).to.include('(an object)');
  });
});
