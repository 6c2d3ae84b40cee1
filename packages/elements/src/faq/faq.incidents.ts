/**
 * What `<candor-faq>` loads when it first has incidents to check its entries against (the
 * `incidents` property, or a linked `<candor-incident-banner>` with an open incident): the
 * incident model's validation and which entries are known issues. A panel on a quiet day never
 * downloads it.
 */
import { INCIDENT_SEVERITIES, type FaqEntry, type Incident } from '@candor/core/models';
import { affectedServices } from '@candor/core/incidents';

export { IncidentsSchema } from '@candor/core/models';

const isOpen = (i: Incident) => i.status !== 'resolved' && i.status !== 'completed';
const rank = (i: Incident) => INCIDENT_SEVERITIES.indexOf(i.severity);

/**
 * For each entry id, the open incident it answers questions about: named in `relatesTo.incidents`,
 * or through a service in `relatesTo.services` that an open incident affects. The most severe wins.
 */
export function knownIssues(entries: readonly FaqEntry[], incidents: readonly Incident[]): Map<string, Incident> {
  const open = incidents.filter(isOpen).sort((a, b) => rank(b) - rank(a));
  const out = new Map<string, Incident>();
  for (const entry of entries) {
    const rel = entry.relatesTo;
    if (!rel) continue;
    const hit = open.find(
      (i) => rel.incidents?.includes(i.id) || (rel.services ?? []).some((sid) => affectedServices(i).some((s) => s.id === sid && s.state !== 'operational')),
    );
    if (hit) out.set(entry.id, hit);
  }
  return out;
}
