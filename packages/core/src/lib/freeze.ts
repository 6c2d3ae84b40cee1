/** Freezes a plain-data value and everything in it, so shared word lists cannot be changed by one caller for all. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}
