/** The English templates Candor ships for every channel (see `loadIncidentTemplates` for the placeholders). */
import type { IncidentTemplateSet } from './templates.js';

export const en: IncidentTemplateSet = {
  email: {
    subject: '[{severity}] {title}: {status}',
    body: [
      '{title}',
      '',
      'Status: {status}',
      'Severity: {severity}',
      '{when}',
      'Affected: {services}',
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
      'Status page: {link}',
    ].join('\n'),
  },
  sms: { text: '{title} ({severity}, {status}). Affected: {services}. {dataImpact} {nextUpdate} {apology} {latest} {link}' },
  push: {
    title: '{title}: {status}',
    body: '{severity}. Affected: {services}. {dataImpact} {nextUpdate} {apology} {link}',
  },
  'in-app': {
    title: '{title}',
    body: 'Status: {status}. Severity: {severity}. Affected: {services}. {dataImpact} {latest} {apology} {nextUpdate} {link}',
  },
};
