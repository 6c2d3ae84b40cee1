// fromInstatus (@candor/core/incidents): Instatus public summary.json documents, shaped as the
// service documents them (JavaScript Date text for times, no ids), mapped onto the incident model.
import { expect } from 'chai';
import { fromInstatus } from '@candor/core/incidents';
import { IncidentSchema } from '@candor/core/models';

const page = { name: 'Acme Bank', url: 'https://status.bank.example', status: 'HASISSUES' };
const incident = {
  name: 'Card payments are failing',
  started: 'Mon Nov 23 2026 09:12:00 GMT-0600 (Central Standard Time)',
  status: 'IDENTIFIED',
  impact: 'MAJOROUTAGE',
  url: 'https://status.bank.example/incident/cm3k2p9x40001ab12cd34ef56',
};
const maintenance = {
  name: 'Online banking maintenance',
  start: 'Sun Dec 06 2026 01:00:00 GMT+0000 (Coordinated Universal Time)',
  status: 'NOTSTARTEDYET',
  duration: '120',
  url: 'https://status.bank.example/maintenance/cm3k2qa1b0002ab12cd34ef56',
};
const summary = { page, activeIncidents: [incident], activeMaintenances: [maintenance] };

describe('fromInstatus', () => {
  it('maps summary.json: the incident, its id from its page, severity from impact, one update from its status', () => {
    const { incidents, issues } = fromInstatus(summary);
    expect(issues).to.deep.equal([]);
    expect(incidents).to.have.length(2);
    const [inc, mnt] = incidents;
    expect(IncidentSchema.safeParse(inc).success).to.equal(true);
    expect(inc).to.deep.include({
      id: 'cm3k2p9x40001ab12cd34ef56',
      kind: 'incident',
      title: 'Card payments are failing',
      severity: 'critical',
      status: 'identified',
      startedAt: '2026-11-23T15:12:00.000Z',
      statusPageUrl: 'https://status.bank.example/incident/cm3k2p9x40001ab12cd34ef56',
      dataImpact: { level: 'none' },
      locale: 'en',
      services: [],
    });
    expect(inc!.updates).to.deep.equal([{ id: 'identified', at: '2026-11-23T15:12:00.000Z', status: 'identified', message: 'Card payments are failing' }]);
    expect(mnt).to.deep.include({
      id: 'cm3k2qa1b0002ab12cd34ef56',
      kind: 'maintenance',
      status: 'scheduled',
      severity: 'minor',
      startedAt: '2026-12-06T01:00:00.000Z',
      scheduledFor: '2026-12-06T01:00:00.000Z',
      scheduledUntil: '2026-12-06T03:00:00.000Z',
    });
  });

  it('uses id, updatedAt and components when the summary carries them, and ISO 8601 times', () => {
    const rich = {
      ...incident,
      id: 'inc-77',
      started: '2026-11-23T15:12:00.000Z',
      updatedAt: '2026-11-23T16:00:00.000Z',
      components: [
        { id: 'cards', name: 'Card payments', status: 'MAJOROUTAGE' },
        { id: 'app', name: 'Mobile app', status: 'DEGRADEDPERFORMANCE' },
        { id: 'web', name: 'Online banking' },
      ],
    };
    const { incidents, issues } = fromInstatus({ page, activeIncidents: [rich] }, { locale: 'en-GB' });
    expect(issues).to.deep.equal([]);
    expect(incidents[0]).to.deep.include({ id: 'inc-77', startedAt: '2026-11-23T15:12:00.000Z', locale: 'en-GB' });
    expect(incidents[0]!.services).to.deep.equal([
      { id: 'cards', name: 'Card payments', state: 'major-outage' },
      { id: 'app', name: 'Mobile app', state: 'degraded' },
      { id: 'web', name: 'Online banking', state: 'major-outage' }, // no status of its own: the incident's impact
    ]);
    expect(incidents[0]!.updates[0]).to.deep.include({ at: '2026-11-23T16:00:00.000Z', affected: incidents[0]!.services.map(({ id, state }) => ({ id, state })) });
  });

  it('maps every documented status and impact', () => {
    const statuses = ['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED'].map((status) => fromInstatus({ activeIncidents: [{ ...incident, status }] }).incidents[0]!.status);
    expect(statuses).to.deep.equal(['investigating', 'identified', 'monitoring', 'resolved']);
    const windows = ['NOTSTARTEDYET', 'INPROGRESS', 'COMPLETED'].map((status) => fromInstatus({ activeMaintenances: [{ ...maintenance, status }] }).incidents[0]!.status);
    expect(windows).to.deep.equal(['scheduled', 'in-progress', 'completed']);
    const impacts = ['OPERATIONAL', 'UNDERMAINTENANCE', 'DEGRADEDPERFORMANCE', 'PARTIALOUTAGE', 'MINOROUTAGE', 'MAJOROUTAGE'].map(
      (impact) => fromInstatus({ activeIncidents: [{ ...incident, impact }] }).incidents[0]!.severity,
    );
    expect(impacts).to.deep.equal(['minor', 'minor', 'minor', 'major', 'major', 'critical']);
  });

  it('a resolved incident is resolved at its last update; the summary has no other resolution time', () => {
    const done = { ...incident, status: 'RESOLVED', updatedAt: 'Mon Nov 23 2026 11:00:00 GMT-0600 (Central Standard Time)' };
    const { incidents, issues } = fromInstatus(JSON.stringify({ page, activeIncidents: [done] }));
    expect(issues).to.deep.equal([]);
    expect(incidents[0]).to.deep.include({ status: 'resolved', resolvedAt: '2026-11-23T17:00:00.000Z' });
  });

  it('reads a time without a zone as UTC and says so', () => {
    const { incidents, issues } = fromInstatus({ activeMaintenances: [{ ...maintenance, start: '2026-12-06 01:00:00', duration: 90 }] });
    expect(incidents[0]).to.deep.include({ scheduledFor: '2026-12-06T01:00:00.000Z', scheduledUntil: '2026-12-06T02:30:00.000Z' });
    expect(issues).to.deep.equal([
      { path: 'activeMaintenances.0.start', message: 'activeMaintenances.0.start "2026-12-06 01:00:00" has no time zone; it was read as UTC (2026-12-06T01:00:00.000Z)' },
    ]);
  });

  it('takes the data impact from the host, since Instatus has none', () => {
    const { incidents } = fromInstatus(summary, { dataImpact: (item) => (item.impact === 'MAJOROUTAGE' ? { level: 'possible', data: ['Card numbers'] } : undefined) });
    expect(incidents.map((i) => i.dataImpact.level)).to.deep.equal(['possible', 'none']);
  });
});
