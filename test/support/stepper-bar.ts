// How full the first <candor-stepper>'s progress bar is drawn, read in the page: under a strict
// CSP a refused style would draw it full, so pages check the share against aria-valuenow.
import type { Page } from 'playwright-core';

/** `aria-valuenow` of the bar and the share of its track the fill covers (0 to 1). */
export function stepperBar(page: Page): Promise<{ now: string | null; share: number }> {
  return page.evaluate(() => {
    const root = document.querySelector('candor-stepper')!.shadowRoot!;
    const track = root.querySelector<HTMLElement>('[part~="progress"]')!;
    const fill = root.querySelector<HTMLElement>('[part~="progress-indicator"]')!;
    return { now: track.getAttribute('aria-valuenow'), share: fill.getBoundingClientRect().width / track.clientWidth };
  });
}
