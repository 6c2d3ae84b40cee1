/**
 * The child elements (`<candor-step>`, `<candor-faq-entry>`) have no properties, only
 * attributes that their parent reads. React 19 sets those attributes before it inserts the
 * element, so the parent reads a complete child the first time; a wrapper that sets them after
 * insertion (as @lit/react does for properties) would let the parent see an empty child first.
 */
import { createElement, forwardRef, type ForwardRefExoticComponent, type HTMLAttributes, type RefAttributes } from 'react';

/** A React component for a child element: its own attributes, any HTML attribute, children and a ref. */
export type MarkupChildComponent<I extends HTMLElement, Attributes> = ForwardRefExoticComponent<
  Omit<HTMLAttributes<I>, keyof Attributes> & Attributes & RefAttributes<I>
>;

export function markupChild<I extends HTMLElement, Attributes>(tagName: string, displayName: string): MarkupChildComponent<I, Attributes> {
  const component = forwardRef<I, Omit<HTMLAttributes<I>, keyof Attributes> & Attributes>((props, ref) => {
    const { className, ...rest } = props as HTMLAttributes<I>;
    // A custom element's class is set by `class`; React passes other props through as attributes.
    return createElement(tagName, { ...rest, ...(className === undefined ? {} : { class: className }), ref });
  });
  component.displayName = displayName;
  return component as unknown as MarkupChildComponent<I, Attributes>;
}
