/**
 * The verification claims: defined once here (zod/mini) and published as JSON Schema
 * (schema/verification-claims.schema.json) for partners verifying in other languages.
 */
import * as z from 'zod/mini';
import { StatusClaimSchema } from '../status-list/claim.js';

export { TOKEN_TYPE } from './token-type.js';

/**
 * eIDAS-style assurance levels, lowest first (the order `minimumLevel` compares by).
 *
 * @example
 * ```ts
 * ASSURANCE_LEVELS.indexOf('high') > ASSURANCE_LEVELS.indexOf('low'); // true
 * ```
 */
export const ASSURANCE_LEVELS = ['low', 'substantial', 'high'] as const;
export type AssuranceLevel = (typeof ASSURANCE_LEVELS)[number];

/**
 * How the identity was verified.
 *
 * @example
 * ```ts
 * const methods: VerificationMethod[] = ['document', 'liveness'];
 * ```
 */
export const VERIFICATION_METHODS = ['document', 'liveness', 'database_check', 'assisted', 'in_person', 'site_visit'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/**
 * The customer's risk tier; it decides how long a verification stays fresh.
 *
 * @example
 * ```ts
 * for (const tier of RISK_TIERS) console.log(tier, DEFAULT_REVERIFICATION_POLICY[tier]);
 * ```
 */
export const RISK_TIERS = ['low', 'medium', 'high'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

/** At most this many verified attributes per token. @example `Object.keys(attributes).length <= MAX_ATTRIBUTES` */
export const MAX_ATTRIBUTES = 32;
/** Longest string attribute value, in characters. @example `value.length <= MAX_ATTRIBUTE_STRING_LENGTH` */
export const MAX_ATTRIBUTE_STRING_LENGTH = 256;

/**
 * Attribute names that would carry raw personal data (refused by the claims schema).
 *
 * @example
 * ```ts
 * FORBIDDEN_ATTRIBUTE_NAMES.includes('date_of_birth'); // true: send { age_over_18: true } instead
 * ```
 * Tokens carry derived facts
 * (`age_over_18: true`, `resident_country: "AE"`) and never the data itself (data minimisation,
 * GDPR Art. 5(1)(c)). The list catches the obvious mistakes; it is not a privacy review.
 */
export const FORBIDDEN_ATTRIBUTE_NAMES = [
  'birthdate',
  'birth_date',
  'date_of_birth',
  'dob',
  'document_number',
  'passport_number',
  'id_number',
  'national_id',
  'national_id_number',
  'ssn',
  'tax_id',
  'name',
  'full_name',
  'given_name',
  'family_name',
  'first_name',
  'last_name',
  'email',
  'phone',
  'phone_number',
  'address',
  'street_address',
  'iban',
  'account_number',
  'card_number',
  'photo',
  'selfie',
  'biometric',
] as const;

/**
 * Names that mean something to JavaScript objects (`__proto__` sets the prototype,
 * `constructor` is inherited by every object), refused so that `attributes[name]` only ever
 * finds what the issuer put there. `__proto__` also fails the character rule; it is listed to
 * say why.
 *
 * @example
 * ```ts
 * RESERVED_ATTRIBUTE_NAMES.includes('constructor'); // true
 * ```
 */
export const RESERVED_ATTRIBUTE_NAMES = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * Attribute names: lowercase snake_case, 1–64 characters, not one of {@link FORBIDDEN_ATTRIBUTE_NAMES}
 * or {@link RESERVED_ATTRIBUTE_NAMES}. Written as one regular expression so the JSON Schema
 * (`propertyNames.pattern`) enforces the same rule in any language.
 *
 * @example
 * ```ts
 * ATTRIBUTE_NAME_PATTERN.test('age_over_18'); // true
 * ATTRIBUTE_NAME_PATTERN.test('birthdate');   // false
 * ```
 */
export const ATTRIBUTE_NAME_PATTERN = new RegExp(
  `^(?!(?:${[...FORBIDDEN_ATTRIBUTE_NAMES, ...RESERVED_ATTRIBUTE_NAMES].join('|')})$)[a-z][a-z0-9_]{0,63}$`,
);

/** What {@link ATTRIBUTE_NAME_PATTERN} asks for, in words, for messages. */
const ATTRIBUTE_NAME_RULE =
  'is not an allowed attribute name: use lowercase snake_case (a-z, 0-9, _; starting with a letter; at most 64 characters) naming a derived fact such as age_over_18, never raw personal data (birthdate, name, ...) or a reserved word (__proto__, constructor, prototype)';

const NUMERIC_DATE_MAX = 253402300799; // 9999-12-31T23:59:59Z
const numericDate = () => z.int().check(z.gte(0), z.lte(NUMERIC_DATE_MAX));
const boundedText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/**
 * The verification block: what was checked, how well, when, and for which risk tier.
 *
 * @example
 * ```ts
 * VerificationBlockSchema.parse({ level: 'high', methods: ['in_person'], verifiedAt: 1767225600, riskTier: 'medium' });
 * ```
 */
export const VerificationBlockSchema = z.strictObject({
  /** Assurance level reached. */
  level: z.enum(ASSURANCE_LEVELS),
  /** Methods used, each at most once. */
  methods: z.array(z.enum(VERIFICATION_METHODS)).check(
    z.minLength(1),
    z.maxLength(VERIFICATION_METHODS.length),
    z.refine((ms) => new Set(ms).size === ms.length, { message: 'must not repeat a method' }),
  ),
  /** When the identity was verified (NumericDate, seconds since the epoch). */
  verifiedAt: numericDate(),
  /** Customer risk tier, which sets how soon re-verification is due. */
  riskTier: z.enum(RISK_TIERS),
});
export type VerificationBlock = z.infer<typeof VerificationBlockSchema>;

/**
 * One verified attribute value: a short string, a finite number or a boolean.
 *
 * @example
 * ```ts
 * AttributeValueSchema.safeParse({ nested: 1 }).success; // false
 * ```
 */
export const AttributeValueSchema = z.union([z.string().check(z.maxLength(MAX_ATTRIBUTE_STRING_LENGTH)), z.number(), z.boolean()]);

/**
 * Verified attributes: only those the issuer was given, at most {@link MAX_ATTRIBUTES}.
 *
 * @example
 * ```ts
 * AttributesSchema.safeParse({ age_over_18: true, resident_country: 'AE' }).success; // true
 * ```
 */
export const AttributesSchema = z.pipe(
  // zod's record skips an own `__proto__` key (JSON.parse makes one) without checking it, so the
  // token would pass with the attribute silently gone; check the raw keys for it first.
  z.unknown().check(
    z.superRefine((value, ctx) => {
      if (value !== null && typeof value === 'object' && Object.hasOwn(value, '__proto__')) {
        ctx.addIssue({ code: 'custom', message: ATTRIBUTE_NAME_RULE, path: ['__proto__'], input: value });
      }
    }),
  ),
  z
    .record(z.string().check(z.regex(ATTRIBUTE_NAME_PATTERN, { message: ATTRIBUTE_NAME_RULE })), AttributeValueSchema)
    .check(z.refine((o) => Object.keys(o).length <= MAX_ATTRIBUTES, { message: `must have at most ${MAX_ATTRIBUTES} attributes` })),
);

/**
 * The claims of a Candor verification token. Unknown claims are refused, so nothing rides
 * along outside `attributes` (data minimisation).
 *
 * @example
 * ```ts
 * const r = VerificationClaimsSchema.safeParse(claims);
 * if (!r.success) console.log(toValidationIssues(r.error.issues));
 * ```
 */
export const VerificationClaimsSchema = z.strictObject({
  /** Issuer URL. */
  iss: boundedText(2048),
  /** Issuer-scoped subject; pairwise (different per audience) when the issuer is configured for it. */
  sub: boundedText(256),
  /** The one partner this token is for. */
  aud: boundedText(2048),
  /** Issued at (NumericDate). */
  iat: numericDate(),
  /** Expires at (NumericDate). */
  exp: numericDate(),
  /** Not before (NumericDate); Candor issuers do not set it, other issuers may. */
  nbf: z.optional(numericDate()),
  /** Unique, unguessable token id (at least 128 random bits, base64url). */
  jti: z.string().check(z.regex(/^[A-Za-z0-9_-]{22,128}$/)),
  verification: VerificationBlockSchema,
  attributes: z.optional(AttributesSchema),
  /** Where the token's status (valid, revoked, suspended) is published: Token Status List. */
  status: z.optional(StatusClaimSchema),
});
/** The claims of a verified token. @example `const { sub, verification, attributes }: VerificationClaims = result.claims` */
export type VerificationClaims = z.infer<typeof VerificationClaimsSchema>;

/**
 * Claims a token must carry; their absence is `missing_claim` rather than `invalid_claims`.
 *
 * @example
 * ```ts
 * const missing = REQUIRED_CLAIMS.filter((c) => !(c in payload));
 * ```
 */
export const REQUIRED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'iat', 'jti', 'verification'] as const;
