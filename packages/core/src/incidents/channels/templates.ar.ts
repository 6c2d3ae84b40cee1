/** The Arabic templates Candor ships for every channel (see `loadIncidentTemplates` for the placeholders). */
import type { IncidentTemplateSet } from './templates.js';

export const ar: IncidentTemplateSet = {
  email: {
    subject: '[{severity}] {title}: {status}',
    body: [
      '{title}',
      '',
      'الحالة: {status}',
      'الخطورة: {severity}',
      '{when}',
      'الخدمات المتأثرة: {services}',
      '{dataImpact}',
      '',
      '{latest}',
      '',
      '{actions}',
      '',
      '{remedies}',
      '',
      '{summary}',
      '',
      '{apology}',
      '',
      '{nextUpdate}',
      'صفحة الحالة: {link}',
    ].join('\n'),
  },
  sms: { text: '{title} ({severity}، {status}). المتأثر: {services}. {dataImpact} {nextUpdate} {apology} {latest} {link}' },
  push: {
    title: '{title}: {status}',
    body: 'الخطورة: {severity}. المتأثر: {services}. {dataImpact} {nextUpdate} {apology} {link}',
  },
  'in-app': {
    title: '{title}',
    body: 'الحالة: {status}. الخطورة: {severity}. الخدمات المتأثرة: {services}. {dataImpact} {latest} {apology} {nextUpdate} {link}',
  },
};
