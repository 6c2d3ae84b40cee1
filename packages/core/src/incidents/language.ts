/** One version of each incident, in the reader's language where one was written. */
import { primaryLanguage } from '../lib/language.js';
import type { Incident } from '../models/incident.js';

/**
 * Each incident once, in the order first listed: the version whose `locale` is in `lang`'s
 * language where the feed has one (`ar-EG` matches `ar`), else the first version listed. A feed
 * may tell one incident in several languages under the same id (`IncidentsSchema` allows one
 * version per language).
 *
 * @example
 * incidentsInLanguage([outageEn, outageAr], 'ar') // [outageAr]
 */
export function incidentsInLanguage(incidents: readonly Incident[], lang: string): Incident[] {
  const want = primaryLanguage(lang);
  const byId = new Map<string, Incident>();
  for (const incident of incidents) {
    const kept = byId.get(incident.id);
    if (!kept || (primaryLanguage(kept.locale) !== want && primaryLanguage(incident.locale) === want)) byId.set(incident.id, incident);
  }
  return [...byId.values()];
}
