// The incident model (@candor/core/models): the one definition the banner, the adapters and the
// channel texts share. Valid samples pass; every rule refuses with an issue naming the path.
import { expect } from 'chai';
import { IncidentSchema, IncidentsSchema, toValidationIssues, type Incident } from '@candor/core/models';
import { cardOutage, cardOutageAr, plannedMaintenance, resolvedOutage } from '../../examples/fixtures/incidents.js';

/** The issues IncidentSchema reports for `value`, as `path: message` lines. */
function problems(value: unknown): string[] {
  const r = IncidentSchema.safeParse(value);
  return r.success ? [] : toValidationIssues(r.error.issues).map((i) => `${i.path}: ${i.message}`);
}

const copy = (i: Incident): Incident => structuredClone(i);

describe('incident model', () => {
  it('accepts every sample incident unchanged, and the list of them', () => {
    for (const sample of [cardOutage, cardOutageAr, plannedMaintenance, resolvedOutage]) {
      const r = IncidentSchema.safeParse(sample);
      expect(problems(sample), sample.id).to.deep.equal([]);
      expect(r.data, sample.id).to.deep.equal(sample);
    }
    expect(IncidentsSchema.safeParse([cardOutage, plannedMaintenance, resolvedOutage]).success).to.equal(true);
  });

  it("refuses a status that is not of the incident's kind, in the incident and in its updates", () => {
    expect(problems({ ...copy(cardOutage), status: 'scheduled' })).to.deep.equal([
      'status: status must be one of investigating, identified, monitoring, resolved for an incident, or scheduled, in-progress, verifying, completed for maintenance',
    ]);
    const m = copy(plannedMaintenance);
    m.updates[0]!.status = 'monitoring';
    expect(problems(m)).to.deep.equal(["updates: updates must each have a status of this incident's kind"]);
  });

  it('refuses links that are not https (plain http only on this machine), javascript: included', () => {
    for (const url of ['http://status.bank.example', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url']) {
      expect(problems({ ...copy(cardOutage), statusPageUrl: url }), url).to.satisfy((p: string[]) => p.length === 1 && /^statusPageUrl: .*must be an https URL/.test(p[0]!));
      const i = copy(cardOutage);
      i.remedies![0]!.url = url;
      expect(problems(i), url).to.satisfy((p: string[]) => p.length === 1 && /^remedies\.0\.url: .*must be an https URL/.test(p[0]!));
    }
    expect(problems({ ...copy(cardOutage), statusPageUrl: 'http://127.0.0.1:8080/status' })).to.deep.equal([]);
  });

  it('refuses times that are not ISO 8601 with a zone, naming the field', () => {
    for (const t of ['2026-11-23 10:00', '23/11/2026', '2026-11-23T10:00:00', 'yesterday']) {
      expect(problems({ ...copy(cardOutage), nextUpdateAt: t }), t).to.satisfy((p: string[]) => p.length === 1 && p[0]!.startsWith('nextUpdateAt: '));
    }
    const i = copy(cardOutage);
    i.updates[1]!.at = 'Nov 23, 2026 10:00';
    expect(problems(i)).to.satisfy((p: string[]) => p.length === 1 && p[0]!.startsWith('updates.1.at: '));
  });

  it('refuses updates out of time order, duplicate ids, and affected services that are not listed', () => {
    const order = copy(cardOutage);
    order.updates.reverse();
    expect(problems(order)).to.include('updates: updates must be in time order, oldest first');
    const dup = copy(cardOutage);
    dup.updates[1]!.id = 'u1';
    expect(problems(dup)).to.include('updates: updates must not repeat an update id');
    const unknown = copy(cardOutage);
    unknown.updates[0]!.affected = [{ id: 'atm', state: 'major-outage' }];
    expect(problems(unknown)).to.deep.equal(['updates: updates must name only services listed in services']);
  });

  it('takes one version of an incident per language under one id, and refuses the same id twice in one language', () => {
    expect(IncidentsSchema.safeParse([cardOutage, cardOutageAr]).success, 'English and Arabic versions').to.equal(true);
    for (const list of [[cardOutage, cardOutage], [cardOutageAr, { ...copy(cardOutageAr), locale: 'ar-EG' }]]) {
      const r = IncidentsSchema.safeParse(list);
      expect(r.success).to.equal(false);
      expect(toValidationIssues(r.error!.issues).map((i) => i.message)).to.deep.equal(['(root) must not repeat an incident id within one language']);
    }
  });

  it('keeps resolution and maintenance windows consistent', () => {
    expect(problems({ ...copy(cardOutage), resolvedAt: '2026-11-23T11:00:00Z' })).to.deep.equal([
      'resolvedAt: resolvedAt is only set once the status is resolved (or completed)',
    ]);
    expect(problems({ ...copy(resolvedOutage), resolvedAt: '2026-11-01T00:00:00Z' })).to.deep.equal(['resolvedAt: resolvedAt must not be before startedAt']);
    expect(problems({ ...copy(plannedMaintenance), scheduledUntil: '2026-12-06T00:00:00Z' })).to.deep.equal(['scheduledUntil: scheduledUntil must be after scheduledFor']);
    expect(problems({ ...copy(cardOutage), scheduledFor: '2026-12-06T01:00:00Z' })).to.deep.equal(['scheduledFor: scheduledFor is for maintenance only (so is scheduledUntil)']);
  });

  it('bounds every text and list, and keeps markup as plain text', () => {
    expect(problems({ ...copy(cardOutage), title: 'x'.repeat(201) })).to.deep.equal(['title: title must be at most 200 character(s) long']);
    expect(problems({ ...copy(cardOutage), title: '' })).to.have.length(1);
    const many = copy(cardOutage);
    many.actions = Array.from({ length: 11 }, (_, n) => ({ id: `a${n}`, text: 'Use the app.' }));
    expect(problems(many)).to.deep.equal(['actions: actions must have at most 10 item(s)']);
    const markup = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    const r = IncidentSchema.safeParse({ ...copy(cardOutage), title: markup });
    expect(r.data?.title).to.equal(markup);
  });

  it('names each missing or mistyped field', () => {
    expect(problems({ id: 'x', kind: 'incident' })).to.include.members([
      'title: title expected string, got nothing',
      'severity: severity expected one of "minor", "major", "critical"',
      'updates: updates expected array, got nothing',
      'dataImpact: dataImpact expected object, got nothing',
    ]);
    expect(problems({ ...copy(cardOutage), severity: 'catastrophic' })).to.deep.equal(['severity: severity expected one of "minor", "major", "critical"']);
  });

  it('never throws on hostile shapes: each field of a sample replaced by null, numbers, strings, arrays or objects', () => {
    const paths = (o: unknown, at: string[] = []): string[][] =>
      o && typeof o === 'object' ? Object.entries(o).flatMap(([k, v]) => [[...at, k], ...paths(v, [...at, k])]) : [];
    let refused = 0;
    let tried = 0;
    for (const path of paths(cardOutage)) {
      for (const value of [null, -1, 'x', [], {}, true]) {
        const x = copy(cardOutage) as unknown as Record<string, unknown>;
        let o = x;
        for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
        o[path.at(-1)!] = value;
        tried++;
        const r = IncidentSchema.safeParse(x); // must not throw
        if (!r.success) refused++;
        // What is accepted (an empty optional list, a one-letter text) is kept as given, never silently altered.
        else expect(r.data, `${path.join('.')} = ${JSON.stringify(value)}`).to.deep.equal(x);
      }
    }
    expect(refused, `refused of ${tried}`).to.be.greaterThan(tried * 0.8);
  });
});
