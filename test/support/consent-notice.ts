// Sample consent notices shared by the consent tests (core and elements): one notice, version 1
// and a version 2 that adds a purpose, removes one and lists its changes.
import type { ConsentNotice } from '@candor/core/models';

/** Version 1: one required purpose, one partner-reuse purpose, one marketing purpose. */
export const noticeV1: ConsentNotice = {
  version: '2026-11-01',
  controller: { name: 'Acme Bank', contact: 'privacy@acme.example' },
  summary: 'We check your identity once to open your account and, only if you agree, let partners you choose reuse that check.',
  policyUrl: 'https://acme.example/privacy',
  purposes: [
    {
      id: 'identity',
      title: 'Verify your identity',
      why: 'The law requires us to know who you are before we open an account.',
      dataCategories: ['Name', 'Date of birth', 'ID document image'],
      retention: '5 years after your account closes',
      recipients: [
        { name: 'Acme Bank', role: 'controller' },
        { name: 'DocCheck Ltd', role: 'processor' },
      ],
      legalBasis: 'legal-obligation',
      required: true,
    },
    {
      id: 'partner-reuse',
      title: 'Reuse your verification at partners',
      why: 'So you do not have to show your ID again at partner sites you choose to use.',
      dataCategories: ['Verification result', 'Assurance level'],
      retention: 'Until you withdraw consent',
      recipients: [
        { name: 'Shield Insurance', role: 'partner', reusesVerification: true, audience: 'https://insure.example' },
        { name: 'Nest Mortgages', role: 'partner', reusesVerification: true, audience: 'https://nest.example' },
      ],
      legalBasis: 'consent',
      required: false,
    },
    {
      id: 'marketing',
      title: 'Product news',
      why: 'To tell you about new savings accounts by e-mail.',
      dataCategories: ['E-mail address'],
      retention: 'Until you withdraw consent',
      recipients: [{ name: 'Acme Bank', role: 'controller' }],
      legalBasis: 'consent',
      required: false,
    },
  ],
};

/** Version 2: `marketing` removed, `analytics` added, with a list of changes. */
export const noticeV2: ConsentNotice = {
  ...noticeV1,
  version: '2026-12-01',
  changes: ['We no longer send product news.', 'We now ask before measuring how you use the app.'],
  purposes: [
    noticeV1.purposes[0]!,
    noticeV1.purposes[1]!,
    {
      id: 'analytics',
      title: 'Improve the app',
      why: 'To see which screens confuse people, so we can fix them.',
      dataCategories: ['App usage events'],
      retention: '13 months',
      recipients: [{ name: 'Acme Bank', role: 'controller' }],
      legalBasis: 'consent',
      required: false,
    },
  ],
};

/** A deep copy, so a test can change one field without touching the shared fixture. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
