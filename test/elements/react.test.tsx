// @candor/react in real Chromium with React 19: every wrapper renders its element, objects reach
// the element as properties (never as attributes), event props receive the typed event and
// follow re-renders, refs give the element, and children written as markup are read.
import { expect, waitUntil } from '@open-wc/testing';
import { act, createRef, type ReactNode } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import type { ConsentRecord, Incident, OnboardingStep } from '@candor/core/models';
import { MemoryConsentStorage } from '@candor/core/consent';
import { CandorErrorEvent } from '@candor/elements/shared';
import { StepChangeEvent, BeforeStepChangeEvent } from '@candor/elements/stepper';
import { ConsentChangeEvent } from '@candor/elements/consent';
import { IncidentUpdateEvent } from '@candor/elements/incident-banner';
import {
  CandorConsent,
  CandorFaq,
  CandorFaqEntry,
  CandorIncidentBanner,
  CandorStep,
  CandorStepper,
  type CandorConsentElement,
  type CandorFaqElement,
  type CandorIncidentBannerElement,
  type CandorStepperElement,
} from '@candor/react';
import { onboardingJourney } from '../../examples/fixtures/onboarding-journey.js';
import { noticeV1 } from '../../examples/fixtures/consent-notices.js';
import { cardOutage } from '../../examples/fixtures/incidents.js';
import { contactChannels, faqEntries } from '../../examples/fixtures/faq.js';
import { warningsDuring } from '../support/console.js';

/**
 * Compile-time checks (`npm run typecheck`): event props are typed with the event class, and
 * object props with the core models. An `@ts-expect-error` that stops erroring fails the check.
 */
export function typedProps(steps: OnboardingStep[]): ReactNode[] {
  return [
    <CandorStepper
      steps={steps}
      onCandorStepChange={(e) => {
        const to: string = e.detail.to;
        // @ts-expect-error: detail.to is a string
        const wrong: number = e.detail.to;
        void [to, wrong];
      }}
    />,
    // @ts-expect-error: notice must be a ConsentNotice
    <CandorConsent notice={{ version: 1 }} />,
    // @ts-expect-error: no such event prop
    <CandorFaq onCandorStepChange={() => {}} />,
  ];
}

// Tells React that updates are wrapped in act() here, so it flushes them before act resolves.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A loaded machine may take a while; the default second is too short to mean failure. */
const settle = { timeout: 5000 };
const copy = <T,>(v: T): T => structuredClone(v);
const journey = (): OnboardingStep[] => copy([...onboardingJourney]);
const fixedNow = () => new Date('2026-11-23T10:10:00Z');
const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

async function render(node: ReactNode): Promise<void> {
  await act(async () => root.render(node));
}
function one<T extends Element>(selector: string): T {
  const found = container.querySelector<T>(selector);
  if (!found) throw new Error(`React rendered no ${selector}: ${container.innerHTML}`);
  return found;
}
async function updated<T extends Element & { updateComplete: Promise<boolean> }>(selector: string): Promise<T> {
  const el = one<T>(selector);
  await el.updateComplete;
  return el;
}

describe('@candor/react rendering', () => {
  it('renders each wrapper as its upgraded custom element', async () => {
    await render(
      <>
        <CandorStepper steps={journey()} />
        <CandorConsent notice={copy(noticeV1)} subject="cust_1" storage={new MemoryConsentStorage()} />
        <CandorIncidentBanner incidents={[copy(cardOutage)]} now={fixedNow} storageKey="react-test-rendering" />
        <CandorFaq entries={copy(faqEntries)} />
      </>,
    );
    for (const tag of ['candor-stepper', 'candor-consent', 'candor-incident-banner', 'candor-faq']) {
      const el = one(tag);
      expect(el, tag).to.be.instanceOf(customElements.get(tag)!);
      expect(el.shadowRoot, `${tag} rendered no shadow root`).to.not.equal(null);
    }
  });

  it('passes className, id and aria attributes through to the element', async () => {
    await render(<CandorStepper steps={journey()} className="onboarding" id="journey" aria-label="Account opening" />);
    const el = one('candor-stepper');
    expect(el.getAttribute('class')).to.equal('onboarding');
    expect(el.id).to.equal('journey');
    expect(el.getAttribute('aria-label')).to.equal('Account opening');
  });

  it('gives a ref the element itself', async () => {
    const ref = createRef<CandorStepperElement>();
    await render(<CandorStepper ref={ref} steps={journey()} />);
    expect(ref.current).to.equal(one('candor-stepper'));
  });
});

describe('@candor/react after server rendering', () => {
  it('hydrates server HTML without a mismatch, then sets the properties and listens to events', async () => {
    const steps = journey();
    const changes: StepChangeEvent[] = [];
    const app = () => (
      <CandorStepper steps={steps} className="onboarding" onCandorStepChange={(e) => changes.push(e)}>
        <CandorStep step-id="declared" title="Declared in markup" minutes={1} status="current" />
      </CandorStepper>
    );
    const serverHtml = renderToString(app());
    expect(serverHtml).to.not.match(/steps=|oncandor/i);
    await act(async () => root.unmount());
    container.innerHTML = serverHtml;
    const fromServer = one<CandorStepperElement>('candor-stepper');
    const errors: string[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    try {
      await act(async () => {
        root = hydrateRoot(container, app());
      });
    } finally {
      console.error = originalError;
    }
    expect(errors).to.deep.equal([]);
    const el = await updated<CandorStepperElement>('candor-stepper');
    expect(el).to.equal(fromServer); // hydrated in place, not re-created
    expect(el.steps).to.equal(steps);
    el.shadowRoot!.querySelector<HTMLElement>('[part~="step-button"]')!.click();
    await el.updateComplete;
    expect(changes.map((e) => e.detail.to)).to.deep.equal(['details']);
  });
});

describe('@candor/react props', () => {
  it('sets steps on <candor-stepper> as the same array, not as an attribute, and re-sets it on re-render', async () => {
    const steps = journey();
    await render(<CandorStepper steps={steps} current="details" orientation="vertical" />);
    const el = await updated<CandorStepperElement>('candor-stepper');
    expect(el.steps).to.equal(steps);
    expect(el.hasAttribute('steps')).to.equal(false);
    expect(el.current).to.equal('details');
    expect(el.getAttribute('orientation')).to.equal('vertical');
    expect(el.shadowRoot!.querySelectorAll('[part~="step-button"]')).to.have.length(steps.length);

    const shorter = steps.slice(0, 3);
    await render(<CandorStepper steps={shorter} current="details" orientation="vertical" />);
    await el.updateComplete;
    expect(el.steps).to.equal(shorter);
    expect(el.shadowRoot!.querySelectorAll('[part~="step-button"]')).to.have.length(3);
  });

  it('sets notice and storage on <candor-consent> as properties; the element explains the notice', async () => {
    const notice = copy(noticeV1);
    const storage = new MemoryConsentStorage();
    await render(<CandorConsent notice={notice} subject="cust_7f3a" storage={storage} headingLevel={3} />);
    const el = await updated<CandorConsentElement>('candor-consent');
    expect(el.notice).to.equal(notice);
    expect(el.storage).to.equal(storage);
    expect(el.hasAttribute('notice')).to.equal(false);
    expect(el.subject).to.equal('cust_7f3a');
    await waitUntil(() => text(el).includes(notice.purposes[0]!.title), 'the notice was not shown', settle);
  });

  it('sets incidents and now on <candor-incident-banner> as properties; the banner shows the incident', async () => {
    const incidents: Incident[] = [copy(cardOutage)];
    await render(<CandorIncidentBanner incidents={incidents} now={fixedNow} storageKey="react-test-props" timeZone="UTC" />);
    const el = await updated<CandorIncidentBannerElement>('candor-incident-banner');
    expect(el.incidents).to.equal(incidents);
    expect(el.now).to.equal(fixedNow);
    expect(el.hasAttribute('incidents')).to.equal(false);
    expect([...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="incident"]')].map((c) => c.dataset['id'])).to.deep.equal([cardOutage.id]);
  });

  it('sets entries and contacts on <candor-faq> as properties; the panel lists the entries', async () => {
    const entries = copy(faqEntries);
    const contacts = copy(contactChannels);
    await render(<CandorFaq entries={entries} contacts={contacts} top={3} />);
    const el = await updated<CandorFaqElement>('candor-faq');
    expect(el.entries).to.equal(entries);
    expect(el.contacts).to.equal(contacts);
    expect(el.top).to.equal(3);
    expect(el.shadowRoot!.querySelectorAll('[part~="entry"]')).to.have.length(3);
  });

  it('passes <CandorStep> and <CandorFaqEntry> children as markup the parent reads, complete from the first read', async () => {
    const errors: CandorErrorEvent[] = [];
    await render(
      <>
        <CandorStepper onCandorError={(e) => errors.push(e)}>
          <CandorStep step-id="details" title="Your details" minutes={2} status="complete" />
          <CandorStep step-id="identity" title="Verify your identity" minutes={3} status="current" optional>
            We are required by law to confirm who you are.
          </CandorStep>
        </CandorStepper>
        <CandorFaq onCandorError={(e) => errors.push(e)}>
          <CandorFaqEntry entry-id="forgot-pin" question="I forgot my PIN" category="Cards" updated-at="2026-10-02T12:00:00Z">
            <p>You can see your PIN in the app under Cards.</p>
          </CandorFaqEntry>
        </CandorFaq>
      </>,
    );
    const step = one('candor-step[step-id="identity"]');
    expect(step.getAttribute('title')).to.equal('Verify your identity');
    expect(step.getAttribute('minutes')).to.equal('3');
    expect(step.hasAttribute('optional')).to.equal(true);
    const stepper = await updated<CandorStepperElement>('candor-stepper');
    await waitUntil(() => stepper.shadowRoot!.querySelectorAll('[part~="step-button"]').length === 2, 'the stepper did not read its <candor-step> children', settle);
    expect(text(stepper)).to.contain('Verify your identity');
    const faq = await updated<CandorFaqElement>('candor-faq');
    await waitUntil(() => text(faq).includes('I forgot my PIN'), 'the panel did not read its <candor-faq-entry> child', settle);
    expect(errors.map((e) => e.detail.message)).to.deep.equal([]);
  });
});

describe('@candor/react events', () => {
  it('calls onCandorBeforeStepChange and onCandorStepChange with the typed events', async () => {
    const seen: Event[] = [];
    let to: string | undefined;
    await render(
      <CandorStepper
        steps={journey()}
        onCandorBeforeStepChange={(e) => seen.push(e)}
        onCandorStepChange={(e) => {
          seen.push(e);
          to = e.detail.to; // typed: StepChangeDetail
        }}
      />,
    );
    const el = await updated<CandorStepperElement>('candor-stepper');
    el.shadowRoot!.querySelector<HTMLElement>('[part~="step-button"]')!.click();
    await el.updateComplete;
    expect(seen.map((e) => e.constructor)).to.deep.equal([BeforeStepChangeEvent, StepChangeEvent]);
    expect((seen[1] as StepChangeEvent).detail).to.deep.equal({ from: 'identity', to: 'details' });
    expect(to).to.equal('details');
  });

  it('lets onCandorBeforeStepChange veto the move', async () => {
    const changes: StepChangeEvent[] = [];
    await render(<CandorStepper steps={journey()} onCandorBeforeStepChange={(e) => e.preventDefault()} onCandorStepChange={(e) => changes.push(e)} />);
    const el = await updated<CandorStepperElement>('candor-stepper');
    el.shadowRoot!.querySelector<HTMLElement>('[part~="step-button"]')!.click();
    await el.updateComplete;
    expect(changes).to.have.length(0);
    expect(el.current).to.equal(undefined);
  });

  it('calls the handler of the latest render only, and none once the prop is removed', async () => {
    const first: Event[] = [];
    const second: Event[] = [];
    const steps = journey();
    await render(<CandorStepper steps={steps} onCandorStepChange={(e) => first.push(e)} />);
    await render(<CandorStepper steps={steps} onCandorStepChange={(e) => second.push(e)} />);
    const el = await updated<CandorStepperElement>('candor-stepper');
    const buttons = () => el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="step-button"]');
    buttons()[0]!.click();
    await el.updateComplete;
    expect([first.length, second.length]).to.deep.equal([0, 1]);
    await render(<CandorStepper steps={steps} />);
    buttons()[1]!.click();
    await el.updateComplete;
    expect(el.current).to.equal(steps[1]!.id);
    expect([first.length, second.length]).to.deep.equal([0, 1]);
  });

  it('calls onCandorConsentChange with the stored record', async () => {
    const records: ConsentRecord[] = [];
    const ref = createRef<CandorConsentElement>();
    await render(
      <CandorConsent
        ref={ref}
        notice={copy(noticeV1)}
        subject="cust_7f3a"
        storage={new MemoryConsentStorage()}
        onCandorConsentChange={(e) => {
          expect(e).to.be.instanceOf(ConsentChangeEvent);
          records.push(e.detail);
        }}
      />,
    );
    await waitUntil(() => ref.current?.state === 'ask', `consent did not load (state ${ref.current?.state})`, settle);
    const result = await ref.current!.acceptAll();
    expect(records).to.deep.equal([result]);
  });

  it('calls onCandorIncidentUpdate for the incident shown', async () => {
    const updates: IncidentUpdateEvent[] = [];
    await render(<CandorIncidentBanner incidents={[copy(cardOutage)]} now={fixedNow} storageKey="react-test-events" onCandorIncidentUpdate={(e) => updates.push(e)} />);
    await updated('candor-incident-banner');
    await waitUntil(() => updates.length > 0, 'no candor-incident-update', settle);
    expect(updates[0]).to.be.instanceOf(IncidentUpdateEvent);
    expect(updates[0]!.detail).to.deep.equal({ incidentId: cardOutage.id, updateId: 'u2', status: 'identified', severity: 'critical' });
  });

  it('calls onCandorError when a prop is invalid, naming the property', async () => {
    const errors: CandorErrorEvent[] = [];
    const hostile = [{ id: 'not-an-incident' }] as unknown as Incident[];
    const warnings = await warningsDuring(async () => {
      await render(<CandorFaq entries={copy(faqEntries)} incidents={hostile} onCandorError={(e) => errors.push(e)} />);
      await updated('candor-faq');
      await waitUntil(() => errors.length > 0, 'no candor-error for invalid incidents', settle);
    });
    expect(warnings.join('\n')).to.contain('<candor-faq> incidents');
    expect(errors[0]).to.be.instanceOf(CandorErrorEvent);
    expect(errors[0]!.detail.component).to.equal('candor-faq');
    expect(errors[0]!.detail.property).to.equal('incidents');
  });
});
