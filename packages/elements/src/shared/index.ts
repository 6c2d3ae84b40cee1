/** The element foundation: what every Candor component is built on. */
export { CandorElement } from './candor-element.js';
export { CandorEvent } from './candor-event.js';
export { CandorErrorEvent, type CandorErrorDetail } from './candor-error-event.js';
export {
  LocalizeController,
  registerCatalogue,
  registerMessages,
  setLocaleLoader,
  relativeTime,
  timeOrDate,
  type Catalogue,
  type ComponentMessages,
  type LocaleLoader,
  type LocalizeOptions,
  type Message,
  type MessageParams,
  type MessagesOf,
  type PluralMessage,
} from './localize.js';
export { validate, reportInvalid, reportBadClock, type Parser, type Validated } from './validate.js';
export { themeStyles } from './theme.styles.js';
export { resolveDirection, resolveLang, resolveTheme, directionOf, watchEnvironment } from './environment.js';
export { ClockController, MAX_TIMEOUT, type ClockOptions } from './clock-controller.js';
export { RovingTabindexController, rovingTarget, type RovingTabindexOptions } from './roving-tabindex-controller.js';
export { ResizeController } from './resize-controller.js';
export { ChildrenController } from './children-controller.js';
export { AnnouncerController, type Politeness } from './announcer-controller.js';
export { StoredMapController, type KeyValueStorage, type StoredMapOptions } from './stored-map-controller.js';
export { HeadingLevelSchema } from './heading-level.js';
export { LazyLoader, LazyModule } from './lazy-module.js';
export { buttonStyles } from './button.styles.js';
