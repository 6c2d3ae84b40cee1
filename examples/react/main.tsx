// A small React 19 app using @candor/react: an onboarding stepper, the consent explainer, the
// incident banner and the FAQ panel, with objects passed as props and typed event props.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ConsentRecord } from '@candor/core/models';
import { MemoryConsentStorage } from '@candor/core/consent';
import { CandorConsent, CandorFaq, CandorIncidentBanner, CandorStepper } from '@candor/react';
import { onboardingJourney } from '../fixtures/onboarding-journey.js';
import { noticeV1 } from '../fixtures/consent-notices.js';
import { cardOutage } from '../fixtures/incidents.js';
import { contactChannels, faqEntries } from '../fixtures/faq.js';

const storage = new MemoryConsentStorage();

function App() {
  const [current, setCurrent] = useState<string | undefined>();
  const [record, setRecord] = useState<ConsentRecord | undefined>();
  const [lang, setLang] = useState<'en' | 'ar'>('en');

  return (
    <main lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      <button type="button" onClick={() => setLang(lang === 'en' ? 'ar' : 'en')}>
        {lang === 'en' ? 'العربية' : 'English'}
      </button>
      <CandorIncidentBanner incidents={[cardOutage]} timeZone="UTC" onCandorIncidentUpdate={(e) => console.info('update', e.detail)} />
      <CandorStepper
        steps={[...onboardingJourney]}
        current={current}
        onCandorStepChange={(e) => setCurrent(e.detail.to)}
        onCandorAssistRequest={(e) => console.info('help requested', e.detail.channel)}
      />
      <CandorConsent
        notice={noticeV1}
        subject="cust_7f3a"
        storage={storage}
        onCandorConsentChange={(e) => setRecord(e.detail)}
      />
      <p aria-live="polite">{record ? `Saved: ${record.purposesGranted.join(', ') || 'nothing granted'}` : ''}</p>
      <CandorFaq entries={faqEntries} contacts={contactChannels} onCandorFaqSearch={(e) => console.info('search', e.detail.query)} />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
