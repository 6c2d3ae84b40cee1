/** SMS segment counting as carriers do it: GSM-7 (with its extension table) when every character allows, UCS-2 otherwise. */

/** The GSM 03.38 basic character set (the escape to the extension table left out): one septet each. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The GSM 03.38 extension table: an escape septet plus one, so two septets each. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

/**
 * Units in one message, and per part once a message is split (the rest of each part holds the concatenation header).
 *
 * @example
 * SMS_LIMITS['ucs-2'].perPart; // 67
 */
export const SMS_LIMITS = {
  'gsm-7': { single: 160, perPart: 153 },
  'ucs-2': { single: 70, perPart: 67 },
} as const;

/** The encoding a carrier uses for a text: GSM-7 when every character is in its alphabet, else UCS-2. */
export type SmsEncoding = keyof typeof SMS_LIMITS;

/** What sending a text costs: its encoding, its length in units (septets for GSM-7, UTF-16 code units for UCS-2) and the segments billed. */
export interface SmsSegments {
  readonly encoding: SmsEncoding;
  readonly units: number;
  readonly segments: number;
}

/** The units of each character (by code point), for the encoding the whole text needs. */
function unitsOf(text: string): { encoding: SmsEncoding; units: number[] } {
  const chars = Array.from(text);
  if (chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c))) {
    return { encoding: 'gsm-7', units: chars.map((c) => (GSM_EXTENSION.has(c) ? 2 : 1)) };
  }
  // UCS-2 as phones send it: UTF-16 code units, so a character outside the BMP (most emoji) is two.
  return { encoding: 'ucs-2', units: chars.map((c) => c.length) };
}

/**
 * How many SMS segments `text` is billed as. GSM-7 fits 160 septets in one message and 153 per
 * part (`€ [ ] { } ^ ~ | \` and form feed take two); any other character makes the whole text
 * UCS-2: 70 UTF-16 code units, 67 per part. A part never ends between an escape and its
 * character, nor between the two halves of a surrogate pair, so such a part holds one unit less.
 * An empty text is 0 segments: there is nothing to send.
 *
 * @example
 * smsSegments('Card payments are failing.'); // { encoding: 'gsm-7', units: 26, segments: 1 }
 * smsSegments('تتعذر عمليات الدفع');         // { encoding: 'ucs-2', units: 18, segments: 1 }
 */
export function smsSegments(text: string): SmsSegments {
  if (typeof text !== 'string') throw new TypeError('smsSegments: text must be a string.');
  const { encoding, units } = unitsOf(text);
  const total = units.reduce((a, b) => a + b, 0);
  const limits = SMS_LIMITS[encoding];
  if (total <= limits.single) return { encoding, units: total, segments: total === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const u of units) {
    if (used + u > limits.perPart) {
      segments++;
      used = 0;
    }
    used += u;
  }
  return { encoding, units: total, segments };
}
