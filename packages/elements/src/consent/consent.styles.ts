/**
 * Styles of `<candor-consent>`: private tokens from the theme and logical properties only, so RTL
 * and dark mode follow. (Notes live here, not in the CSS, which ships as written.)
 *
 * - The purpose title takes the room left beside the switch (`flex: 1 1 0`) and wraps inside it,
 *   so switch and title share the first row even at 375 px; only the badge may wrap beneath.
 * - Forced colours: the switch is drawn with backgrounds, which forced colours would flatten to
 *   Canvas, so it is drawn in system colours; the primary button opts out of forced colours, or
 *   they would put a Canvas backplate behind HighlightText (invisible text).
 * - The details chevron is drawn with two physical borders: it points to the text's end when
 *   closed (right in LTR, left in RTL, set by `--_chevron`) and down when open.
 * - Text from the notice may be in another language than the interface: the templates put it in
 *   `<bdi>` or a `dir="auto"` paragraph, which keeps its own direction while the element around
 *   it (label, bullet, heading row) follows the interface.
 */
import { css } from 'lit';

export const consentStyles = css`
  .consent {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .consent > * {
    margin: 0;
  }
  .title {
    font-size: 1.25em;
    font-weight: 700;
  }
  .controller {
    color: var(--_muted);
  }
  .summary {
    font-size: 1.05em;
  }
  .status {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_success);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .status.withdrawn {
    border-inline-start-color: var(--_muted);
  }
  .problem,
  .changes {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .changes > * {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .changes-title {
    font-weight: 600;
  }
  .changes ul,
  .choices-summary {
    margin: 0;
    padding-inline-start: calc(var(--_space) * 3);
  }
  fieldset.purposes {
    border: 0;
    padding: 0;
    margin: 0;
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: var(--_space);
  }
  ul.purposes,
  fieldset.purposes > ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .purpose {
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .purpose > p {
    margin: calc(var(--_space) / 2) 0 0;
  }
  .head {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .purpose-title {
    flex: 1 1 0;
    font-weight: 600;
  }
  .badge {
    margin-inline-start: auto;
    padding: 0 var(--_space);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .badge.allowed {
    color: var(--_success);
  }
  .why,
  .required-why,
  .details {
    color: var(--_muted);
  }
  .reuse {
    font-weight: 600;
  }
  .toggle {
    appearance: none;
    flex: none;
    position: relative;
    inline-size: 2.75em;
    block-size: 1.5em;
    margin: 0;
    border: 2px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    cursor: pointer;
    transition: background-color var(--_duration), border-color var(--_duration);
  }
  .toggle::before {
    content: '';
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: 0.15em;
    inline-size: 1em;
    block-size: 1em;
    border-radius: 50%;
    background: var(--_border);
    transform: translateY(-50%);
    transition: inset-inline-start var(--_duration);
  }
  .toggle:checked {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .toggle:checked::before {
    inset-inline-start: calc(100% - 1.15em);
    background: var(--_on-accent);
  }
  .toggle:disabled {
    cursor: not-allowed;
    opacity: 0.75;
  }
  @media (forced-colors: active) {
    .toggle,
    .toggle::before {
      forced-color-adjust: none;
    }
    .toggle {
      border-color: CanvasText;
      background: Canvas;
    }
    .toggle:disabled {
      border-color: GrayText;
    }
    .toggle::before {
      background: CanvasText;
    }
    .toggle:checked {
      background: Highlight;
    }
    .toggle:checked::before {
      background: HighlightText;
    }
    button.primary {
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }
  }
  .details summary {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    cursor: pointer;
    color: var(--_accent);
    margin-block-start: var(--_space);
    inline-size: fit-content;
    list-style: none;
    --_chevron: -45deg;
  }
  .details summary::-webkit-details-marker {
    display: none;
  }
  .details summary::before {
    content: '';
    flex: none;
    inline-size: 0.45em;
    block-size: 0.45em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(var(--_chevron));
    transition: transform var(--_duration);
  }
  [dir='rtl'] .details summary {
    --_chevron: 135deg;
  }
  .details[open] > summary {
    --_chevron: 45deg;
  }
  .details dl {
    margin: var(--_space) 0 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .details dt {
    font-weight: 600;
    color: var(--_text);
  }
  .details dd {
    margin: 0;
    margin-inline-start: calc(var(--_space) * 2);
  }
  .details dd ul {
    margin: 0;
    padding-inline-start: calc(var(--_space) * 2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  button {
    font: inherit;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  a {
    color: var(--_accent);
  }
  .loading {
    color: var(--_muted);
  }
`;
