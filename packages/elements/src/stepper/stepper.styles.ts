/**
 * Styles of `<candor-stepper>`: logical properties only, so right-to-left layouts mirror. Text
 * from the host sits in `<bdi>` elements (see stepper.templates.ts) and keeps its own direction.
 * The progress fill's width comes from `--_progress`, set through CSSOM by the template. (Notes
 * live here, not in the CSS: comments inside the css`` block are shipped.)
 */
import { css } from 'lit';

export const stepperStyles = css`
  .candor {
    padding: calc(var(--_space) * 2);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  p {
    margin: 0;
  }
  .sizer {
    block-size: 0;
  }
  [part~='summary'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    margin-block-end: var(--_space);
  }
  [part~='position'] {
    font-weight: 600;
  }
  [part~='time-left'],
  [part~='step-status'],
  [part~='estimate'] {
    color: var(--_muted);
  }
  [part~='progress'] {
    block-size: 0.5rem;
    border-radius: 999px;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  [part~='progress-indicator'] {
    inline-size: var(--_progress, 0%);
    block-size: 100%;
    background: var(--_accent);
    transition: inline-size var(--_duration) ease-out;
  }
  [part~='list'] {
    list-style: none;
    margin: calc(var(--_space) * 2) 0 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .horizontal [part~='list'] {
    flex-direction: row;
  }
  [part~='step'] {
    min-inline-size: 0;
  }
  .horizontal [part~='step'] {
    flex: 1 1 0;
  }
  [part~='step-button'] {
    display: flex;
    align-items: center;
    gap: var(--_space);
    inline-size: 100%;
    min-block-size: 44px;
    padding: var(--_space);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .horizontal [part~='step-button'] {
    flex-direction: column;
    text-align: center;
  }
  [part~='step-button'][aria-disabled='true'] {
    cursor: default;
  }
  [part~='step-button'][aria-current='step'] {
    border-color: var(--_accent);
    background: var(--_surface-alt);
  }
  .text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  [part~='step-title'] {
    font-weight: 600;
  }
  [part~='step-status'] {
    font-size: 0.875em;
  }
  .optional::before {
    content: ' · ';
  }
  [part~='marker'] {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    border-radius: 50%;
    border: 2px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    font-weight: 700;
    line-height: 1;
  }
  [data-status='current'] [part~='marker'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  [data-status='complete'] [part~='marker'] {
    background: var(--_success);
    border-color: var(--_success);
    color: var(--_surface);
  }
  [data-status='error'] [part~='marker'] {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
  [data-status='waiting'] [part~='marker'],
  [data-status='needs-help'] [part~='marker'] {
    background: var(--_warning);
    border-color: var(--_warning);
    color: var(--_surface);
  }
  [data-status='skipped'] [part~='marker'] {
    border-style: dashed;
  }
  [part~='details'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    margin-block-start: calc(var(--_space) * 2);
    padding-block-start: calc(var(--_space) * 2);
    border-block-start: 1px solid var(--_border);
  }
  [part~='details-title'],
  .label {
    font-weight: 600;
  }
  [part~='requirements'] ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  [part~='help'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
  }
  [part~='help-channels'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  [part~='help-channels'][hidden] {
    display: none;
  }
  [part~='skip'],
  [part~='help-toggle'],
  [part~='help-channel'] {
    min-block-size: 44px;
    max-inline-size: 100%;
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: calc(var(--_space) * 2);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  [part~='skip'] {
    align-self: flex-start;
  }
  [part~='help-toggle'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  [part~='help-toggle']::after {
    content: '';
    display: inline-block;
    inline-size: 0.45em;
    block-size: 0.45em;
    margin-inline-start: 0.6em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: translateY(-0.2em) rotate(45deg);
    transition: transform var(--_duration);
  }
  [part~='help-toggle'][aria-expanded='true'] {
    background: var(--_surface);
    color: var(--_accent);
  }
  [part~='help-toggle'][aria-expanded='true']::after {
    transform: translateY(0.1em) rotate(-135deg);
  }
  [part~='help-offer'] {
    padding: var(--_space);
    border-inline-start: 4px solid var(--_warning);
    background: var(--_surface-alt);
  }
  @media (forced-colors: active) {
    [part~='step-button'][aria-current='step'] {
      border-color: Highlight;
    }
    [part~='progress-indicator'] {
      background: Highlight;
    }
  }

`;
