// fromStatuspage (@candor/core/incidents): Statuspage public API v2 documents, shaped as the
// service documents them, mapped onto the incident model; hostile feeds refused item by item.
import { expect } from 'chai';
import { FEED_LIMITS, fromStatuspage } from '@candor/core/incidents';
import { IncidentSchema } from '@candor/core/models';

const page = { id: 'y2j98763l56x', name: 'Acme Bank', url: 'https://status.bank.example', time_zone: 'Europe/London', updated_at: '2026-11-23T10:01:02.345+00:00' };
const components = [
  { id: 'cards0000001', name: 'Card payments', status: 'major_outage', created_at: '2024-01-01T00:00:00.000Z', position: 1, group_id: null, showcase: true },
  { id: 'web000000001', name: 'Online banking', status: 'degraded_performance', position: 2, group_id: null },
  { id: 'app000000001', name: 'Mobile app', status: 'operational', position: 3, group_id: null },
];
const incident = {
  id: 'p31zjtct2jer',
  name: 'Card payments are failing',
  status: 'identified',
  impact: 'critical',
  created_at: '2026-11-23T09:12:05.000-06:00',
  updated_at: '2026-11-23T10:00:00.000-06:00',
  monitoring_at: null,
  resolved_at: null,
  started_at: '2026-11-23T09:12:00.000-06:00',
  shortlink: 'https://stspg.io/p31zjtct2jer',
  page_id: page.id,
  incident_updates: [
    {
      id: 'upd000000002',
      status: 'identified',
      body: 'A fault at our card processor is declining most payments.',
      created_at: '2026-11-23T10:00:00.000-06:00',
      updated_at: '2026-11-23T10:00:00.000-06:00',
      display_at: '2026-11-23T10:00:00.000-06:00',
      affected_components: [{ code: 'cards0000001', name: 'Card payments', old_status: 'partial_outage', new_status: 'major_outage' }],
      deliver_notifications: true,
      incident_id: 'p31zjtct2jer',
    },
    {
      id: 'upd000000001',
      status: 'investigating',
      body: 'Some card payments are being declined.',
      created_at: '2026-11-23T09:20:00.000-06:00',
      display_at: '2026-11-23T09:20:00.000-06:00',
      affected_components: null,
      incident_id: 'p31zjtct2jer',
    },
  ],
  components: [components[0]],
};
const maintenance = {
  id: 'w1zdr745wmfy',
  name: 'Online banking maintenance',
  status: 'scheduled',
  impact: 'maintenance',
  created_at: '2026-11-30T12:00:00.000Z',
  scheduled_for: '2026-12-06T01:00:00.000Z',
  scheduled_until: '2026-12-06T03:00:00.000Z',
  shortlink: 'https://stspg.io/w1zdr745wmfy',
  incident_updates: [
    { id: 'upd000000003', status: 'scheduled', body: 'Online banking will be unavailable for up to two hours.', created_at: '2026-11-30T12:00:00.000Z', display_at: '2026-11-30T12:00:00.000Z', affected_components: [{ code: 'web000000001', name: 'Online banking', old_status: 'operational', new_status: 'under_maintenance' }] },
  ],
  components: [components[1]],
};
const summary = { page, status: { indicator: 'critical', description: 'Major System Outage' }, components, incidents: [incident], scheduled_maintenances: [maintenance] };

describe('fromStatuspage', () => {
  it('maps summary.json: the incident with its updates oldest first, components, impact and shortlink', () => {
    const { incidents, issues } = fromStatuspage(summary);
    expect(issues).to.deep.equal([]);
    expect(incidents).to.have.length(2);
    const [inc, mnt] = incidents;
    expect(IncidentSchema.safeParse(inc).success).to.equal(true);
    expect(inc).to.deep.include({
      id: 'p31zjtct2jer',
      kind: 'incident',
      title: 'Card payments are failing',
      severity: 'critical',
      status: 'identified',
      startedAt: '2026-11-23T15:12:00.000Z',
      statusPageUrl: 'https://stspg.io/p31zjtct2jer',
      dataImpact: { level: 'none' },
      locale: 'en',
    });
    expect(inc!.updates.map((u) => [u.id, u.status, u.at])).to.deep.equal([
      ['upd000000001', 'investigating', '2026-11-23T15:20:00.000Z'],
      ['upd000000002', 'identified', '2026-11-23T16:00:00.000Z'],
    ]);
    expect(inc!.updates[1]!.affected).to.deep.equal([{ id: 'cards0000001', state: 'major-outage' }]);
    expect(inc!.services).to.deep.equal([{ id: 'cards0000001', name: 'Card payments', state: 'major-outage' }]);
    expect(mnt).to.deep.include({ kind: 'maintenance', status: 'scheduled', severity: 'minor', scheduledFor: '2026-12-06T01:00:00.000Z', scheduledUntil: '2026-12-06T03:00:00.000Z' });
    expect(mnt!.updates[0]!.affected).to.deep.equal([{ id: 'web000000001', state: 'maintenance' }]);
  });

  it('maps incidents.json and scheduled-maintenances documents given as text, postmortem as resolved', () => {
    const resolved = { ...incident, status: 'postmortem', resolved_at: '2026-11-23T11:00:00.000-06:00' };
    const { incidents, issues } = fromStatuspage(JSON.stringify({ page, incidents: [resolved] }));
    expect(issues).to.deep.equal([]);
    expect(incidents[0]).to.deep.include({ status: 'resolved', resolvedAt: '2026-11-23T17:00:00.000Z' });
    const m = fromStatuspage({ page, scheduled_maintenances: [{ ...maintenance, status: 'in_progress' }] });
    expect(m.incidents[0]!.status).to.equal('in-progress');
  });

  it('takes the data impact from the host, since Statuspage has none', () => {
    const { incidents } = fromStatuspage(summary, { dataImpact: (item) => (item.impact === 'critical' ? { level: 'under-investigation' } : undefined), locale: 'en-GB' });
    expect(incidents.map((i) => [i.id, i.dataImpact.level, i.locale])).to.deep.equal([
      ['p31zjtct2jer', 'under-investigation', 'en-GB'],
      ['w1zdr745wmfy', 'none', 'en-GB'],
    ]);
  });

  it('keeps markup in a body as text', () => {
    const body = '<img src=x onerror=alert(1)> <script>alert(1)</script> Payments fail.';
    const u = { ...incident.incident_updates[1], body };
    const { incidents } = fromStatuspage({ page, incidents: [{ ...incident, incident_updates: [u] }] });
    expect(incidents[0]!.updates[0]!.message).to.equal(body);
  });

  describe('hostile feeds: refused or mapped to the safe side, each with an issue naming the path', () => {
    const one = (patch: Record<string, unknown>) => fromStatuspage({ page, incidents: [{ ...incident, ...patch }] });

    it('an unknown status stays open as investigating; an unknown impact counts as major', () => {
      const { incidents, issues } = one({ status: 'all_good', impact: 'meh' });
      expect(incidents[0]).to.deep.include({ status: 'investigating', severity: 'major' });
      expect(issues.map((i) => i.path)).to.deep.equal(['incidents.0.status', 'incidents.0.impact']);
      expect(issues[0]!.message).to.contain('"all_good" is not a Statuspage incident status; mapped to investigating');
    });

    it('a javascript: or plain http shortlink is not used; the https page URL is', () => {
      for (const shortlink of ['javascript:alert(1)', 'http://stspg.io/x']) {
        const { incidents, issues } = one({ shortlink });
        expect(incidents[0]!.statusPageUrl, shortlink).to.equal('https://status.bank.example/incidents/p31zjtct2jer');
        expect(issues.map((i) => i.path), shortlink).to.deep.equal(['incidents.0.shortlink']);
      }
    });

    it('a bad time is left out and reported; an item without a usable id or title is skipped with its reasons', () => {
      const bad = one({ started_at: '23/11/2026', created_at: 'yesterday' });
      expect(bad.issues.map((i) => i.path)).to.include.members(['incidents.0.started_at', 'incidents.0.created_at']);
      expect(bad.incidents[0]!.startedAt).to.equal('2026-11-23T15:20:00.000Z'); // the first update's time
      const noId = one({ id: '<b>x</b>' });
      expect(noId.incidents).to.deep.equal([]);
      expect(noId.issues.some((i) => i.path === 'incidents.0.id')).to.equal(true);
      const noName = one({ name: 42 });
      expect(noName.incidents).to.deep.equal([]);
      expect(noName.issues.some((i) => i.path === 'incidents.0.title')).to.equal(true);
    });

    it('updates without a time or body are skipped, the rest kept', () => {
      const { incidents, issues } = one({ incident_updates: [{ id: 'x', body: 'No time' }, 7, incident.incident_updates[1]] });
      expect(incidents[0]!.updates.map((u) => u.id)).to.deep.equal(['upd000000001']);
      expect(issues.map((i) => i.path)).to.deep.equal(['incidents.0.incident_updates.0', 'incidents.0.incident_updates.1']);
    });

    it('wrong shapes at the top are refused with a sentence, never thrown', () => {
      for (const doc of [null, 42, 'not json', [], {}, { incidents: 'x' }, { page: 'x', incidents: [null, 'x'] }]) {
        const r = fromStatuspage(doc);
        expect(r.incidents, JSON.stringify(doc)).to.deep.equal([]);
        expect(r.issues.length, JSON.stringify(doc)).to.be.greaterThan(0);
      }
    });

    it('refuses a feed that is too large, too deep or too many values before mapping it', () => {
      expect(fromStatuspage('x'.repeat(FEED_LIMITS.maxChars + 1)).issues[0]!.message).to.contain('over the');
      let deep: unknown = [];
      for (let n = 0; n < 10_000; n++) deep = [deep];
      expect(fromStatuspage({ page, incidents: [{ ...incident, components: deep }] }).issues[0]!.message).to.contain('nests deeper than');
      const wide = { page, incidents: [{ ...incident, noise: Array.from({ length: FEED_LIMITS.maxNodes }, () => 0) }] };
      expect(fromStatuspage(wide).issues[0]!.message).to.contain('more than');
    });

    it('maps at most FEED_LIMITS.maxIncidents incidents and says the rest were not mapped', () => {
      const many = Array.from({ length: FEED_LIMITS.maxIncidents + 3 }, (_, n) => ({ ...incident, id: `inc${String(n).padStart(9, '0')}` }));
      const { incidents, issues } = fromStatuspage({ page, incidents: many });
      expect(incidents).to.have.length(FEED_LIMITS.maxIncidents);
      expect(issues).to.have.length(1);
      expect(issues[0]!.path).to.equal(`incidents.${FEED_LIMITS.maxIncidents}`);
    });
  });
});
