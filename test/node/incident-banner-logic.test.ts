// The pure parts of <candor-incident-banner> in Node: which incidents show and in what order,
// dismissals that hold until a newer update or a higher severity, when the shown set changes by
// itself, and the feed's back-off and Retry-After. Imported from source (tsx compiles it).
import { expect } from 'chai';
import type { Incident } from '@candor/core/models';
import {
  acceptDismissal,
  isLocked,
  nextChange,
  phaseOf,
  pollDelay,
  retryAfterMs,
  shownIncidents,
  stillDismissed,
  type Dismissal,
} from '../../packages/elements/src/incident-banner/incident-banner.logic.js';
import { cardOutage, plannedMaintenance, resolvedOutage } from '../../examples/fixtures/incidents.js';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const opts = (now: string, dismissed: ReadonlyMap<string, Dismissal> = new Map()) => ({ now: at(now), maintenanceAhead: 72 * HOUR, resolvedFor: 24 * HOUR, dismissed });
const minor: Incident = { ...structuredClone(cardOutage), id: 'minor', severity: 'minor', dataImpact: { level: 'none' } };
const major: Incident = { ...structuredClone(cardOutage), id: 'major', severity: 'major', dataImpact: { level: 'none' } };

describe('incident banner logic', () => {
  it('orders open incidents by severity, then data impact, then latest update; then maintenance, then resolved', () => {
    const withImpact: Incident = { ...major, id: 'major-data', dataImpact: { level: 'possible' } };
    const inProgress: Incident = { ...structuredClone(plannedMaintenance), id: 'mnt-now', status: 'in-progress' };
    const list = shownIncidents([structuredClone(resolvedOutage), plannedMaintenance, minor, inProgress, major, withImpact, cardOutage], opts('2026-11-02T12:00:00Z'));
    // plannedMaintenance starts on 6 December: more than 72 hours ahead of 2 November, so not shown.
    expect(list.map((s) => s.incident.id)).to.deep.equal([cardOutage.id, 'major-data', 'major', 'minor', 'mnt-now', resolvedOutage.id]);
    expect(list.map((s) => s.phase)).to.deep.equal(['active', 'active', 'active', 'active', 'in-progress', 'resolved']);
  });

  it('shows maintenance from the configured time ahead until its window ends', () => {
    const o = { maintenanceAhead: 72 * HOUR, resolvedFor: 24 * HOUR };
    expect(phaseOf(plannedMaintenance, { ...o, now: at('2026-12-02T23:59:00Z') })).to.equal(undefined);
    expect(phaseOf(plannedMaintenance, { ...o, now: at('2026-12-03T01:00:00Z') })).to.equal('upcoming');
    expect(phaseOf(plannedMaintenance, { ...o, now: at('2026-12-06T02:00:00Z') })).to.equal('upcoming');
    expect(phaseOf(plannedMaintenance, { ...o, now: at('2026-12-06T03:00:00Z') })).to.equal(undefined);
    expect(nextChange([plannedMaintenance], { ...o, now: at('2026-12-01T00:00:00Z') })).to.equal(at('2026-12-03T01:00:00Z'));
    expect(nextChange([plannedMaintenance], { ...o, now: at('2026-12-04T00:00:00Z') })).to.equal(at('2026-12-06T03:00:00Z'));
  });

  it('keeps a resolved summary for the configured time, then drops it', () => {
    const o = { maintenanceAhead: 0, resolvedFor: 24 * HOUR };
    expect(phaseOf(resolvedOutage, { ...o, now: at('2026-11-03T09:05:00Z') })).to.equal('resolved');
    expect(phaseOf(resolvedOutage, { ...o, now: at('2026-11-03T09:05:01Z') })).to.equal(undefined);
    expect(nextChange([resolvedOutage], { ...o, now: at('2026-11-02T10:00:00Z') })).to.equal(at('2026-11-03T09:05:00Z') + 1);
  });

  it('holds a dismissal until a newer update or a higher severity; never hides a critical incident with data impact', () => {
    const d: Dismissal = { update: 'u2', severity: 'minor', at: 0 };
    expect(stillDismissed(d, minor)).to.equal(true);
    expect(stillDismissed(d, { ...minor, severity: 'major' })).to.equal(false);
    expect(stillDismissed({ ...d, update: 'u1' }, minor)).to.equal(false);
    expect(stillDismissed(undefined, minor)).to.equal(false);
    expect(isLocked(cardOutage)).to.equal(true);
    expect(isLocked({ ...cardOutage, dataImpact: { level: 'none' } })).to.equal(false);
    const shown = shownIncidents([minor, cardOutage], opts('2026-11-23T10:10:00Z', new Map([['minor', d], [cardOutage.id, { ...d, severity: 'critical' }]])));
    expect(shown.map((s) => [s.incident.id, s.collapsed])).to.deep.equal([[cardOutage.id, true]]);
    expect(shown[0]!.urgent).to.equal(true);
  });

  it('accepts only well-formed stored dismissals', () => {
    expect(acceptDismissal({ update: 'u1', severity: 'major', at: 5 })).to.deep.equal({ update: 'u1', severity: 'major', at: 5 });
    for (const junk of [null, 'x', { update: 1, severity: 'major', at: 5 }, { update: 'u', severity: 'huge', at: 5 }, { update: 'u', severity: 'minor' }]) {
      expect(acceptDismissal(junk), JSON.stringify(junk)).to.equal(undefined);
    }
  });

  it('backs off by doubling the refresh interval, capped, and honours a longer Retry-After', () => {
    expect(pollDelay(60_000, 0, undefined)).to.equal(60_000);
    expect(pollDelay(60_000, 1, undefined)).to.equal(120_000);
    expect(pollDelay(60_000, 3, undefined)).to.equal(480_000);
    expect(pollDelay(60_000, 10, undefined)).to.equal(15 * 60_000);
    expect(pollDelay(60_000, 1, 300_000)).to.equal(300_000);
    expect(pollDelay(60_000, 1, 1000)).to.equal(120_000);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores anything else', () => {
    const now = at('2026-11-23T10:00:00Z');
    expect(retryAfterMs('120', now)).to.equal(120_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 10:05:00 GMT', now)).to.equal(300_000);
    expect(retryAfterMs('999999999', now)).to.equal(86_400_000);
    for (const junk of [null, '', 'soon', '-5', 'Mon, 23 Nov 2026 09:00:00 GMT']) expect(retryAfterMs(junk, now), String(junk)).to.equal(undefined);
  });
});
