// The pure parts of <candor-stepper> and the shared controllers that need no DOM, in Node:
// derived state (stepper.logic.ts), saving, restoring and the progress overlay
// (stepper-state.ts), the roving-tabindex key map and the ClockController's timers.
// Imported from source (tsx compiles it); they import @candor/core by name (its built dist).
import { expect } from 'chai';
import type { OnboardingStep } from '@candor/core/models';
import { currentIndex, deadline, journey, layoutFor, MIN_STEP_WIDTH, offer, reachable } from '../../packages/elements/src/stepper/stepper.logic.js';
import {
  applyProgress,
  applyState,
  recordProgress,
  saveState,
  StepperStateSchema,
  type ProgressOverlay,
} from '../../packages/elements/src/stepper/stepper-state.js';
import { rovingTarget } from '../../packages/elements/src/shared/roving-tabindex-controller.js';
import { ClockController, MAX_TIMEOUT } from '../../packages/elements/src/shared/clock-controller.js';
import { onboardingJourney } from '../../examples/fixtures/onboarding-journey.js';

const steps = (): OnboardingStep[] => structuredClone([...onboardingJourney]);
const settings = { channels: ['chat'] as const, threshold: 2, now: Date.parse('2026-11-23T10:00:00Z') };

describe('stepper logic: the step shown', () => {
  it('is `current` when it names a step, else the first being worked on, else the first not started, else the last', () => {
    const s = steps();
    expect(currentIndex(s, 'phone')).to.equal(1);
    expect(currentIndex(s, 'no-such-step')).to.equal(2); // identity is current
    const notStarted = s.map((x) => (x.id === 'identity' ? { ...x, status: 'upcoming' as const } : x));
    expect(currentIndex(notStarted, undefined)).to.equal(2);
    const finished = s.map((x) => ({ ...x, status: 'complete' as const }));
    expect(currentIndex(finished, undefined)).to.equal(4);
    const errored = s.map((x) => (x.id === 'address' ? { ...x, status: 'error' as const } : { ...x, status: 'complete' as const }));
    expect(currentIndex(errored, undefined)).to.equal(3);
  });

  it('lets the customer open started steps only', () => {
    expect(steps().map(reachable)).to.deep.equal([true, true, true, false, false]);
  });
});

describe('stepper logic: help offered unasked', () => {
  const identity = (extra: Partial<OnboardingStep>): OnboardingStep => ({ ...onboardingJourney[2]!, ...extra });

  it('offers after the threshold of failures, never with the threshold 0 or without channels', () => {
    expect(offer(identity({ failures: 1 }), settings)).to.equal(undefined);
    expect(offer(identity({ failures: 2 }), settings)).to.equal('failures');
    expect(offer(identity({ failures: 9 }), { ...settings, threshold: 0 })).to.equal(undefined);
    expect(offer(identity({ failures: 9 }), { ...settings, channels: [] })).to.equal(undefined);
  });

  it('offers when a started step runs past its estimate, from the deadline on', () => {
    const started = identity({ startedAt: '2026-11-23T10:00:00Z' }); // 4 minutes
    const due = Date.parse('2026-11-23T10:04:00Z');
    expect(deadline(started)).to.equal(due);
    expect(offer(started, { ...settings, now: due - 1 })).to.equal(undefined);
    expect(offer(started, { ...settings, now: due })).to.equal('overtime');
    expect(deadline(identity({}))).to.equal(undefined); // not started: no deadline
    expect(deadline(identity({ startedAt: '2026-11-23T10:00:00Z', status: 'complete' }))).to.equal(undefined);
    expect(deadline(identity({ startedAt: '2026-11-23T10:00:00Z', estimatedMinutes: 0 }))).to.equal(undefined);
  });

  it('offers on a needs-help step, and never on a step not being worked on', () => {
    expect(offer(identity({ status: 'needs-help' }), settings)).to.equal('needs-help');
    expect(offer(identity({ status: 'waiting', failures: 5 }), settings)).to.equal(undefined);
    expect(offer(identity({ status: 'complete', failures: 5 }), settings)).to.equal(undefined);
  });
});

describe('stepper logic: the journey, computed once', () => {
  it('gives the step shown, its offer and deadline, and progress weighted by effort', () => {
    const j = journey(steps(), { ...settings, current: undefined });
    expect(j.index).to.equal(2);
    expect(j.step.id).to.equal('identity');
    expect(j.offer).to.equal(undefined);
    expect(j.deadline).to.equal(undefined);
    expect(j.fraction).to.equal(0.25); // 3 of 12 minutes
    expect(j.minutesLeft).to.equal(9);
    expect(j.allDone).to.equal(false);
  });

  it('lays out side by side in auto only when every step gets its minimum width', () => {
    expect(layoutFor('auto', 5 * MIN_STEP_WIDTH, 5)).to.equal('horizontal');
    expect(layoutFor('auto', 5 * MIN_STEP_WIDTH - 1, 5)).to.equal('vertical');
    expect(layoutFor('auto', 1000, 0)).to.equal('vertical');
    expect(layoutFor('horizontal', 10, 5)).to.equal('horizontal');
    expect(layoutFor('vertical', 10_000, 5)).to.equal('vertical');
  });
});

describe('stepper state: save, restore and the progress overlay', () => {
  it('saves JSON-safe, versioned progress that its own schema accepts', () => {
    const s = steps();
    s[2] = { ...s[2]!, failures: 1, startedAt: '2026-11-23T10:00:00.000Z' };
    const saved = saveState(s, 'phone');
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
    expect(StepperStateSchema.safeParse(JSON.parse(JSON.stringify(saved))).success).to.equal(true);
  });

  it('refuses a saved state that names steps this journey does not have, naming each', () => {
    const { issues } = applyState(steps(), {
      version: 1,
      current: 'mortgage',
      steps: [{ id: 'identity', status: 'complete', failures: 0 }, { id: 'loan', status: 'complete', failures: 0 }],
    });
    expect(issues.map((i) => i.path)).to.deep.equal(['steps.1.id', 'current']);
    expect(issues[0]!.message).to.contain('"loan" is not a step of this journey');
  });

  it('round-trips: a saved state applied over the same steps gives the same state back', () => {
    const s = steps();
    const saved = saveState(
      s.map((x) => (x.id === 'identity' ? { ...x, status: 'complete' as const, failures: 2 } : x)),
      'identity',
    );
    const { issues, progress } = applyState(s, saved);
    expect(issues).to.deep.equal([]);
    let overlay: ProgressOverlay = new Map();
    for (const step of s) overlay = recordProgress(overlay, step, progress.get(step.id)!);
    expect(saveState(applyProgress(s, overlay).steps, 'identity')).to.deep.equal(saved);
  });

  it('applies recorded progress without changing the host steps', () => {
    const s = steps();
    const frozen = JSON.stringify(s);
    const overlay = recordProgress(new Map(), s[4]!, { status: 'skipped', failures: 1 });
    const { steps: shown } = applyProgress(s, overlay);
    expect(shown[4]).to.include({ status: 'skipped', failures: 1 });
    expect(JSON.stringify(s)).to.equal(frozen);
  });

  it("keeps recorded progress while the host's fields are unchanged, and yields a field once the host changes it", () => {
    const s = steps();
    let overlay = recordProgress(new Map(), s[2]!, { failures: 2, status: 'error' });
    // The host re-sends the journey with a new title: the recorded fields still apply.
    let r = applyProgress(s.map((x) => (x.id === 'identity' ? { ...x, title: 'Verify who you are' } : x)), overlay);
    expect(r.steps[2]).to.include({ failures: 2, status: 'error', title: 'Verify who you are' });
    // The host now says the step is complete: its status wins, the recorded failures stay.
    r = applyProgress(s.map((x) => (x.id === 'identity' ? { ...x, status: 'complete' as const } : x)), r.overlay);
    expect(r.steps[2]).to.include({ failures: 2, status: 'complete' });
    overlay = r.overlay;
    expect(overlay.get('identity')!.set).to.deep.equal({ failures: 2 });
  });

  it('clears a field when the recorded value is "none" (a restored state without a start time)', () => {
    const s = steps();
    s[2] = { ...s[2]!, startedAt: '2026-11-23T10:00:00.000Z' };
    const { steps: shown } = applyProgress(s, recordProgress(new Map(), s[2]!, { startedAt: undefined }));
    expect(shown[2]).to.not.have.property('startedAt');
  });
});

describe('RovingTabindexController: which item a key moves to', () => {
  it('goes forward with ArrowRight/ArrowDown and back with ArrowLeft/ArrowUp, left to right', () => {
    expect([rovingTarget('ArrowRight', 2, 5, 'ltr'), rovingTarget('ArrowDown', 2, 5, 'ltr')]).to.deep.equal([3, 3]);
    expect([rovingTarget('ArrowLeft', 2, 5, 'ltr'), rovingTarget('ArrowUp', 2, 5, 'ltr')]).to.deep.equal([1, 1]);
  });

  it('swaps ArrowLeft and ArrowRight right to left; Up/Down keep their meaning', () => {
    expect([rovingTarget('ArrowLeft', 2, 5, 'rtl'), rovingTarget('ArrowRight', 2, 5, 'rtl')]).to.deep.equal([3, 1]);
    expect([rovingTarget('ArrowDown', 2, 5, 'rtl'), rovingTarget('ArrowUp', 2, 5, 'rtl')]).to.deep.equal([3, 1]);
  });

  it('goes to the ends with Home/End, never past them, and ignores other keys', () => {
    expect([rovingTarget('Home', 3, 5, 'ltr'), rovingTarget('End', 1, 5, 'ltr')]).to.deep.equal([0, 4]);
    expect([rovingTarget('ArrowRight', 4, 5, 'ltr'), rovingTarget('ArrowLeft', 0, 5, 'ltr')]).to.deep.equal([4, 0]);
    expect([rovingTarget('Enter', 2, 5, 'ltr'), rovingTarget('a', 2, 5, 'ltr'), rovingTarget('toString', 2, 5, 'ltr')]).to.deep.equal([undefined, undefined, undefined]);
  });
});

describe('ClockController', () => {
  /** A host that counts its update requests, and a clock the test moves. */
  function setup(options?: { tick?: number }) {
    let time = Date.parse('2026-11-23T10:00:00Z');
    const host = {
      updates: 0,
      isConnected: false,
      controllers: [] as { hostConnected?(): void; hostDisconnected?(): void }[],
      addController(c: { hostConnected?(): void; hostDisconnected?(): void }) {
        this.controllers.push(c);
      },
      removeController() {},
      requestUpdate() {
        this.updates++;
      },
      updateComplete: Promise.resolve(true),
    };
    let clock: unknown = () => new Date(time);
    const controller = new ClockController(host, () => clock, options);
    return {
      host,
      controller,
      advance: (ms: number) => (time += ms),
      get time() {
        return time;
      },
      setClock: (c: unknown) => (clock = c),
      // Like a custom element: connected before the callbacks run, disconnected before they run.
      connect: () => {
        host.isConnected = true;
        host.controllers.forEach((c) => c.hostConnected?.());
      },
      disconnect: () => {
        host.isConnected = false;
        host.controllers.forEach((c) => c.hostDisconnected?.());
      },
    };
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("reads the host's clock, and the real time when that clock is broken", () => {
    const t = setup();
    expect(t.controller.now().getTime()).to.equal(t.time);
    for (const broken of [() => Date.now(), () => new Date(Number.NaN), 'x', () => { throw new Error('no'); }]) {
      t.setClock(broken);
      expect(Math.abs(t.controller.now().getTime() - Date.now())).to.be.below(1000);
    }
  });

  it('updates the host once when the deadline arrives, only while connected', async () => {
    const t = setup();
    t.controller.updateAt(t.time + 20);
    await sleep(40);
    expect(t.host.updates, 'not connected yet').to.equal(0);
    t.connect();
    await sleep(40);
    expect(t.host.updates).to.equal(1);
    t.controller.updateAt(t.time - 1); // already due: no timer
    t.controller.updateAt(undefined);
    await sleep(30);
    expect(t.host.updates).to.equal(1);
  });

  it('clears its timer on disconnect and re-arms it on reconnect', async () => {
    const t = setup();
    t.connect();
    t.controller.updateAt(t.time + 30);
    t.disconnect();
    await sleep(50);
    expect(t.host.updates).to.equal(0);
    t.advance(10); // the host's clock says 20 ms are left
    t.connect();
    await sleep(50);
    expect(t.host.updates).to.equal(1);
  });

  it("re-arms instead of updating early past setTimeout's limit", () => {
    const t = setup();
    const delays: number[] = [];
    const callbacks: (() => void)[] = [];
    const realSetTimeout = globalThis.setTimeout;
    globalThis.setTimeout = ((fn: () => void, ms: number) => {
      delays.push(ms);
      callbacks.push(fn);
      return 0 as unknown as ReturnType<typeof setTimeout>;
    }) as typeof setTimeout;
    try {
      t.connect();
      t.controller.updateAt(t.time + 3 * MAX_TIMEOUT); // about 74 days ahead
      expect(delays).to.deep.equal([MAX_TIMEOUT]);
      t.advance(MAX_TIMEOUT);
      callbacks[0]!();
      expect(t.host.updates, 'still 2 limits away: no update yet').to.equal(0);
      expect(delays).to.deep.equal([MAX_TIMEOUT, MAX_TIMEOUT]);
      t.advance(2 * MAX_TIMEOUT - 5);
      callbacks[1]!();
      expect(delays[2]).to.equal(6); // 5 ms left, fired 1 ms after
      callbacks[2]!();
      expect(t.host.updates).to.equal(1);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
  });

  it('ticks every N ms while connected, and stops when disconnected', async () => {
    const t = setup({ tick: 10 });
    t.connect();
    await sleep(55);
    t.disconnect();
    const ticks = t.host.updates;
    expect(ticks).to.be.within(3, 6);
    await sleep(30);
    expect(t.host.updates).to.equal(ticks);
  });

  it('never ticks for a tick that is not a usable delay', async () => {
    for (const tick of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const t = setup({ tick });
      t.connect();
      await sleep(15);
      t.disconnect();
      expect(t.host.updates, String(tick)).to.equal(0);
    }
  });
});
