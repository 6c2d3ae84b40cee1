/**
 * The words for an incident's facts, one place per language: status, severity, service state,
 * data impact, the next update and the section headings. Plain data, so every channel text and
 * any component showing an incident say the same thing. `{name}` marks where a value goes.
 */
import type { DataImpactLevel, IncidentSeverity, IncidentStatus, ServiceState } from '../../models/incident.js';
import { primaryLanguage } from '../../lib/language.js';
import { INCIDENT_WORDS_AR } from './words.ar.js';
import { INCIDENT_WORDS_EN } from './words.en.js';

/** Every word and phrase the channel texts need in one language. */
export interface IncidentWords {
  readonly status: Readonly<Record<IncidentStatus, string>>;
  readonly severity: Readonly<Record<IncidentSeverity, string>>;
  readonly serviceState: Readonly<Record<ServiceState, string>>;
  /** One affected service: `{name}` and its `{state}`. */
  readonly service: string;
  /** When no service is affected. */
  readonly noServices: string;
  /** The data-impact sentence when the incident names no data. */
  readonly dataImpact: Readonly<Record<DataImpactLevel, string>>;
  /** The data-impact sentence when it names which data: `{data}` is the list. */
  readonly dataImpactNamed: Readonly<Record<Exclude<DataImpactLevel, 'none'>, string>>;
  readonly nextUpdate: {
    /** An update is promised by `{time}`. */
    readonly promised: string;
    /** The promised `{time}` has passed (beyond the grace period of `nextUpdateState`). */
    readonly overdue: string;
    /** Still open, nothing promised. */
    readonly unpromised: string;
    /** An incident that is resolved. */
    readonly resolved: string;
    /** Maintenance that is completed. */
    readonly completed: string;
  };
  readonly when: {
    /** An incident that started at `{time}`. */
    readonly started: string;
    /** Maintenance planned for `{window}`. */
    readonly planned: string;
  };
  readonly headings: {
    readonly actions: string;
    readonly remedies: string;
    readonly whatHappened: string;
    readonly whatWeDid: string;
    readonly whatWeAreChanging: string;
  };
  readonly remedy: {
    readonly eligibility: string;
    readonly deadline: string;
    readonly link: string;
  };
}

/**
 * The words of every language Candor ships, by primary language subtag. The incident banner and
 * any host use these too, so a status reads the same on the page as in the e-mail.
 *
 * @example
 * INCIDENT_WORDS.en.status.investigating; // 'Investigating'
 * INCIDENT_WORDS.ar.severity.critical;    // 'حرجة'
 */
export const INCIDENT_WORDS: Readonly<Record<'en' | 'ar', IncidentWords>> = Object.freeze({ en: INCIDENT_WORDS_EN, ar: INCIDENT_WORDS_AR });

/** The languages {@link INCIDENT_WORDS} has. */
export type IncidentWordsLanguage = keyof typeof INCIDENT_WORDS;

/** The words for `locale` (`ar-EG` → `ar`), or undefined when Candor has none for its language. */
export function wordsFor(locale: string): IncidentWords | undefined {
  const lang = primaryLanguage(locale);
  return Object.hasOwn(INCIDENT_WORDS, lang) ? INCIDENT_WORDS[lang as IncidentWordsLanguage] : undefined;
}
