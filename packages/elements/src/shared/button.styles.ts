/**
 * The outlined button of the incident banner and the FAQ panel: accent text and border on a
 * transparent background, at least 2.75rem square so it is an easy target on touch screens.
 * Listed after the theme and before a component's own styles, which may refine it.
 */
import { css } from 'lit';

export const buttonStyles = css`
  button {
    font: inherit;
    color: var(--_accent);
    background: transparent;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 4) var(--_space);
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    cursor: pointer;
  }
`;
