// fromCState (@candor/core/incidents): a cState site's index.json and issues/index.json, shaped as
// cState's Hugo templates write them (Go time text, no ids, issues listed under each system).
import { expect } from 'chai';
import { fromCState } from '@candor/core/incidents';
import { IncidentSchema } from '@candor/core/models';

const cardsDown = {
  is: 'issue',
  title: 'Card payments are failing',
  createdAt: '2026-11-23 15:12:00 +0000 UTC',
  lastMod: '2026-11-23 16:00:00 +0000 UTC',
  permalink: 'https://status.bank.example/issues/2026-11-23-card-payments/',
  severity: 'down',
  resolved: false,
  informational: false,
  resolvedAt: '<no value>',
  affected: ['Card payments', 'Mobile app'],
  filename: '2026-11-23-card-payments.md',
};
const slowLogin = {
  is: 'issue',
  title: 'Slow sign-in to online banking',
  createdAt: '2026-11-23 08:30:00 +0100 CET',
  lastMod: '2026-11-23 08:30:00 +0100 CET',
  permalink: 'https://status.bank.example/issues/2026-11-23-slow-sign-in/',
  severity: 'disrupted',
  resolved: false,
  informational: false,
  resolvedAt: '',
  affected: ['Online banking'],
  filename: '2026-11-23-slow-sign-in.md',
};
const index = {
  is: 'index',
  cStateVersion: '5.6.1',
  apiVersion: '2.0',
  title: 'Acme Bank status',
  languageCodeHTML: 'en',
  languageCode: 'en',
  baseURL: 'https://status.bank.example/',
  description: 'Live status of Acme Bank services',
  summaryStatus: 'down',
  categories: [{ name: 'Banking', hideTitle: false, closedByDefault: false }],
  pinnedIssues: [],
  systems: [
    { name: 'Card payments', category: 'Banking', status: 'down', unresolvedIssues: [cardsDown] },
    { name: 'Mobile app', description: 'iOS and Android', category: 'Banking', status: 'down', unresolvedIssues: [cardsDown] },
    { name: 'Online banking', category: 'Banking', status: 'disrupted', unresolvedIssues: [slowLogin] },
    { name: 'Branches', category: 'Banking', status: 'ok', unresolvedIssues: [] },
  ],
  buildDate: '2026-11-23',
  buildTime: '16:01',
  buildTimezone: 'UTC',
};

describe('fromCState', () => {
  it('maps index.json: each open issue once, however many systems list it, with the systems in their state now', () => {
    const { incidents, issues } = fromCState(index);
    expect(issues).to.deep.equal([]);
    expect(incidents.map((i) => i.id)).to.deep.equal(['2026-11-23-card-payments', '2026-11-23-slow-sign-in']);
    const [cards, login] = incidents;
    expect(IncidentSchema.safeParse(cards).success).to.equal(true);
    expect(cards).to.deep.include({
      kind: 'incident',
      title: 'Card payments are failing',
      severity: 'critical',
      status: 'investigating',
      startedAt: '2026-11-23T15:12:00.000Z',
      statusPageUrl: 'https://status.bank.example/issues/2026-11-23-card-payments/',
      dataImpact: { level: 'none' },
      locale: 'en',
    });
    expect(cards!.services).to.deep.equal([
      { id: 'card-payments', name: 'Card payments', state: 'major-outage' },
      { id: 'mobile-app', name: 'Mobile app', state: 'major-outage' },
    ]);
    expect(cards!.updates).to.deep.equal([
      {
        id: 'investigating',
        at: '2026-11-23T16:00:00.000Z',
        status: 'investigating',
        message: 'Card payments are failing',
        affected: [
          { id: 'card-payments', state: 'major-outage' },
          { id: 'mobile-app', state: 'major-outage' },
        ],
      },
    ]);
    expect(login).to.deep.include({ severity: 'major', startedAt: '2026-11-23T07:30:00.000Z' });
    expect(login!.services).to.deep.equal([{ id: 'online-banking', name: 'Online banking', state: 'partial-outage' }]);
  });

  it('maps issues/index.json: resolved issues are resolved at resolvedAt, notices are minor', () => {
    const list = {
      is: 'issues',
      title: 'Issues',
      baseURL: 'https://status.bank.example/',
      pages: [
        { ...cardsDown, resolved: true, resolvedAt: '2026-11-23T17:00:00Z' },
        { ...slowLogin, severity: 'notice', informational: true },
      ],
    };
    const { incidents, issues } = fromCState(JSON.stringify(list), { locale: 'en-GB' });
    expect(issues).to.deep.equal([]);
    expect(incidents[0]).to.deep.include({ status: 'resolved', resolvedAt: '2026-11-23T17:00:00.000Z', locale: 'en-GB' });
    expect(incidents[0]!.updates[0]).to.deep.include({ status: 'resolved', at: '2026-11-23T17:00:00.000Z' });
    // Without index.json's systems, a resolved issue's systems are taken to be working again.
    expect(incidents[0]!.services.map((s) => s.state)).to.deep.equal(['operational', 'operational']);
    expect(incidents[1]).to.deep.include({ severity: 'minor', status: 'investigating' });
    expect(incidents[1]!.services[0]!.state).to.equal('degraded');
  });

  it('reads Go time text whether its zone has a name or only an offset', () => {
    const { incidents, issues } = fromCState({ pages: [{ ...cardsDown, createdAt: '2026-11-23 09:12:00.25 -0600 -06', lastMod: '2026-11-23 10:00:00 -0600 CST' }] });
    expect(issues).to.deep.equal([]);
    expect([incidents[0]!.startedAt, incidents[0]!.updates[0]!.at]).to.deep.equal(['2026-11-23T15:12:00.250Z', '2026-11-23T16:00:00.000Z']);
  });

  it('reads resolvedWhen written without a zone as UTC and says so', () => {
    const { incidents, issues } = fromCState({ pages: [{ ...cardsDown, resolved: true, resolvedAt: '2026-11-23 17:30:00' }] });
    expect(incidents[0]!.resolvedAt).to.equal('2026-11-23T17:30:00.000Z');
    expect(issues.map((i) => i.path)).to.deep.equal(['pages.0.resolvedAt']);
    expect(issues[0]!.message).to.contain('has no time zone; it was read as UTC');
  });

  it("takes the site's language, and gives systems with non-Latin names a stable id", () => {
    const ar = {
      ...index,
      languageCode: 'ar',
      systems: [{ name: 'الدفع بالبطاقة', category: 'الخدمات', status: 'down', unresolvedIssues: [{ ...cardsDown, title: 'تعذر الدفع بالبطاقة', affected: ['الدفع بالبطاقة'] }] }],
    };
    const first = fromCState(ar);
    expect(first.issues).to.deep.equal([]);
    expect(first.incidents[0]).to.deep.include({ locale: 'ar', title: 'تعذر الدفع بالبطاقة' });
    const service = first.incidents[0]!.services[0]!;
    expect(service).to.deep.include({ name: 'الدفع بالبطاقة', state: 'major-outage' });
    expect(service.id).to.match(/^[a-z0-9][a-z0-9-]*$/);
    expect(fromCState(ar).incidents[0]!.services[0]!.id).to.equal(service.id);
  });
});
