/**
 * The words for an incident's facts, one place per language: status, severity, service state,
 * data impact, the next update and the section headings. Plain data, so every channel text and
 * any component showing an incident say the same thing. `{name}` marks where a value goes.
 */
import type { DataImpactLevel, IncidentSeverity, IncidentStatus, ServiceState } from '../../models/incident.js';

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

const en: IncidentWords = {
  status: {
    investigating: 'Investigating',
    identified: 'Cause identified',
    monitoring: 'Monitoring a fix',
    resolved: 'Resolved',
    scheduled: 'Scheduled',
    'in-progress': 'In progress',
    verifying: 'Verifying',
    completed: 'Completed',
  },
  severity: { minor: 'Minor', major: 'Major', critical: 'Critical' },
  serviceState: {
    operational: 'working normally',
    degraded: 'slow',
    'partial-outage': 'partly down',
    'major-outage': 'down',
    maintenance: 'under maintenance',
  },
  service: '{name} ({state})',
  noServices: 'no service',
  dataImpact: {
    none: 'No customer data is affected.',
    'under-investigation': 'We are checking whether customer data is affected.',
    possible: 'Customer data may be affected.',
    confirmed: 'Customer data is affected.',
  },
  dataImpactNamed: {
    'under-investigation': 'We are checking whether this data is affected: {data}.',
    possible: 'This data may be affected: {data}.',
    confirmed: 'This data is affected: {data}.',
  },
  nextUpdate: {
    promised: 'Next update by {time}.',
    overdue: 'Our next update, promised for {time}, is late. We are still working on it.',
    unpromised: 'We will post an update as soon as we know more.',
    resolved: 'This is resolved; no further updates are planned.',
    completed: 'This work is complete; no further updates are planned.',
  },
  when: { started: 'Started {time}.', planned: 'Planned for {window}.' },
  headings: {
    actions: 'What you can do now',
    remedies: 'What we offer',
    whatHappened: 'What happened',
    whatWeDid: 'What we did',
    whatWeAreChanging: 'What we are changing',
  },
  remedy: { eligibility: 'Who is eligible: {eligibility}', deadline: 'Claim by {deadline}', link: 'Details: {url}' },
};

const ar: IncidentWords = {
  status: {
    investigating: 'قيد التحقيق',
    identified: 'تم تحديد السبب',
    monitoring: 'نراقب الإصلاح',
    resolved: 'تم الحل',
    scheduled: 'مجدولة',
    'in-progress': 'جارية',
    verifying: 'قيد التحقق',
    completed: 'اكتملت',
  },
  severity: { minor: 'بسيطة', major: 'كبيرة', critical: 'حرجة' },
  serviceState: {
    operational: 'تعمل بشكل طبيعي',
    degraded: 'بطيئة',
    'partial-outage': 'متوقفة جزئيًا',
    'major-outage': 'متوقفة',
    maintenance: 'قيد الصيانة',
  },
  service: '{name} ({state})',
  noServices: 'لا توجد خدمة متأثرة',
  dataImpact: {
    none: 'لم تتأثر بيانات العملاء.',
    'under-investigation': 'نتحقق مما إذا كانت بيانات العملاء قد تأثرت.',
    possible: 'ربما تأثرت بيانات العملاء.',
    confirmed: 'تأثرت بيانات العملاء.',
  },
  dataImpactNamed: {
    'under-investigation': 'نتحقق مما إذا كانت هذه البيانات قد تأثرت: {data}.',
    possible: 'ربما تأثرت هذه البيانات: {data}.',
    confirmed: 'تأثرت هذه البيانات: {data}.',
  },
  nextUpdate: {
    promised: 'التحديث التالي بحلول {time}.',
    overdue: 'تأخر تحديثنا التالي الذي وعدنا به في {time}. ما زلنا نعمل على المشكلة.',
    unpromised: 'سننشر تحديثًا فور توفر معلومات جديدة.',
    resolved: 'تم حل المشكلة، ولن ننشر تحديثات أخرى.',
    completed: 'اكتملت الأعمال، ولن ننشر تحديثات أخرى.',
  },
  when: { started: 'بدأت في {time}.', planned: 'مقررة في الفترة {window}.' },
  headings: {
    actions: 'ما يمكنك فعله الآن',
    remedies: 'ما نقدمه لك',
    whatHappened: 'ما الذي حدث',
    whatWeDid: 'ما الذي فعلناه',
    whatWeAreChanging: 'ما الذي نغيّره',
  },
  remedy: { eligibility: 'المستحقون: {eligibility}', deadline: 'آخر موعد للطلب: {deadline}', link: 'التفاصيل: {url}' },
};

/**
 * The words of every language Candor ships, by primary language subtag. The incident banner and
 * any host use these too, so a status reads the same on the page as in the e-mail.
 *
 * @example
 * INCIDENT_WORDS.en.status.investigating; // 'Investigating'
 * INCIDENT_WORDS.ar.severity.critical;    // 'حرجة'
 */
export const INCIDENT_WORDS: Readonly<Record<'en' | 'ar', IncidentWords>> = deepFreeze({ en, ar });

/** The languages {@link INCIDENT_WORDS} has. */
export type IncidentWordsLanguage = keyof typeof INCIDENT_WORDS;

/** The words for `locale` (`ar-EG` → `ar`), or undefined when Candor has none for its language. */
export function wordsFor(locale: string): IncidentWords | undefined {
  const lang = locale.split('-')[0]!.toLowerCase();
  return Object.hasOwn(INCIDENT_WORDS, lang) ? INCIDENT_WORDS[lang as IncidentWordsLanguage] : undefined;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') for (const v of Object.values(o)) deepFreeze(v);
  return Object.freeze(o);
}
