/**
 * Event props: each `candor-*` event a component fires becomes an `on…` prop named after it
 * (`candor-step-change` → `onCandorStepChange`), typed with the event's own class, so a handler
 * receives a `StepChangeEvent` with its typed `detail`. The names come from the event classes
 * (`StepChangeEvent.type`), the one place each event name is written.
 */
import type { EventName } from '@lit/react';

/** `candor-step-change` → `CandorStepChange`. */
export type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalCase<Tail>}`
  : Capitalize<S>;

/** The React prop of an event: `candor-step-change` → `onCandorStepChange`. */
export type EventPropName<T extends string> = `on${PascalCase<T>}`;

/** An event class with its name as a static `type` (every Candor event class has one). */
export interface NamedEventClass {
  readonly type: string;
  readonly prototype: Event;
}

/** The `events` option of `createComponent` for these event classes: prop name → typed event name. */
export type EventProps<C extends readonly NamedEventClass[]> = {
  [K in C[number] as EventPropName<K['type']>]: EventName<K['prototype']>;
};

/** The React prop that listens to the event named `type`. */
export function eventPropName<T extends string>(type: T): EventPropName<T> {
  const pascal = type
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return `on${pascal}` as EventPropName<T>;
}

/** Maps each event class to its `on…` prop, for `createComponent`'s `events` option. */
export function eventProps<const C extends readonly NamedEventClass[]>(...classes: C): EventProps<C> {
  const props: Record<string, string> = {};
  for (const c of classes) props[eventPropName(c.type)] = c.type;
  return props as EventProps<C>;
}
