/** The shape shared by every wrapper: @lit/react's component with some props typed more precisely. */
import type { ReactWebComponent } from '@lit/react';
import type { ComponentPropsWithoutRef, ForwardRefExoticComponent, RefAttributes } from 'react';

/**
 * A React component for the element `I` with event props `E`, whose props in `Typed` replace
 * the element's own (which accept `unknown` because the element validates whatever it is given).
 */
export type CandorComponent<I extends HTMLElement, E extends Record<string, string>, Typed = {}> = ForwardRefExoticComponent<
  Omit<ComponentPropsWithoutRef<ReactWebComponent<I, E>>, keyof Typed> & Typed & RefAttributes<I>
>;
