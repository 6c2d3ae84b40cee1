// Status feeds as they arrive in the wild (@candor/core/incidents): a byte order mark, long lists,
// repeated or odd ids, unknown component states, hand-edited times, links that carry more than a
// link, long names that begin alike, and a title with a line break in an e-mail subject. Each case
// is one that once lost an incident, showed a wrong state, or let text through where a link or a
// header line belongs.
import { expect } from 'chai';
import { FEED_LIMITS, fromCState, fromInstatus, fromStatuspage, incidentMessages, type FeedResult } from '@candor/core/incidents';
import { IncidentSchema, IncidentsSchema } from '@candor/core/models';
import { cardOutage, plannedMaintenance } from '../../examples/fixtures/incidents.js';
import { statuspageIncident, statuspagePage } from './feed-items.js';

const page = statuspagePage;
const sp = statuspageIncident;
const update = sp.incident_updates[0]!;
const statuspage = (patch: Record<string, unknown>, doc: Record<string, unknown> = {}) => fromStatuspage({ page, incidents: [{ ...sp, ...patch }], ...doc });
const is = { id: 'inc1', name: 'Card payments are failing', started: '2026-11-23T15:12:00Z', status: 'INVESTIGATING', impact: 'MAJOROUTAGE' };
const cs = { is: 'issue', title: 'Card payments are failing', createdAt: '2026-11-23 15:12:00 +0000 UTC', severity: 'down', resolved: false, filename: 'cards.md' };

const one = (r: FeedResult) => {
  expect(r.incidents, JSON.stringify(r.issues)).to.have.length(1);
  expect(IncidentsSchema.safeParse(r.incidents).success).to.equal(true);
  return r.incidents[0]!;
};
const issueAt = (r: FeedResult, path: string) => {
  const found = r.issues.find((i) => i.path === path);
  expect(found, `an issue at ${path} among ${JSON.stringify(r.issues.map((i) => i.path))}`).to.not.equal(undefined);
  return found!.message;
};
const minutes = (n: number) => new Date(Date.parse('2026-11-23T16:00:00Z') + n * 60_000).toISOString();
/** A lone half of a surrogate pair: what cutting an emoji in two leaves. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('status feeds in the wild: what used to be lost or misread', () => {
  describe('reading the document', () => {
    it('reads a feed saved with a byte order mark', () => {
      const r = fromStatuspage(`\uFEFF${JSON.stringify({ page, incidents: [sp] })}`);
      expect(r.issues).to.deep.equal([]);
      expect(one(r).id).to.equal(sp.id);
      expect(one(fromCState(`\uFEFF${JSON.stringify({ pages: [cs] })}`)).id).to.equal('cards');
    });

    it('refuses a sparse array of 2³² - 1 holes by its length, at once, without walking it', () => {
      const started = Date.now();
      const r = fromStatuspage({ page, incidents: new Array(2 ** 32 - 1) });
      expect(r.issues).to.deep.equal([{ path: '(root)', message: `(root) holds more than ${FEED_LIMITS.maxNodes} values; it was not mapped` }]);
      expect(Date.now() - started).to.be.below(1000);
    });

    it('looks at no more than FEED_LIMITS.maxIncidents items, mapped or not: 100,000 junk items cost one issue each for 50, then one', () => {
      const r = fromStatuspage(JSON.stringify({ incidents: Array.from({ length: 100_000 }, () => ({})) }));
      expect(r.incidents).to.deep.equal([]);
      expect(r.issues.at(-1)).to.deep.equal({ path: `incidents.${FEED_LIMITS.maxIncidents}`, message: `incidents.${FEED_LIMITS.maxIncidents}: more than ${FEED_LIMITS.maxIncidents} incidents; this one and the rest were not mapped` });
      expect(r.issues.length).to.be.below(FEED_LIMITS.maxIncidents * 10);
      const junk = fromCState({ pages: Array.from({ length: 100_000 }, () => 7) });
      expect(junk.issues).to.have.length(FEED_LIMITS.maxIncidents + 1);
    });
  });

  describe('Statuspage: one odd part costs that part, never the whole incident', () => {
    it('skips an update that repeats an earlier update id', () => {
      const r = statuspage({ incident_updates: [update, { ...update, body: 'Same id again.', display_at: '2026-11-23T10:05:00.000-06:00' }] });
      expect(one(r).updates.map((u) => u.message)).to.deep.equal([update.body]);
      expect(issueAt(r, 'incidents.0.incident_updates.1.id')).to.contain(`"upd1" repeats an earlier update's id; the update was skipped`);
    });

    it('replaces an update id the model cannot hold, and says so', () => {
      const r = statuspage({ incident_updates: [{ ...update, id: 'not an id!' }] });
      expect(one(r).updates.map((u) => u.id)).to.deep.equal([`${sp.id}-0`]);
      expect(issueAt(r, 'incidents.0.incident_updates.0.id')).to.contain(`"not an id!" is not an id`);
    });

    it('keeps the newest 200 of 201 updates (Statuspage lists them newest first)', () => {
      const many = Array.from({ length: 201 }, (_, n) => ({ ...update, id: `u${n}`, body: `Update ${n}`, display_at: minutes(-n) }));
      const r = statuspage({ incident_updates: many });
      const inc = one(r);
      expect(inc.updates).to.have.length(200);
      expect(inc.updates.at(-1)!.id).to.equal('u0');
      expect(inc.updates.map((u) => u.id)).to.not.include('u200');
      expect(issueAt(r, 'incidents.0.incident_updates')).to.contain('has 201 updates, over the limit of 200; the first 200 were mapped');
    });

    it('keeps 50 of 51 components, and leaves out one whose id the model cannot hold', () => {
      const components = Array.from({ length: 51 }, (_, n) => ({ id: `c${n}`, name: `Service ${n}`, status: 'major_outage' }));
      const r = statuspage({ components });
      expect(one(r).services).to.have.length(50);
      expect(issueAt(r, 'incidents.0.components')).to.contain('has 51 components, over the limit of 50');
      const bad = statuspage({ components: [{ id: 'bad id!', name: 'Cards', status: 'major_outage' }, { id: 'web', name: 'Online banking', status: 'degraded_performance' }] });
      expect(one(bad).services).to.deep.equal([{ id: 'web', name: 'Online banking', state: 'degraded' }]);
      expect(issueAt(bad, 'incidents.0.components')).to.contain('"bad id!" is not an id');
    });

    it('takes an unknown component status for partly down, with an issue, never for operational', () => {
      const cards = { id: 'cards', name: 'Card payments', status: 'MAJOR_OUTAGE' };
      const r = statuspage({ components: [cards] }, { components: [cards] });
      expect(one(r).services).to.deep.equal([{ id: 'cards', name: 'Card payments', state: 'partial-outage' }]);
      expect(issueAt(r, 'components.0.status')).to.contain('"MAJOR_OUTAGE" is not a Statuspage component status; mapped to partial-outage');
      expect(issueAt(r, 'incidents.0.components.0.status')).to.contain('mapped to partial-outage');
      // An update naming a component in a state it does not know: partly down, not dropped from the update.
      const u = statuspage({ incident_updates: [{ ...update, affected_components: [{ code: 'cards', name: 'Card payments', new_status: 'broken' }] }] });
      expect(one(u).updates[0]!.affected).to.deep.equal([{ id: 'cards', state: 'partial-outage' }]);
      expect(issueAt(u, 'incidents.0.incident_updates.0.affected_components.0.new_status')).to.contain('"broken" is not a Statuspage component status');
    });

    it('leaves out a resolved_at before the incident started, and a window that ends before it begins', () => {
      const r = statuspage({ status: 'resolved', resolved_at: '2026-11-22T09:00:00Z' });
      expect(one(r)).to.deep.include({ status: 'resolved' }).and.not.have.property('resolvedAt');
      expect(issueAt(r, 'incidents.0.resolved_at')).to.contain('is before the incident started (2026-11-23T15:12:00.000Z); it was left out');
      const w = fromStatuspage({
        page,
        scheduled_maintenances: [{ ...sp, status: 'scheduled', impact: 'maintenance', incident_updates: [{ ...update, status: 'scheduled' }], scheduled_for: '2026-12-06T03:00:00Z', scheduled_until: '2026-12-06T01:00:00Z' }],
      });
      expect(one(w)).to.deep.include({ scheduledFor: '2026-12-06T03:00:00.000Z' }).and.not.have.property('scheduledUntil');
      expect(issueAt(w, 'scheduled_maintenances.0.scheduled_until')).to.contain('is not after scheduled_for; it was left out');
    });
  });

  describe('links are links: nothing else rides along', () => {
    const hostile = [
      ['a line break and a made-up instruction', 'https://stspg.io/x\nURGENT: call +1 555 0100 to verify your card'],
      ['a tab', 'https://stspg.io/x\tand more'],
      ['a right-to-left override', 'https://stspg.io/\u202Egnp.exe'],
      ['a zero-width space', 'https://stspg\u200B.io/x'],
      ['over 2048 characters', `https://stspg.io/${'a'.repeat(2100)}`],
    ] as const;
    for (const [what, link] of hostile) {
      it(`refuses a link with ${what}; the incident keeps the page URL`, () => {
        const r = statuspage({ shortlink: link });
        expect(one(r).statusPageUrl).to.equal(`${page.url}/incidents/${sp.id}`);
        expect(issueAt(r, 'incidents.0.shortlink')).to.contain('is not an https link; the page URL was used instead');
        const i = fromInstatus({ page, activeIncidents: [{ ...is, url: link }] });
        expect(one(i).statusPageUrl).to.equal(page.url);
        const c = fromCState({ baseURL: 'https://status.bank.example/', pages: [{ ...cs, permalink: link }] });
        expect(one(c).statusPageUrl).to.equal('https://status.bank.example/');
      });
    }
  });

  describe('names and ids', () => {
    it('cuts a long title without splitting an emoji in two', () => {
      for (const title of [`${'a'.repeat(198)}😀😀😀`, `${'b'.repeat(197)}😀😀😀`]) {
        const t = one(statuspage({ name: title })).title;
        expect(t.length).to.be.at.most(200);
        expect(t.endsWith('…')).to.equal(true);
        expect(LONE_SURROGATE.test(t), JSON.stringify(t.slice(-4))).to.equal(false);
      }
    });

    it('Instatus: keeps 50 of 51 components, and leaves out one whose id the model cannot hold', () => {
      const components = Array.from({ length: 51 }, (_, n) => ({ id: `c${n}`, name: `Service ${n}` }));
      const r = fromInstatus({ activeIncidents: [{ ...is, components }] });
      expect(one(r).services).to.have.length(50);
      expect(issueAt(r, 'activeIncidents.0.components')).to.contain('has 51 components, over the limit of 50');
      const bad = fromInstatus({ activeIncidents: [{ ...is, components: [{ id: '<b>', name: 'Cards' }, { id: 'app', name: 'Mobile app' }] }] });
      expect(one(bad).services.map((s) => s.id)).to.deep.equal(['app']);
      expect(issueAt(bad, 'activeIncidents.0.components.0.id')).to.contain('"<b>" is not an id');
    });

    it('cState: two Arabic systems whose names begin alike stay two services', () => {
      const online = 'الخدمات المصرفية عبر الإنترنت';
      const phone = 'الخدمات المصرفية عبر الهاتف';
      const doc = { systems: [{ name: online, status: 'down', unresolvedIssues: [{ ...cs, affected: [online, phone] }] }, { name: phone, status: 'disrupted', unresolvedIssues: [] }] };
      const r = fromCState(doc);
      expect(r.issues).to.deep.equal([]);
      const services = one(r).services;
      expect(services.map((s) => [s.name, s.state])).to.deep.equal([
        [online, 'major-outage'],
        [phone, 'partial-outage'],
      ]);
      expect(services[0]!.id).to.not.equal(services[1]!.id);
      expect(one(fromCState(doc)).services.map((s) => s.id), 'stable').to.deep.equal(services.map((s) => s.id));
    });

    it('cState: two issues whose long file names begin alike stay two incidents', () => {
      const stem = '2026-11-23-card-payments-are-failing-for-some-customers-of-the-bank-in';
      const r = fromCState({ pages: [{ ...cs, filename: `${stem}-the-north.md` }, { ...cs, filename: `${stem}-the-south.md` }] });
      expect(r.issues).to.deep.equal([]);
      expect(r.incidents).to.have.length(2);
      const [a, b] = r.incidents.map((i) => i.id);
      expect(a).to.not.equal(b);
      for (const id of [a!, b!]) expect(id.startsWith('2026-11-23-card-payments')).to.equal(true);
      // A name that fits keeps the id it always had.
      expect(one(fromCState({ pages: [cs] })).id).to.equal('cards');
    });

    it('cState: keeps 50 of 51 affected systems', () => {
      const r = fromCState({ pages: [{ ...cs, affected: Array.from({ length: 51 }, (_, n) => `System ${n}`) }] });
      expect(one(r).services).to.have.length(50);
      expect(issueAt(r, 'pages.0.affected')).to.contain('has 51 systems, over the limit of 50');
    });
  });
});

describe('incident model: a time that is not a time has its own issue and no false one', () => {
  const messages = (v: unknown) => {
    const r = IncidentSchema.safeParse(v);
    expect(r.success).to.equal(false);
    return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('an update time that is not a time is not also "out of order"', () => {
    const bad = { ...cardOutage, updates: [{ ...cardOutage.updates[0]!, at: 'yesterday' }, cardOutage.updates[1]!] };
    expect(messages(bad)).to.have.length(1).and.satisfy((m: string[]) => m[0]!.startsWith('updates.0.at'));
  });
  it('a resolvedAt that is not a time is not also "before startedAt"', () => {
    expect(messages({ ...cardOutage, status: 'resolved', resolvedAt: 'soon' })).to.have.length(1);
  });
  it('a scheduledFor that is not a time does not make scheduledUntil "not after" it', () => {
    expect(messages({ ...plannedMaintenance, scheduledFor: 'soon' })).to.have.length(1).and.satisfy((m: string[]) => m[0]!.startsWith('scheduledFor'));
  });
});

describe('incident e-mail: the subject is one header line', () => {
  it('closes up a line break (CR LF, U+2028) in the title, so nothing can follow as another header', () => {
    for (const title of ['Card payments\r\nBcc: everyone@bank.example', 'Card payments\u2028are failing']) {
      const { subject } = incidentMessages({ ...cardOutage, title }, { channel: 'email', now: () => new Date('2026-11-23T10:05:00Z') });
      expect(subject, JSON.stringify(subject)).to.not.match(/[\r\n\u2028\u2029]/);
      expect(subject).to.contain('Card payments');
    }
  });
});

describe('incident texts: the status-page link is only a link', () => {
  const now = () => new Date('2026-11-23T10:05:00Z');
  const smuggled = 'https://status.bank.example/\nURGENT: call +1 555 0100 to verify your card';
  it('refuses an incident whose statusPageUrl carries a line break', () => {
    expect(() => incidentMessages({ ...cardOutage, statusPageUrl: smuggled }, { channel: 'sms', now })).to.throw(/statusPageUrl must be an https URL .* with no spaces or hidden characters/);
  });
  it('refuses a statusPageUrl option that carries a line break or a right-to-left override', () => {
    // ... and one longer than the 2048 characters the model allows a link, or not https.
    for (const statusPageUrl of [smuggled, 'https://status.bank.example/\u202Efdp.exe', `https://status.bank.example/${'a'.repeat(2048)}`, 'http://status.bank.example/', 42]) {
      let error: unknown;
      try {
        incidentMessages(plannedMaintenance, { channel: 'sms', statusPageUrl: statusPageUrl as string, now });
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(statusPageUrl)).to.include({ code: 'invalid_options', field: 'statusPageUrl' });
    }
  });
});
