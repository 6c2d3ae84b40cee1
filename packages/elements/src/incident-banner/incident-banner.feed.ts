/**
 * What `<candor-incident-banner>` loads with its first `src`: the polling controller and the
 * reading of each feed format into incidents. A banner given `incidents` never downloads it;
 * the status-feed adapters load later still, only for the formats that need them.
 */
import { IncidentsSchema, summarizeIssues, type Incident, type ValidationIssue } from '@candor/core/models';
import { validate } from '../shared/validate.js';
import type { FeedFormat } from './incident-banner.component.js';

export { FeedController } from './feed-controller.js';

const ADAPTER: Record<Exclude<FeedFormat, 'candor'>, 'fromStatuspage' | 'fromInstatus' | 'fromCState'> = {
  statuspage: 'fromStatuspage',
  instatus: 'fromInstatus',
  cstate: 'fromCState',
};

/**
 * The incidents in a feed `body` of `format`. Throws, with the reason, when nothing can be read;
 * `onIssues` gets the items an adapter could not map while the rest is shown.
 */
export async function readIncidentFeed(body: string, format: FeedFormat, onIssues: (issues: readonly ValidationIssue[]) => void): Promise<Incident[]> {
  if (format === 'candor') {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      throw new Error('it is not JSON');
    }
    const list = Array.isArray(value) ? value : (value as { incidents?: unknown } | null)?.incidents;
    const r = validate(IncidentsSchema, list);
    if (!r.ok) throw new Error(summarizeIssues(r.issues));
    return r.value;
  }
  const adapters = await import('@candor/core/incidents/adapters');
  const adapter = (adapters as unknown as Record<string, (input: unknown) => { incidents: Incident[]; issues: ValidationIssue[] }>)[ADAPTER[format]];
  if (!adapter) throw new Error(`this version of @candor/core has no ${format} adapter`);
  const { incidents, issues } = adapter(body);
  if (issues.length) {
    // Items it could not map are reported; what it could map is shown.
    if (!incidents.length && issues.some((i) => i.path === '(root)')) throw new Error(summarizeIssues(issues));
    onIssues(issues);
  }
  return incidents;
}
