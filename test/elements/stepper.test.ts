import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Clock, OnboardingStep } from '@candor/core/models';
import type { CandorErrorEvent } from '@candor/elements/shared';
import '@candor/elements/stepper';
import { stepperMessages, type AssistChannel, type StepperMessages, type StepperOrientation } from '@candor/elements/stepper';
import { stepperAr } from '@candor/elements/locales/ar.js';
import { onboardingJourney } from '../../examples/fixtures/onboarding-journey.js';
import { warningsDuring } from '../support/console.js';

/** The element type as the tag map declares it (the same class whether tsc sees src or dist). */
type CandorStepper = HTMLElementTagNameMap['candor-stepper'];

/**
 * A fresh copy of the shared journey: 12 minutes in all, 3 done: 25 % by effort (40 % by
 * count), 9 minutes left, on step 3 of 5 ("identity", 4 minutes, with a purpose and two requirements).
 */
const journey = (): OnboardingStep[] => structuredClone([...onboardingJourney]);
const identity = onboardingJourney[2]!;

const root = (el: CandorStepper) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: CandorStepper, sel: string) => root(el).querySelector<T & Element>(sel) as T | null;
const $$ = (el: CandorStepper, sel: string) => [...root(el).querySelectorAll<HTMLElement>(sel)];
const buttons = (el: CandorStepper) => $$(el, '[part~="step-button"]');
const live = (el: CandorStepper) => $(el, '[part~="live"]')!.textContent!.trim();
const progress = (el: CandorStepper) => $(el, '[role="progressbar"]')!;
const focused = (el: CandorStepper) => root(el).activeElement as HTMLElement | null;
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
/** Presses `key` in the browser, then waits for the stepper to render what it did. */
async function press(el: CandorStepper, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

async function stepper(steps: OnboardingStep[] = journey(), attrs = ''): Promise<CandorStepper> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><button id="before">before</button><candor-stepper ${attrs}></candor-stepper></div>`,
  );
  const el = wrapper.querySelector('candor-stepper')!;
  el.steps = steps;
  await el.updateComplete;
  return el;
}

/** Collects events of the given types fired by `el`, in order. */
function record(el: EventTarget, ...types: string[]): Event[] {
  const seen: Event[] = [];
  for (const t of types) el.addEventListener(t, (e) => seen.push(e));
  return seen;
}

describe('<candor-stepper> rendering', () => {
  it('lists the steps in an ordered list with every status written out in words', async () => {
    const statuses = ['upcoming', 'current', 'complete', 'error', 'waiting', 'needs-help', 'skipped'] as const;
    const el = await stepper(statuses.map((status, i) => ({ id: `s${i}`, title: `Step ${status}`, estimatedMinutes: 1, status })));
    const items = $$(el, 'ol[part~="list"] > li');
    expect(items.map((li) => li.dataset['status'])).to.deep.equal([...statuses]);
    expect(items.map((li) => li.querySelector('[part~="step-status"]')!.textContent!.trim())).to.deep.equal([
      'Not started',
      'In progress',
      'Done',
      'Needs attention',
      'Waiting on us',
      'Needs help',
      'Skipped',
    ]);
    for (const li of items) expect(li.querySelector('[part~="marker"]')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('marks the current step with aria-current="step" and shows why it is asked and what is needed', async () => {
    const el = await stepper();
    const current = buttons(el).filter((b) => b.getAttribute('aria-current') === 'step');
    expect(current).to.have.length(1);
    expect(current[0]!.dataset['stepId']).to.equal('identity');
    expect($(el, '[part~="purpose"]')!.textContent).to.contain('Why we ask').and.contain(identity.purpose);
    expect([...$(el, '[part~="requirements"]')!.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(identity.requirements);
    expect($(el, '[part~="estimate"]')!.textContent).to.equal('About 4 minutes');
  });

  it('explains waiting and error steps in words', async () => {
    const el = await stepper([
      { id: 'a', title: 'Upload', estimatedMinutes: 1, status: 'complete' },
      { id: 'b', title: 'Review', estimatedMinutes: 1, status: 'waiting' },
    ]);
    expect($(el, '[part~="status-note"]')!.textContent).to.contain("We're checking what you sent");
    el.steps = [{ id: 'a', title: 'Upload', estimatedMinutes: 1, status: 'error' }];
    await el.updateComplete;
    expect($(el, '[part~="status-note"]')!.textContent).to.contain('Something went wrong');
  });

  it('shows "Optional" on optional steps', async () => {
    const el = await stepper();
    expect(buttons(el)[4]!.textContent).to.contain('Optional');
    expect(buttons(el)[3]!.textContent).to.not.contain('Optional');
  });

  it('renders a short message and no error when there are no steps', async () => {
    const wrapper = await fixture<HTMLDivElement>('<div><candor-stepper></candor-stepper></div>');
    const el = wrapper.querySelector('candor-stepper')!;
    const errors = record(el, 'candor-error');
    el.steps = [];
    await el.updateComplete;
    expect($(el, '[part~="empty"]')!.textContent).to.equal('No steps to show yet.');
    expect(errors).to.have.length(0);
  });
});

describe('<candor-stepper> messages', () => {
  it('ships complete English and Arabic catalogues, with every plural form in Arabic', () => {
    const keys = Object.keys(stepperMessages.en).sort();
    expect(Object.keys(stepperAr).sort()).to.deep.equal(keys);
    for (const key of keys) {
      const en = stepperMessages.en[key as keyof StepperMessages];
      const ar = stepperAr[key as keyof StepperMessages];
      expect(typeof ar, key).to.equal(typeof en);
      if (typeof ar === 'string') expect(ar, key).to.not.equal(en);
      else expect(Object.keys(ar).sort(), key).to.deep.equal(['few', 'many', 'one', 'other', 'two', 'zero']);
    }
  });
  // Checked by the type checker (npm run typecheck), not at run time: a locale must supply every key.
  // @ts-expect-error a locale must supply every key
  void ({ listLabel: 'Étapes' } satisfies StepperMessages);
});

describe('<candor-stepper> progress', () => {
  it('weights progress by estimated minutes, not by step count', async () => {
    const el = await stepper();
    expect(progress(el).getAttribute('aria-valuenow')).to.equal('25'); // 3 of 12 minutes; by count it would be 40
    expect(progress(el).getAttribute('aria-valuetext')).to.equal('25% complete. About 9 minutes left');
    expect($(el, '[part~="position"]')!.textContent).to.equal('Step 3 of 5');
    expect($(el, '[part~="time-left"]')!.textContent).to.equal('About 9 minutes left');
  });

  it('fills the bar as far as it announces: a quarter of the track at 25 %, all of it when done', async () => {
    const el = await stepper(journey(), 'style="--candor-transition-duration: 0s"');
    const fill = () => $(el, '[part~="progress-indicator"]')!.getBoundingClientRect().width / progress(el).clientWidth;
    expect(fill()).to.be.closeTo(0.25, 0.01);
    el.steps = journey().map((s) => ({ ...s, status: 'complete' as const }));
    await el.updateComplete;
    expect(fill()).to.be.closeTo(1, 0.01);
    el.steps = journey().map((s) => ({ ...s, status: 'upcoming' as const }));
    await el.updateComplete;
    expect(fill()).to.equal(0);
  });

  it('counts skipped and waiting steps as done for the customer', async () => {
    const el = await stepper([
      { id: 'a', title: 'A', estimatedMinutes: 6, status: 'waiting' },
      { id: 'b', title: 'B', estimatedMinutes: 3, status: 'skipped', optional: true },
      { id: 'c', title: 'C', estimatedMinutes: 1, status: 'current' },
    ]);
    expect(progress(el).getAttribute('aria-valuenow')).to.equal('90');
    expect($(el, '[part~="time-left"]')!.textContent).to.equal('About 1 minute left');
  });

  it('says when everything is done', async () => {
    const el = await stepper(journey().map((s) => ({ ...s, status: 'complete' as const })));
    expect(progress(el).getAttribute('aria-valuenow')).to.equal('100');
    expect($(el, '[part~="time-left"]')!.textContent).to.equal('All steps done');
  });

  it('states the time left in Arabic with the right plural form', async () => {
    const el = await stepper(journey(), 'lang="ar"');
    const n = (v: number) => new Intl.NumberFormat('ar').format(v);
    expect($(el, '[part~="time-left"]')!.textContent).to.equal(`بقيت ${n(9)} دقائق تقريبًا`);
    expect($(el, '[part~="position"]')!.textContent).to.equal(`الخطوة ${n(3)} من ${n(5)}`);
    el.steps = journey().map((s) => (s.id === 'review' || s.id === 'address' ? { ...s, status: 'complete' as const } : s));
    el.steps[2] = { ...el.steps[2]!, estimatedMinutes: 2 };
    el.steps = [...el.steps];
    await el.updateComplete;
    expect($(el, '[part~="time-left"]')!.textContent).to.equal('بقيت دقيقتان تقريبًا');
  });
});

describe('<candor-stepper> orientation', () => {
  it('lays steps side by side when horizontal and stacked when vertical', async () => {
    const el = await stepper(journey(), 'orientation="horizontal"');
    const list = $(el, '[part~="list"]')!;
    expect(getComputedStyle(list).flexDirection).to.equal('row');
    const [a, b] = buttons(el).map((x) => x.getBoundingClientRect());
    expect(a!.top).to.equal(b!.top);
    el.orientation = 'vertical';
    await el.updateComplete;
    expect(getComputedStyle(list).flexDirection).to.equal('column');
    const [c, d] = buttons(el).map((x) => x.getBoundingClientRect());
    expect(d!.top).to.be.greaterThan(c!.bottom - 1);
  });

  it('in auto, switches with the available width', async () => {
    const wrapper = await fixture<HTMLDivElement>('<div style="inline-size: 1000px"><candor-stepper></candor-stepper></div>');
    const el = wrapper.querySelector('candor-stepper')!;
    el.steps = journey();
    await waitUntil(() => $(el, '.candor.horizontal'), 'wide: horizontal');
    wrapper.style.inlineSize = '400px';
    await waitUntil(() => $(el, '.candor.vertical'), 'narrow: vertical');
  });

  it('in auto, keeps following the width after it is moved to another place in the page', async () => {
    const wrapper = await fixture<HTMLDivElement>('<div><div id="a" style="inline-size: 1000px"></div><div id="b" style="inline-size: 400px"></div></div>');
    const el = document.createElement('candor-stepper');
    el.steps = journey();
    wrapper.querySelector('#a')!.append(el);
    await waitUntil(() => $(el, '.candor.horizontal'), 'wide: horizontal');
    wrapper.querySelector('#b')!.append(el); // disconnected, then connected again
    await waitUntil(() => $(el, '.candor.vertical'), 'narrow after the move: vertical');
    wrapper.querySelector<HTMLElement>('#b')!.style.inlineSize = '1000px';
    await waitUntil(() => $(el, '.candor.horizontal'), 'widened in place: horizontal again');
  });

  const orientations: StepperOrientation[] = ['auto', 'horizontal', 'vertical'];
  for (const orientation of orientations) {
    it(`does not overflow 320 px (${orientation}), even with long words`, async () => {
      const wrapper = await fixture<HTMLDivElement>(`<div style="inline-size: 320px"><candor-stepper orientation=${orientation}></candor-stepper></div>`);
      const el = wrapper.querySelector('candor-stepper')!;
      const long = journey().map((s) => ({ ...s, title: `${s.title} Supercalifragilisticexpialidocious-verification` }));
      long[2]!.failures = 2; // help offered: channel buttons shown too
      el.steps = long;
      await el.updateComplete;
      await frame();
      const host = el.getBoundingClientRect();
      expect(host.width).to.equal(320);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      for (const node of root(el).querySelectorAll('*')) {
        const r = node.getBoundingClientRect();
        if (r.width === 0) continue;
        expect(r.left, node.outerHTML.slice(0, 60)).to.be.at.least(host.left - 0.5);
        expect(r.right, node.outerHTML.slice(0, 60)).to.be.at.most(host.right + 0.5);
      }
    });
  }
});

describe('<candor-stepper> right to left', () => {
  it('mirrors in Arabic: direction is rtl and the first step sits to the right of the last', async () => {
    const wrapper = await fixture<HTMLDivElement>('<div lang="ar" style="inline-size: 900px"><candor-stepper orientation="horizontal"></candor-stepper></div>');
    const el = wrapper.querySelector('candor-stepper')!;
    el.steps = journey();
    await el.updateComplete;
    expect(getComputedStyle($(el, '[part~="base"]')!).direction).to.equal('rtl');
    const all = buttons(el);
    expect(all[0]!.getBoundingClientRect().left).to.be.greaterThan(all[4]!.getBoundingClientRect().left);
    expect($(el, '[part~="list"]')!.getAttribute('aria-label')).to.equal('خطوات التسجيل');
    expect(progress(el).getAttribute('aria-label')).to.equal('مدى التقدّم في التسجيل');
  });

  it('reads left to right in English', async () => {
    const el = await stepper(journey(), 'orientation="horizontal" lang="en"');
    const all = buttons(el);
    expect(all[0]!.getBoundingClientRect().left).to.be.lessThan(all[4]!.getBoundingClientRect().left);
  });
});

describe('<candor-stepper> declarative steps', () => {
  const markup = `<candor-stepper>
      <candor-step step-id="details" title="Your details" minutes="2" status="complete"></candor-step>
      <candor-step step-id="identity" title="Verify your identity" minutes="3" status="current">
        The law requires us to confirm who you are.
        <ul><li>A passport or national ID card</li></ul>
      </candor-step>
      <candor-step step-id="address" title="Proof of address" minutes="5" optional></candor-step>
    </candor-stepper>`;

  it('reads steps, purpose and requirements from <candor-step> children', async () => {
    const el = await fixture<CandorStepper>(markup);
    expect(buttons(el).map((b) => b.querySelector('[part~="step-title"]')!.textContent)).to.deep.equal([
      'Your details',
      'Verify your identity',
      'Proof of address',
    ]);
    expect($(el, '[part~="purpose"]')!.textContent).to.contain('The law requires us to confirm who you are.');
    expect($(el, '[part~="requirements"] li')!.textContent).to.equal('A passport or national ID card');
    expect(progress(el).getAttribute('aria-valuenow')).to.equal('20');
  });

  it('stays in sync when children change', async () => {
    const el = await fixture<CandorStepper>(markup);
    el.querySelector('[step-id="identity"]')!.setAttribute('status', 'complete');
    el.querySelector('[step-id="address"]')!.setAttribute('status', 'current');
    await waitUntil(() => $(el, '[data-step-id="address"][aria-current="step"]'), 'address becomes current');
    const added = document.createElement('candor-step');
    added.setAttribute('step-id', 'done');
    added.setAttribute('title', 'All set');
    added.setAttribute('minutes', '0');
    el.append(added);
    await waitUntil(() => buttons(el).length === 4, 'new child rendered');
    el.querySelector('[step-id="details"]')!.remove();
    await waitUntil(() => buttons(el).length === 3, 'removed child gone');
  });

  it('validates children like the property: fallback and candor-error naming the child and field', async () => {
    const el = await fixture<CandorStepper>(markup);
    const error = oneEvent(el, 'candor-error');
    el.querySelector('[step-id="address"]')!.setAttribute('minutes', 'soon');
    const e = (await error) as CandorErrorEvent;
    expect(e.detail.property).to.equal('children');
    expect(e.detail.issues.map((i) => i.message)).to.include('2.estimatedMinutes expected number, got string');
    await el.updateComplete;
    expect($(el, '[part~="fallback"]')!.textContent).to.equal("We can't show your progress right now.");
    expect($(el, '[part~="list"]')).to.equal(null);
  });
});

describe('<candor-stepper> invalid input', () => {
  const bad: [string, unknown][] = [
    ['a string', 'identity,address'],
    ['null', null],
    ['an object', { id: 'x' }],
    ['a step without title', [{ id: 'a', estimatedMinutes: 1, status: 'current' }]],
    ['an unknown status', [{ id: 'a', title: 'A', estimatedMinutes: 1, status: 'done' }]],
    ['negative minutes', [{ id: 'a', title: 'A', estimatedMinutes: -5, status: 'current' }]],
    ['duplicate ids', [{ id: 'a', title: 'A', estimatedMinutes: 1, status: 'current' }, { id: 'a', title: 'B', estimatedMinutes: 1, status: 'upcoming' }]],
  ];
  for (const [what, value] of bad) {
    it(`shows the fallback and fires candor-error for ${what}, without throwing`, async () => {
      const el = await stepper();
      const errors = record(el, 'candor-error');
      expect(() => {
        el.steps = value as OnboardingStep[];
      }).to.not.throw();
      await el.updateComplete;
      expect($(el, '[part~="fallback"]')!.textContent).to.equal("We can't show your progress right now.");
      expect($(el, '[part~="list"]')).to.equal(null);
      expect(errors).to.have.length(1);
      const detail = (errors[0] as CandorErrorEvent).detail;
      expect(detail.component).to.equal('candor-stepper');
      expect(detail.property).to.equal('steps');
      expect(detail.issues.length).to.be.greaterThan(0);
    });
  }

  it('names the offending field in the error', async () => {
    const el = await stepper();
    const error = oneEvent(el, 'candor-error');
    el.steps = [{ id: 'a', title: '', estimatedMinutes: 1, status: 'current' }];
    const e = (await error) as CandorErrorEvent;
    expect(e.detail.issues[0]).to.deep.equal({ path: '0.title', message: '0.title must be at least 1 character(s) long' });
  });

  it('shows the fallback in Arabic', async () => {
    const el = await stepper(journey(), 'lang="ar"');
    el.steps = 'nope' as unknown as OnboardingStep[];
    await el.updateComplete;
    expect($(el, '[part~="fallback"]')!.textContent).to.equal('يتعذّر عرض تقدّمك الآن.');
  });

  it('recovers when valid steps arrive', async () => {
    const el = await stepper();
    el.steps = null as unknown as OnboardingStep[];
    await el.updateComplete;
    el.steps = journey();
    await el.updateComplete;
    expect($(el, '[part~="fallback"]')).to.equal(null);
    expect(buttons(el)).to.have.length(5);
  });

  it('falls back to the real time when the host clock throws or gives no valid date', async () => {
    const steps = journey();
    // Started 10 minutes ago by the real clock: a 4-minute step is overdue.
    steps[2] = { ...steps[2]!, startedAt: new Date(Date.now() - 10 * 60_000).toISOString() };
    const broken: unknown[] = [
      () => {
        throw new Error('clock broken');
      },
      () => Date.now(), // a number, not a Date: the old clock shape
      () => new Date(Number.NaN),
      'not a function',
    ];
    for (const now of broken) {
      const wrapper = await fixture<HTMLDivElement>('<div><candor-stepper></candor-stepper></div>');
      const el = wrapper.querySelector('candor-stepper')!;
      const errors: CandorErrorEvent[] = [];
      el.addEventListener('candor-error', (e) => errors.push(e));
      el.now = now as Clock;
      el.steps = steps;
      await el.updateComplete;
      // The host hears that its clock is not a Clock, and what it gave instead.
      expect(errors.map((e) => e.detail.property), String(now)).to.deep.equal(['now']);
      expect(errors[0]!.detail.issues[0]!.message, String(now)).to.match(/^now (threw|returned|is not a function)/);
      expect(buttons(el), String(now)).to.have.length(5);
      expect($(el, '[part~="help-offer"]')?.textContent, String(now)).to.equal('This step is taking longer than expected. Would you like some help?');
    }
  });

  it('reports unknown help channels and keeps the valid ones', async () => {
    const el = await stepper(journey());
    const error = oneEvent(el, 'candor-error');
    el.assistChannels = ['call', 'carrier-pigeon' as AssistChannel];
    const e = (await error) as CandorErrorEvent;
    expect(e.detail.property).to.equal('assistChannels');
    await el.updateComplete;
    $(el, '[part~="help-toggle"]')!.click();
    await el.updateComplete;
    expect($$(el, '[part~="help-channel"]').map((b) => b.dataset['channel'])).to.deep.equal(['call']);
  });
});

describe('<candor-stepper> text from data is inert', () => {
  const payloads = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>'];
  for (const payload of payloads) {
    it(`renders ${payload.slice(0, 12)}… in every text field as text (property)`, async () => {
      const el = await stepper([
        { id: 'a', title: payload, estimatedMinutes: 1, status: 'complete' },
        { id: 'b', title: payload, purpose: payload, requirements: [payload], estimatedMinutes: 1, status: 'current' },
      ]);
      await frame();
      const text = root(el).textContent!;
      expect(text.split(payload).length - 1).to.be.at.least(4); // two titles, details title, purpose, requirement
      expect(root(el).querySelector('img, script')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it(`renders ${payload.slice(0, 12)}… in every text field as text (children)`, async () => {
      const wrapper = await fixture<HTMLDivElement>('<div><candor-stepper></candor-stepper></div>');
      const el = wrapper.querySelector('candor-stepper')!;
      const step = document.createElement('candor-step');
      step.setAttribute('step-id', 'a');
      step.setAttribute('title', payload);
      step.setAttribute('minutes', '1');
      step.setAttribute('status', 'current');
      step.setAttribute('purpose', payload);
      const ul = document.createElement('ul');
      const li = document.createElement('li');
      li.textContent = payload;
      ul.append(li);
      step.append(ul);
      el.append(step);
      await waitUntil(() => buttons(el).length === 1);
      expect(root(el).textContent!.split(payload).length - 1).to.be.at.least(3);
      expect(root(el).querySelector('img, script')).to.equal(null);
    });
  }
});

describe('<candor-stepper> navigation', () => {
  it('moves to a completed step: candor-before-step-change, then candor-step-change with from/to', async () => {
    const el = await stepper();
    const seen = record(el, 'candor-before-step-change', 'candor-step-change');
    buttons(el)[0]!.click();
    await el.updateComplete;
    expect(seen.map((e) => e.type)).to.deep.equal(['candor-before-step-change', 'candor-step-change']);
    expect((seen[0] as CustomEvent).cancelable).to.equal(true);
    for (const e of seen) {
      expect((e as Event & { detail: unknown }).detail).to.deep.equal({ from: 'identity', to: 'details' });
      expect(e.bubbles && e.composed).to.equal(true);
    }
    expect(el.current).to.equal('details');
    expect(buttons(el)[0]!.getAttribute('aria-current')).to.equal('step');
    expect($(el, '[part~="details-title"]')!.textContent).to.equal('Your details');
  });

  it('stays put when candor-before-step-change is prevented, and fires no candor-step-change', async () => {
    const el = await stepper();
    el.addEventListener('candor-before-step-change', (e) => e.preventDefault());
    const changes = record(el, 'candor-step-change');
    buttons(el)[0]!.click();
    await el.updateComplete;
    expect(changes).to.have.length(0);
    expect(el.current).to.equal(undefined);
    expect(buttons(el)[2]!.getAttribute('aria-current')).to.equal('step');
    expect(live(el)).to.equal('');
  });

  it('does not open steps that have not started', async () => {
    const el = await stepper();
    const seen = record(el, 'candor-before-step-change', 'candor-step-change');
    expect(buttons(el)[3]!.getAttribute('aria-disabled')).to.equal('true');
    buttons(el)[3]!.click();
    await el.updateComplete;
    expect(seen).to.have.length(0);
  });

  it('announces "Step 3 of 5" politely when the current step changes', async () => {
    const steps = journey();
    steps[1] = { ...steps[1]!, status: 'current' };
    steps[2] = { ...steps[2]!, status: 'upcoming' };
    const el = await stepper(steps);
    const region = $(el, '[part~="live"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(live(el)).to.equal('');
    el.steps = journey(); // the host marks step 2 complete and step 3 current
    await el.updateComplete;
    expect(live(el)).to.equal('Step 3 of 5: Verify your identity');
  });

  it('announces the step the user moves to', async () => {
    const el = await stepper();
    buttons(el)[1]!.click();
    await el.updateComplete;
    expect(live(el)).to.equal('Step 2 of 5: Confirm your phone');
  });
});

describe('<candor-stepper> skipping optional steps', () => {
  const withOptionalCurrent = () =>
    journey().map((s) =>
      s.id === 'identity' ? { ...s, status: 'complete' as const } : s.id === 'address' ? { ...s, status: 'current' as const, optional: true } : s,
    );

  it('offers "Skip this step" only on an optional step being worked on', async () => {
    const el = await stepper();
    expect($(el, '[part~="skip"]')).to.equal(null); // identity is not optional
    el.steps = withOptionalCurrent();
    await el.updateComplete;
    expect($(el, '[part~="skip"]')!.textContent).to.equal('Skip this step');
  });

  it('skips: candor-before-step-skip, then the status becomes skipped and candor-step-skip fires', async () => {
    const el = await stepper(withOptionalCurrent());
    const seen = record(el, 'candor-before-step-skip', 'candor-step-skip');
    $(el, '[part~="skip"]')!.click();
    await el.updateComplete;
    expect(seen.map((e) => e.type)).to.deep.equal(['candor-before-step-skip', 'candor-step-skip']);
    expect(seen[0]!.cancelable).to.equal(true);
    expect((seen[1] as Event & { detail: unknown }).detail).to.deep.equal({ stepId: 'address' });
    expect(el.saveState()!.steps[3]!.status).to.equal('skipped');
    expect($(el, '[data-step-id="address"] [part~="step-status"]')!.textContent).to.contain('Skipped');
    expect(buttons(el)[4]!.getAttribute('aria-current')).to.equal('step');
    expect(live(el)).to.equal('Step 5 of 5: Review and submit');
  });

  it('keeps the step when candor-before-step-skip is prevented', async () => {
    const el = await stepper(withOptionalCurrent());
    el.addEventListener('candor-before-step-skip', (e) => e.preventDefault());
    const skips = record(el, 'candor-step-skip');
    $(el, '[part~="skip"]')!.click();
    await el.updateComplete;
    expect(skips).to.have.length(0);
    expect(el.saveState()!.steps[3]!.status).to.equal('current');
  });
});

describe('<candor-stepper> keyboard', () => {
  it('is reached with Tab on the current step, then moves with arrows, Home and End (roving tabindex)', async () => {
    const el = await stepper();
    expect(buttons(el).map((b) => b.tabIndex)).to.deep.equal([-1, -1, 0, -1, -1]);
    document.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.dataset['stepId']).to.equal('identity');
    await press(el, 'ArrowRight');
    expect(focused(el)?.dataset['stepId']).to.equal('address');
    await press(el, 'ArrowDown');
    expect(focused(el)?.dataset['stepId']).to.equal('review');
    await sendKeys({ press: 'ArrowRight' }); // stays on the last step
    await el.updateComplete;
    expect(focused(el)?.dataset['stepId']).to.equal('review');
    await press(el, 'Home');
    expect(focused(el)?.dataset['stepId']).to.equal('details');
    await press(el, 'End');
    expect(focused(el)?.dataset['stepId']).to.equal('review');
    await sendKeys({ press: 'ArrowUp' });
    await press(el, 'ArrowLeft');
    expect(focused(el)?.dataset['stepId']).to.equal('identity');
    expect(buttons(el).map((b) => b.tabIndex)).to.deep.equal([-1, -1, 0, -1, -1]);
  });

  it('moves focus with arrows without changing the step, and keeps the Tab stop when the host updates', async () => {
    const el = await stepper();
    const seen = record(el, 'candor-before-step-change', 'candor-step-change');
    buttons(el)[2]!.focus();
    await press(el, 'End');
    expect(seen).to.have.length(0);
    expect(buttons(el)[2]!.getAttribute('aria-current')).to.equal('step');
    el.steps = journey(); // the host re-sends the same journey
    await el.updateComplete;
    expect(buttons(el).map((b) => b.tabIndex)).to.deep.equal([-1, -1, -1, -1, 0]);
    expect(focused(el)?.dataset['stepId']).to.equal('review');
  });

  it('opens a step with Enter and with Space', async () => {
    const el = await stepper();
    const changes = record(el, 'candor-step-change');
    buttons(el)[2]!.focus();
    await press(el, 'ArrowLeft');
    await press(el, 'Enter');
    expect(el.current).to.equal('phone');
    await press(el, 'ArrowLeft');
    await press(el, 'Space');
    expect(el.current).to.equal('details');
    expect(changes.map((e) => (e as Event & { detail: { to: string } }).detail.to)).to.deep.equal(['phone', 'details']);
  });

  it('reverses arrow keys in right-to-left: ArrowRight goes back in Arabic', async () => {
    const el = await stepper(journey(), 'lang="ar"');
    buttons(el)[2]!.focus();
    await press(el, 'ArrowRight');
    expect(focused(el)?.dataset['stepId']).to.equal('phone');
    await sendKeys({ press: 'ArrowLeft' });
    await press(el, 'ArrowLeft');
    expect(focused(el)?.dataset['stepId']).to.equal('address');
  });

  it('reaches help with Tab and requests it with the keyboard alone', async () => {
    const el = await stepper();
    const requests = record(el, 'candor-assist-request');
    buttons(el)[2]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('help-toggle');
    await press(el, 'Enter');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.dataset['channel']).to.equal('chat');
    await sendKeys({ press: 'Space' });
    expect(requests).to.have.length(1);
  });
});

describe('<candor-stepper> assisted help', () => {
  it('looks different open and closed: the chevron turns and the button changes colour', async () => {
    const el = await stepper();
    const toggle = $(el, '[part~="help-toggle"]')!;
    el.style.setProperty('--candor-transition-duration', '0s');
    const look = () => ({ chevron: getComputedStyle(toggle, '::after').transform, background: getComputedStyle(toggle).backgroundColor });
    const closed = look();
    toggle.click();
    await el.updateComplete;
    const open = look();
    expect(open.chevron, 'chevron transform open vs closed').to.not.equal(closed.chevron);
    expect(open.background, 'background open vs closed').to.not.equal(closed.background);
    toggle.click();
    await el.updateComplete;
    expect(look()).to.deep.equal(closed);
  });

  it('offers help on request: candor-before-assist-request, then candor-assist-request with reason "user"', async () => {
    const el = await stepper();
    const toggle = $(el, '[part~="help-toggle"]')!;
    expect(toggle.textContent!.trim()).to.equal('Get help with this step');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[part~="help-channels"]')!.hidden).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($$(el, '[part~="help-channel"]').map((b) => b.textContent!.trim())).to.deep.equal(['Chat with us', 'Call us', 'Book an appointment']);
    const seen = record(el, 'candor-before-assist-request', 'candor-assist-request');
    $(el, '[data-channel="appointment"]')!.click();
    expect(seen.map((e) => e.type)).to.deep.equal(['candor-before-assist-request', 'candor-assist-request']);
    expect(seen[0]!.cancelable).to.equal(true);
    for (const e of seen) {
      expect((e as Event & { detail: unknown }).detail).to.deep.equal({ stepId: 'identity', channel: 'appointment', reason: 'user' });
      expect(e.bubbles && e.composed).to.equal(true);
    }
  });

  it('sends no candor-assist-request when candor-before-assist-request is prevented', async () => {
    const el = await stepper();
    el.addEventListener('candor-before-assist-request', (e) => e.preventDefault());
    const requests = record(el, 'candor-assist-request');
    $(el, '[part~="help-toggle"]')!.click();
    await el.updateComplete;
    $(el, '[data-channel="chat"]')!.click();
    expect(requests).to.have.length(0);
  });

  it('offers only the configured channels, and no help when there are none', async () => {
    const el = await stepper(journey(), 'assist-channels="call appointment"');
    $(el, '[part~="help-toggle"]')!.click();
    await el.updateComplete;
    expect($$(el, '[part~="help-channel"]').map((b) => b.dataset['channel'])).to.deep.equal(['call', 'appointment']);
    el.assistChannels = [];
    await el.updateComplete;
    expect($(el, '[part~="help"]')).to.equal(null);
  });

  it('offers help unasked, visibly and announced, after the configured number of failures', async () => {
    const steps = journey();
    steps[2] = { ...steps[2]!, failures: 1 };
    const el = await stepper(steps);
    expect($(el, '[part~="help-offer"]')).to.equal(null);
    el.recordFailure();
    await el.updateComplete;
    expect($(el, '[part~="help-offer"]')!.textContent).to.equal("This step hasn't worked yet. Would you like some help?");
    expect($(el, '[part~="help-channels"]')!.hidden).to.equal(false);
    expect(live(el)).to.contain("This step hasn't worked yet.");
    const request = oneEvent(el, 'candor-assist-request');
    $(el, '[data-channel="call"]')!.click();
    expect(((await request) as Event & { detail: unknown }).detail).to.deep.equal({ stepId: 'identity', channel: 'call', reason: 'failures' });
  });

  it('honours assistAfterFailures (and 0 turns the failure offer off)', async () => {
    const steps = journey();
    steps[2] = { ...steps[2]!, failures: 2 };
    const el = await stepper(steps, 'assist-after-failures="3"');
    expect($(el, '[part~="help-offer"]')).to.equal(null);
    el.recordFailure('identity');
    await el.updateComplete;
    expect($(el, '[part~="help-offer"]')).to.not.equal(null);
    el.assistAfterFailures = 0;
    await el.updateComplete;
    expect($(el, '[part~="help-offer"]')).to.equal(null);
  });

  /**
   * A stepper on the identity step, started so that its estimate runs out `msBefore` ms of real
   * time from now, driven by a fake clock the test moves with `at(ms)`; `deadline` is when the
   * estimate runs out.
   */
  async function overtimeStepper(msBefore: number) {
    const startedAt = '2026-11-23T10:00:00.000Z';
    const deadline = Date.parse(startedAt) + identity.estimatedMinutes * 60_000;
    let clock = deadline - msBefore;
    const steps = journey();
    steps[2] = { ...steps[2]!, startedAt };
    const wrapper = await fixture<HTMLDivElement>('<div><candor-stepper></candor-stepper></div>');
    const el = wrapper.querySelector('candor-stepper')!;
    el.now = () => new Date(clock);
    el.steps = steps;
    await el.updateComplete;
    return { el, wrapper, deadline, at: (ms: number) => (clock = ms) };
  }

  it('offers help when the step runs past its estimate (fake clock)', async () => {
    const { el, deadline, at } = await overtimeStepper(40); // 40 ms of real time before the estimate runs out
    expect($(el, '[part~="help-offer"]')).to.equal(null);
    at(deadline + 60_000); // the fake clock moves on; the component's timer notices on its own
    await waitUntil(() => $(el, '[part~="help-offer"]'), 'help offered after the estimate', { timeout: 2000 });
    expect($(el, '[part~="help-offer"]')!.textContent).to.equal('This step is taking longer than expected. Would you like some help?');
    expect(live(el)).to.contain('taking longer than expected');
    const request = oneEvent(el, 'candor-assist-request');
    $(el, '[data-channel="chat"]')!.click();
    expect(((await request) as Event & { detail: { reason: string } }).detail.reason).to.equal('overtime');
  });

  it('stops its overtime timer when removed from the page', async () => {
    const { el, deadline, at } = await overtimeStepper(30);
    let updates = 0;
    const original = el.requestUpdate.bind(el);
    el.requestUpdate = (...args: Parameters<typeof original>) => {
      updates++;
      return original(...args);
    };
    el.remove();
    at(deadline + 60_000);
    await new Promise((r) => setTimeout(r, 120));
    expect(updates).to.equal(0);
  });

  it('re-arms its overtime timer when put back on the page', async () => {
    const { el, wrapper, deadline, at } = await overtimeStepper(60);
    el.remove();
    at(deadline + 1); // due while away: nothing renders until it is back
    await new Promise((r) => setTimeout(r, 100));
    at(deadline - 30); // back on the page 30 ms before the estimate runs out
    wrapper.append(el);
    expect($(el, '[part~="help-offer"]')).to.equal(null);
    await new Promise((r) => setTimeout(r, 10));
    at(deadline + 60_000);
    await waitUntil(() => $(el, '[part~="help-offer"]'), 'help offered by the re-armed timer', { timeout: 2000 });
  });

  it('shows help when a step needs help', async () => {
    const steps = journey();
    steps[2] = { ...steps[2]!, status: 'needs-help' };
    const el = await stepper(steps);
    expect($(el, '[part~="help-offer"]')!.textContent).to.equal('We can help you with this step.');
    expect($(el, '[part~="help-channels"]')!.hidden).to.equal(false);
  });
});

describe('<candor-stepper> saving and resuming', () => {
  it('round-trips its state through JSON to another stepper', async () => {
    const first = await stepper();
    first.recordFailure();
    first.steps = first.steps!.map((s) => (s.id === 'identity' ? { ...s, startedAt: '2026-11-23T10:00:00.000Z' } : s));
    await first.updateComplete;
    buttons(first)[1]!.click();
    await first.updateComplete;
    const saved = JSON.parse(JSON.stringify(first.saveState()));
    expect(saved).to.deep.equal({
      version: 1,
      current: 'phone',
      steps: [
        { id: 'details', status: 'complete', failures: 0 },
        { id: 'phone', status: 'complete', failures: 0 },
        { id: 'identity', status: 'current', failures: 1, startedAt: '2026-11-23T10:00:00.000Z' },
        { id: 'address', status: 'upcoming', failures: 0 },
        { id: 'review', status: 'upcoming', failures: 0 },
      ],
    });
    const second = await stepper(journey().map((s) => ({ ...s, status: 'upcoming' as const })));
    expect(second.restoreState(saved)).to.equal(true);
    await second.updateComplete;
    expect(second.saveState()).to.deep.equal(saved);
    expect(buttons(second)[1]!.getAttribute('aria-current')).to.equal('step');
    expect(progress(second).getAttribute('aria-valuenow')).to.equal('25');
  });

  /** Every attribute of every child, to show the stepper leaves the host's markup alone. */
  const attributesOf = (el: Element) => [...el.children].map((c) => c.getAttributeNames().map((n) => `${n}=${c.getAttribute(n)}`).join(' '));

  it('restores into declarative children without writing on them', async () => {
    const el = await fixture<CandorStepper>(`<candor-stepper>
      <candor-step step-id="a" title="A" minutes="1" status="current"></candor-step>
      <candor-step step-id="b" title="B" minutes="1"></candor-step>
    </candor-stepper>`);
    const before = attributesOf(el);
    const saved = { version: 1, current: 'b', steps: [{ id: 'a', status: 'complete', failures: 0 }, { id: 'b', status: 'current', failures: 3 }] };
    expect(el.restoreState(JSON.stringify(saved))).to.equal(true);
    await el.updateComplete;
    expect(el.saveState()).to.deep.equal(saved);
    expect(progress(el).getAttribute('aria-valuenow')).to.equal('50');
    expect($(el, '[part~="help-offer"]')).to.not.equal(null);
    expect(attributesOf(el)).to.deep.equal(before);
  });

  it('keeps skips and failures inside: the <candor-step> children and the steps array are left as the host wrote them', async () => {
    const el = await fixture<CandorStepper>(`<candor-stepper>
      <candor-step step-id="a" title="A" minutes="1" status="complete"></candor-step>
      <candor-step step-id="b" title="B" minutes="1" status="current" optional></candor-step>
      <candor-step step-id="c" title="C" minutes="1"></candor-step>
    </candor-stepper>`);
    const before = attributesOf(el);
    el.recordFailure('b');
    $(el, '[part~="skip"]')!.click();
    await el.updateComplete;
    expect(el.saveState()!.steps.map((s) => `${s.id}:${s.status}:${s.failures}`)).to.deep.equal(['a:complete:0', 'b:skipped:1', 'c:upcoming:0']);
    expect(attributesOf(el)).to.deep.equal(before);

    const steps = journey();
    const host = await stepper(steps);
    host.recordFailure();
    await host.updateComplete;
    expect(host.steps).to.equal(steps);
    expect(steps[2]!.failures).to.equal(undefined);
    expect(host.saveState()!.steps[2]!.failures).to.equal(1);
  });

  it('keeps what it recorded when the host re-sends or edits other fields, and yields to a newer value from the host', async () => {
    const el = await fixture<CandorStepper>(`<candor-stepper>
      <candor-step step-id="a" title="A" minutes="1" status="current" optional></candor-step>
      <candor-step step-id="b" title="B" minutes="1"></candor-step>
    </candor-stepper>`);
    $(el, '[part~="skip"]')!.click();
    el.recordFailure('b');
    await el.updateComplete;
    el.querySelector('[step-id="a"]')!.setAttribute('title', 'A, renamed');
    await waitUntil(() => $(el, '[part~="step-title"]')!.textContent === 'A, renamed', 'the host edit is read');
    expect(el.saveState()!.steps.map((s) => `${s.id}:${s.status}:${s.failures}`)).to.deep.equal(['a:skipped:0', 'b:upcoming:1']);
    // The host now says something new about the same fields: its word wins.
    el.querySelector('[step-id="a"]')!.setAttribute('status', 'complete');
    el.querySelector('[step-id="b"]')!.setAttribute('failures', '0');
    await waitUntil(() => el.saveState()!.steps[0]!.status === 'complete', 'the host status is read');
    expect(el.saveState()!.steps.map((s) => `${s.id}:${s.status}:${s.failures}`)).to.deep.equal(['a:complete:0', 'b:upcoming:0']);
  });

  const badStates: [string, unknown][] = [
    ['a newer version', { version: 2, steps: [{ id: 'identity', status: 'complete', failures: 0 }] }],
    ['an unknown step id', { version: 1, steps: [{ id: 'mortgage', status: 'complete', failures: 0 }] }],
    ['an unknown current step', { version: 1, current: 'mortgage', steps: [{ id: 'identity', status: 'complete', failures: 0 }] }],
    ['a bad status', { version: 1, steps: [{ id: 'identity', status: 'finished', failures: 0 }] }],
    ['broken JSON', '{"version":1,'],
    ['nothing', undefined],
  ];
  for (const [what, state] of badStates) {
    it(`rejects ${what}: candor-error, false, and nothing changes`, async () => {
      const el = await stepper();
      const before = el.saveState();
      const errors = record(el, 'candor-error');
      let result: boolean | undefined;
      expect(() => (result = el.restoreState(state))).to.not.throw();
      await el.updateComplete;
      expect(result).to.equal(false);
      expect(errors).to.have.length(1);
      expect((errors[0] as CandorErrorEvent).detail.property).to.equal('restoreState');
      expect(el.saveState()).to.deep.equal(before);
      expect(buttons(el)).to.have.length(5);
    });
  }
});

describe('<candor-stepper> console warnings', () => {

  it('say what the stepper does instead: a fallback for bad steps, nothing restored, defaults for bad settings', async () => {
    const el = await stepper();
    const warnings = await warningsDuring(async () => {
      el.restoreState('{"version":1,');
      el.assistAfterFailures = -1;
      el.orientation = 'diagonal' as StepperOrientation;
      el.assistChannels = ['fax' as AssistChannel];
      await el.updateComplete;
      el.steps = 'nope' as unknown as OnboardingStep[];
      await el.updateComplete;
    });
    expect(warnings).to.have.length(5);
    expect(warnings[0]).to.match(/^<candor-stepper> restoreState: .*\. Nothing was restored\.$/);
    expect(warnings.slice(1, 4).sort()).to.deep.equal([
      '<candor-stepper> assistAfterFailures: (root) must be at least 0. The default, 2, is used.',
      '<candor-stepper> assistChannels: 0 expected one of "call", "chat", "appointment". Only the known channels are offered.',
      '<candor-stepper> orientation: (root) expected one of "horizontal", "vertical", "auto". auto is used.',
    ]);
    expect(warnings[4]).to.match(/^<candor-stepper> steps: .*\. The component shows a fallback until it gets valid input\.$/);
  });
});

describe('<candor-stepper> accessibility (axe)', () => {
  it('has no violations in English', async () => {
    const el = await stepper();
    await expect(el).to.be.accessible();
  });

  it('has no violations in Arabic with help offered', async () => {
    const steps = journey();
    steps[2] = { ...steps[2]!, failures: 5 };
    const el = await stepper(steps, 'lang="ar"');
    await expect(el).to.be.accessible();
  });

  it('has no violations in dark mode, horizontal, every status', async () => {
    const statuses = ['complete', 'skipped', 'waiting', 'error', 'needs-help', 'current', 'upcoming'] as const;
    const el = await stepper(
      statuses.map((status, i) => ({ id: `s${i}`, title: `Step ${i}`, estimatedMinutes: 1, status, purpose: 'Because' })),
      'theme="dark" orientation="horizontal" style="inline-size: 1100px"',
    );
    el.current = 's4';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('has no violations when showing the fallback', async () => {
    const el = await stepper();
    el.steps = 'x' as unknown as OnboardingStep[];
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
