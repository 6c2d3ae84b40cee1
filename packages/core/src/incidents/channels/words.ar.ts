/** The words for an incident's facts in Arabic; its own module so a page that shows one language carries only that one. */
import type { IncidentWords } from './words.js';
import { deepFreeze } from '../../lib/freeze.js';

/**
 * The Arabic incident words (also in `INCIDENT_WORDS.ar`).
 *
 * @example
 * INCIDENT_WORDS_AR.severity.critical; // 'حرجة'
 */
export const INCIDENT_WORDS_AR: IncidentWords = /* @__PURE__ */ deepFreeze({
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
});
