/** Which services an incident affects: one rule for the banner and every channel text. */
import type { Incident, Service } from '../models/incident.js';

/**
 * The services `incident` affects: every service an update names or that is not operational
 * now, in the order of `services`, each with its state now (for maintenance still scheduled,
 * the state its updates plan). A resolved incident keeps the services it named, now operational.
 *
 * @example
 * affectedServices(incident).map((s) => `${s.name}: ${s.state}`); // ['Card payments: major-outage', …]
 */
export function affectedServices(incident: Pick<Incident, 'kind' | 'status' | 'services' | 'updates'>): Service[] {
  const planned = new Map<string, Service['state']>();
  for (const u of incident.updates) for (const a of u.affected ?? []) planned.set(a.id, a.state);
  const scheduled = incident.kind === 'maintenance' && incident.status === 'scheduled';
  return incident.services
    .filter((s) => planned.has(s.id) || s.state !== 'operational')
    .map((s) => ({ ...s, state: scheduled ? (planned.get(s.id) ?? s.state) : s.state }));
}
