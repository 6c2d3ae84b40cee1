#!/usr/bin/env python3
"""A partner-side verifier for Candor tokens, in Python 3.9+ with the standard library only.

Usage:
  CANDOR_JWKS_URL=https://bank.example/.well-known/jwks.json \\
  CANDOR_ISSUER=https://bank.example CANDOR_AUDIENCE=https://partner.example \\
  python3 verify.py TOKEN        (or - to read the token from stdin)

CANDOR_JWKS_URL may also be the path of a JWKS file. CANDOR_MINIMUM_LEVEL is optional
(low, substantial or high; default substantial). CANDOR_CHECK_STATUS=1 also checks the token's
status list entry (revocation, draft-ietf-oauth-status-list), as `candor verify --check-status`
does; CANDOR_REQUIRE_STATUS=1 (with it) refuses a token that carries no status claim.
Prints one line of JSON. Exit code: 0 accepted, 1 refused (revoked and suspended included),
3 re-verification due, 2 usage error.

It makes the checks Candor's own verifier (and status checker) makes, in the same order, with
the same reason codes.
"""
import base64
import hashlib
import http.client
import ipaddress
import json
import math
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from datetime import datetime, timezone

TOKEN_TYPE = "candor-verification+jwt"
ALGORITHMS = ("ES256", "EdDSA")
MAX_TOKEN_BYTES = 8192             # checked before any parsing
MAX_JWKS_BYTES = 64 * 1024
MAX_LIFETIME_SECONDS = 24 * 3600   # exp - iat
CLOCK_TOLERANCE_SECONDS = 30       # Candor's default
LEVELS = ("low", "substantial", "high")  # lowest first
METHODS = ("document", "liveness", "database_check", "assisted", "in_person", "site_visit")
DAY = 24 * 3600
REVERIFY_AFTER = {"high": 90 * DAY, "medium": 180 * DAY, "low": 365 * DAY}  # Candor's defaults
FORBIDDEN_ATTRIBUTES = (
    "birthdate|birth_date|date_of_birth|dob|document_number|passport_number|id_number|national_id|"
    "national_id_number|ssn|tax_id|name|full_name|given_name|family_name|first_name|last_name|email|"
    "phone|phone_number|address|street_address|iban|account_number|card_number|photo|selfie|biometric|"
    "__proto__|constructor|prototype")
ATTRIBUTE_NAME = re.compile("(?!(?:%s)$)[a-z][a-z0-9_]{0,63}" % FORBIDDEN_ATTRIBUTES)
JTI = re.compile("[A-Za-z0-9_-]{22,128}")

# Status lists (draft-ietf-oauth-status-list), with the limits of Candor's createStatusChecker.
STATUS_LIST_TYPE = "statuslist+jwt"
STATUS_LIST_MEDIA_TYPE = "application/statuslist+jwt"
MAX_STATUS_LIST_BYTES = 1024 * 1024      # the response body, and so the list token
MAX_INFLATED_BYTES = 4 * 1024 * 1024     # 32 million 1-bit statuses; a bomb stops here
STATUS_TIMEOUT_SECONDS = 5               # the whole fetch, redirects included
MAX_STATUS_REDIRECTS = 5
REDIRECT_CODES = (301, 302, 303, 307, 308)  # RFC 9110 §15.4: repeat the request at Location
STATUS_BITS = (1, 2, 4, 8)

class Refused(Exception):
    def __init__(self, reason, message):
        super().__init__(message)
        self.reason, self.message = reason, message

def refuse_if(condition, reason, message):
    if condition:
        raise Refused(reason, message)


# --- base64url (RFC 4648 §5), strict: one token has exactly one spelling ------------------------

B64URL = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")}

def b64url_decode(segment):
    """Bytes of a canonical unpadded base64url segment, or None (bad character, length, stray bits).
    Written out because base64.urlsafe_b64decode is lenient (padding, stray bits), so several
    strings would carry one signature."""
    if not segment or len(segment) % 4 == 1 or any(c not in B64URL for c in segment):
        return None
    out, acc, bits = bytearray(), 0, 0
    for c in segment:
        acc, bits = (acc << 6) | B64URL[c], bits + 6
        if bits >= 8:
            bits -= 8
            out.append(acc >> bits)
            acc &= (1 << bits) - 1
    return None if acc else bytes(out)  # leftover bits of the last character must be zero

def b64url_encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


# --- JSON: an object, no member name twice, no NaN/Infinity -----------------------------------

def parse_json_object(data, what):
    def no_duplicates(pairs):
        obj = {}
        for name, value in pairs:
            refuse_if(name in obj, "malformed", "The %s has the member %s twice; refuse it." % (what, json.dumps(name)))
            obj[name] = value
        return obj

    def no_constant(name):
        raise ValueError(name + " is not JSON")

    try:  # utf-8-sig: like JavaScript's TextDecoder, a leading byte-order mark is ignored
        value = json.loads(data.decode("utf-8-sig"), object_pairs_hook=no_duplicates, parse_constant=no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        value = None
    refuse_if(not isinstance(value, dict), "malformed", "The %s is not a JSON object." % what)
    return value


# --- ES256: ECDSA over P-256 with SHA-256 (FIPS 186-5, RFC 7518 §3.4) -------------------------

P = 2**256 - 2**224 + 2**192 + 2**96 - 1
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
B = 0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B
G = (0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
     0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5, 1)
INFINITY = (1, 1, 0)  # Jacobian coordinates (X, Y, Z) stand for the point (X/Z^2, Y/Z^3)

def p256_on_curve(x, y):
    return 0 <= x < P and 0 <= y < P and (y * y - (x * x * x - 3 * x + B)) % P == 0

def jacobian_double(p1):
    x, y, z = p1
    if z == 0 or y == 0:
        return INFINITY
    delta, gamma = z * z % P, y * y % P
    beta, alpha = x * gamma % P, 3 * (x - delta) * (x + delta) % P  # a = -3
    x3 = (alpha * alpha - 8 * beta) % P
    z3 = ((y + z) ** 2 - gamma - delta) % P
    return x3, (alpha * (4 * beta - x3) - 8 * gamma * gamma) % P, z3

def jacobian_add(p1, p2):
    if p1[2] == 0:
        return p2
    if p2[2] == 0:
        return p1
    (x1, y1, z1), (x2, y2, z2) = p1, p2
    z1z1, z2z2 = z1 * z1 % P, z2 * z2 % P
    u1, u2 = x1 * z2z2 % P, x2 * z1z1 % P
    s1, s2 = y1 * z2 * z2z2 % P, y2 * z1 * z1z1 % P
    if u1 == u2:
        return jacobian_double(p1) if s1 == s2 else INFINITY
    h, r = (u2 - u1) % P, (s2 - s1) % P
    hh = h * h % P
    hhh, v = h * hh % P, u1 * hh % P
    x3 = (r * r - hhh - 2 * v) % P
    return x3, (r * (v - x3) - s1 * hhh) % P, h * z1 * z2 % P

def jacobian_multiply(k, point):
    result = INFINITY
    for bit in bin(k)[2:]:
        result = jacobian_double(result)
        if bit == "1":
            result = jacobian_add(result, point)
    return result

def verify_es256(public, message, signature):
    """public: the (x, y) of a point already checked to be on the curve."""
    if len(signature) != 64:  # RFC 7518 §3.4: R and S, 32 bytes each, big-endian
        return False
    r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
    if not (1 <= r < N and 1 <= s < N):
        return False
    e = int.from_bytes(hashlib.sha256(message).digest(), "big")
    w = pow(s, -1, N)
    point = jacobian_add(jacobian_multiply(e * w % N, G), jacobian_multiply(r * w % N, public + (1,)))
    if point[2] == 0:
        return False
    x = point[0] * pow(point[2] * point[2], -1, P) % P
    return x % N == r


# --- EdDSA: Ed25519 (RFC 8032 §5.1) ----------------------------------------------------------

Q = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, -1, Q) % Q
SQRT_M1 = pow(2, (Q - 1) // 4, Q)

def ed_decode(encoded):
    """RFC 8032 §5.1.3: a point in extended coordinates (X, Y, Z, T), or None for an invalid encoding."""
    if len(encoded) != 32:
        return None
    y = int.from_bytes(encoded, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    if y >= Q:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, -1, Q) % Q
    x = pow(x2, (Q + 3) // 8, Q)
    if (x * x - x2) % Q != 0:
        x = x * SQRT_M1 % Q
    if (x * x - x2) % Q != 0 or (x == 0 and sign == 1):
        return None
    if x & 1 != sign:
        x = Q - x
    return x, y, 1, x * y % Q

def ed_encode(point):
    x, y, z, _ = point
    zi = pow(z, -1, Q)
    x, y = x * zi % Q, y * zi % Q
    return (y | (x & 1) << 255).to_bytes(32, "little")

def ed_add(p1, p2):  # RFC 8032 §5.1.4; also right for doubling
    x1, y1, z1, t1 = p1
    x2, y2, z2, t2 = p2
    a, b = (y1 - x1) * (y2 - x2) % Q, (y1 + x1) * (y2 + x2) % Q
    c, d = 2 * t1 * t2 * D % Q, 2 * z1 * z2 % Q
    e, f, g, h = b - a, d - c, d + c, b + a
    return e * f % Q, g * h % Q, f * g % Q, e * h % Q

def ed_multiply(k, point):
    result = (0, 1, 1, 0)
    for bit in bin(k)[2:]:
        result = ed_add(result, result)
        if bit == "1":
            result = ed_add(result, point)
    return result

ED_BASE = ed_decode(bytes.fromhex("5866666666666666666666666666666666666666666666666666666666666666"))

def verify_ed25519(public, message, signature):
    """RFC 8032 §5.1.7, with public the 32-byte key already checked to decode to a point."""
    if len(signature) != 64 or ed_decode(signature[:32]) is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= L:  # a non-canonical S would give one message several valid signatures
        return False
    k = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % L
    x, y, z, t = ed_multiply(k, ed_decode(public))
    # [S]B - [k]A must encode to exactly R
    return ed_encode(ed_add(ed_multiply(s, ED_BASE), (-x % Q, y, z, -t % Q))) == signature[:32]


# --- The issuer's keys (JWKS, RFC 7517) ------------------------------------------------------

def is_loopback(host):
    host = (host or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False

def is_secure_url(url):
    """https, or plain http only on this machine (as Candor allows)."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        return parts.scheme == "https" and bool(host) or parts.scheme == "http" and is_loopback(host)
    except ValueError:
        return False

class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None  # a redirect is answered as an error, never followed

def read_jwks(source):
    try:
        if re.match("https?://", source, re.I):
            refuse_if(not is_secure_url(source), "jwks_unavailable", "The JWKS URL %s must be https." % source)
            request = urllib.request.Request(source, headers={"accept": "application/jwk-set+json, application/json"})
            with urllib.request.build_opener(NoRedirects).open(request, timeout=5) as response:
                data = response.read(MAX_JWKS_BYTES + 1)
        else:
            with open(source, "rb") as file:
                data = file.read(MAX_JWKS_BYTES + 1)
    except (OSError, ValueError, http.client.HTTPException) as e:  # urllib's errors (HTTP status, timeout, DNS) are OSErrors
        raise Refused("jwks_unavailable", "The JWKS at %s could not be read (%s)." % (source, e))
    refuse_if(len(data) > MAX_JWKS_BYTES, "jwks_unavailable", "The JWKS at %s is over 64 KiB; not read." % source)
    jwks = parse_json_object(data, "JWKS")
    refuse_if(not isinstance(jwks.get("keys"), list), "jwks_unavailable", "%s is not a JWKS (no keys array)." % source)
    return jwks["keys"]

def key_algorithm(jwk):
    """The algorithm a JWK can verify, or None: keys of other types, uses or algs are skipped (RFC 7517 §5)."""
    if not isinstance(jwk, dict):
        return None
    kty, crv = jwk.get("kty"), jwk.get("crv")
    alg = "ES256" if (kty, crv) == ("EC", "P-256") else "EdDSA" if (kty, crv) == ("OKP", "Ed25519") else None
    ops = jwk.get("key_ops", ["verify"])
    if (alg is None or jwk.get("use", "sig") != "sig" or not (isinstance(ops, list) and "verify" in ops)
            or jwk.get("alg", alg) != alg or ("kid" in jwk and not (isinstance(jwk["kid"], str) and jwk["kid"]))):
        return None
    return alg

def thumbprint(jwk):
    """RFC 7638: the kid of a JWK that has none."""
    members = ("crv", "kty", "x", "y") if jwk["kty"] == "EC" else ("crv", "kty", "x")
    canonical = json.dumps({m: jwk.get(m) for m in members}, separators=(",", ":"))
    return b64url_encode(hashlib.sha256(canonical.encode()).digest())

def public_key(jwk, alg):
    """The key material of a JWK, checked: a P-256 point on the curve, or a valid Ed25519 point."""
    x = b64url_decode(jwk.get("x")) if isinstance(jwk.get("x"), str) else None
    if alg == "ES256":
        y = b64url_decode(jwk.get("y")) if isinstance(jwk.get("y"), str) else None
        if x and y and len(x) == len(y) == 32:
            point = int.from_bytes(x, "big"), int.from_bytes(y, "big")
            if p256_on_curve(*point):
                return point
    elif x and ed_decode(x) is not None:
        return x
    raise Refused("invalid_key", "The JWKS key %s is not a valid %s public key." % (jwk.get("kid"), alg))

def find_key(jwks, alg, kid):
    usable = [(jwk, a) for jwk, a in ((jwk, key_algorithm(jwk)) for jwk in jwks) if a]
    refuse_if(not usable, "invalid_key", "The JWKS has no ES256 (EC P-256) or EdDSA (OKP Ed25519) signing key.")
    found = {public_key(jwk, a) for jwk, a in usable if a == alg and jwk.get("kid", thumbprint(jwk)) == kid}
    refuse_if(not found, "unknown_key", "No %s key with kid %s in the JWKS." % (alg, json.dumps(kid)))
    # The same key listed twice is fine; two keys under one kid and alg cannot be told apart.
    refuse_if(len(found) > 1, "unknown_key", "The JWKS has more than one %s key with kid %s." % (alg, json.dumps(kid)))
    return found.pop()


# --- The token -------------------------------------------------------------------------------

def utf16_length(text):  # string lengths as Candor (JavaScript) counts them; a lone surrogate is one
    return len(text.encode("utf-16-le", "surrogatepass")) // 2

def as_int(value):
    """A whole number (1 and 1.0 alike, as in JSON), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    return value

def is_date(value):  # NumericDate: whole seconds from 1970 to 9999
    return as_int(value) is not None and 0 <= value <= 253402300799

def is_text(value, longest):
    return isinstance(value, str) and 1 <= utf16_length(value) <= longest

def is_number(value):
    try:
        return not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(float(value))
    except OverflowError:
        return False

def claims_problem(c):
    """What makes the claims fail verification-claims.schema.json, or None."""
    unknown = sorted(set(c) - {"iss", "sub", "aud", "iat", "exp", "nbf", "jti", "verification", "attributes", "status"})
    if unknown:
        return "unknown claim %s" % json.dumps(unknown[0])
    for name, longest in (("iss", 2048), ("sub", 256), ("aud", 2048)):
        if not is_text(c[name], longest):
            return '"%s" must be a string of 1 to %d characters' % (name, longest)
    for name in ("iat", "exp", "nbf"):
        if name in c and not is_date(c[name]):
            return '"%s" must be a whole number of seconds' % name
    if not (isinstance(c["jti"], str) and JTI.fullmatch(c["jti"])):
        return '"jti" must be 22 to 128 base64url characters'
    v = c["verification"]
    if not isinstance(v, dict) or set(v) != {"level", "methods", "verifiedAt", "riskTier"}:
        return '"verification" must have exactly level, methods, verifiedAt and riskTier'
    methods = v["methods"]
    if (v["level"] not in LEVELS or v["riskTier"] not in ("low", "medium", "high") or not is_date(v["verifiedAt"])
            or not isinstance(methods, list) or not 1 <= len(methods) <= len(METHODS)
            or any(m not in METHODS for m in methods) or len(set(methods)) != len(methods)):
        return '"verification" has a bad level, riskTier, verifiedAt or methods'
    attributes = c.get("attributes", {})
    if not isinstance(attributes, dict) or len(attributes) > 32:
        return '"attributes" must be an object of at most 32 attributes'
    for name, value in attributes.items():
        if not ATTRIBUTE_NAME.fullmatch(name):
            return "%s is not an allowed attribute name" % json.dumps(name)
        if not (isinstance(value, str) and utf16_length(value) <= 256 or is_number(value) or isinstance(value, bool)):
            return "attribute %s must be a string of at most 256 characters, a number or a boolean" % json.dumps(name)
    if "status" in c:  # other members of status and status_list are allowed (and ignored)
        ref = c["status"].get("status_list") if isinstance(c["status"], dict) else None
        if not (isinstance(ref, dict) and as_int(ref.get("idx")) is not None and 0 <= ref["idx"] <= 2**31 - 1
                and isinstance(ref.get("uri"), str) and utf16_length(ref["uri"]) <= 2048 and is_secure_url(ref["uri"])):
            return '"status" must be {"status_list": {"idx": 0..2147483647, "uri": an https URL}}'
    return None

def iso(seconds):
    try:
        return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    except (OverflowError, OSError, ValueError):
        return "%d s after 1970" % seconds

# --- Status lists (draft-ietf-oauth-status-list), as Candor's createStatusChecker reads them ----

# What JavaScript's String.prototype.trim removes (Candor trims the response body so).
JS_WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

def redirect_target(current, location):
    """Where a redirect from `current` leads, or raises status_unavailable: the target must pass the
    rule the list URI passed (https; plain http only on the loopback), and a remote host cannot
    send the request to this machine."""
    def refused(why):
        return Refused("status_unavailable", "The status list redirect from %s %s; it was not followed." % (current, why))
    if not location:
        raise refused("has no Location header")
    try:
        target = urllib.parse.urldefrag(urllib.parse.urljoin(current, location))[0]
    except ValueError:
        raise refused("has a Location that is not a URL")
    if not is_secure_url(target):
        raise refused("points at %s, which is not https (plain http only on the loopback)" % target)
    if is_loopback(urllib.parse.urlsplit(target).hostname) and not is_loopback(urllib.parse.urlsplit(current).hostname):
        raise refused("points at %s on this machine, from a remote host" % target)
    return target

def fetch_status_list(uri):
    """The status list token at `uri`, as text. Each redirect (at most 5) is requested here, not by
    urllib, so that its target is checked first. The timeout covers the whole fetch; it is checked
    before each request and between reads, each blocking step being bounded by the time left."""
    deadline = time.monotonic() + STATUS_TIMEOUT_SECONDS
    def time_left():
        left = deadline - time.monotonic()
        refuse_if(left <= 0, "status_unavailable", "Fetching the status list %s timed out after %d s." % (uri, STATUS_TIMEOUT_SECONDS))
        return left
    def unavailable(url, e):
        where = "" if url == uri else " from %s" % url
        return Refused("status_unavailable", "The status list %s could not be fetched%s (%s)." % (uri, where, e))

    url, seen, hops = uri, {urllib.parse.urldefrag(uri)[0]}, 0
    while True:
        request = urllib.request.Request(url, headers={"accept": STATUS_LIST_MEDIA_TYPE})
        try:
            response = urllib.request.build_opener(NoRedirects).open(request, timeout=time_left())
        except urllib.error.HTTPError as e:  # any answer but 2xx; a redirect is one, not followed by urllib
            response = e
        except (OSError, ValueError, http.client.HTTPException) as e:  # refused, DNS, TLS, timeout, bad URL
            raise unavailable(url, e)
        code = response.getcode()
        if code not in REDIRECT_CODES:
            break
        location = response.headers.get("location")
        response.close()  # its body is never read
        target = redirect_target(url, location)
        refuse_if(target in seen, "status_unavailable", "The status list %s redirects in a loop (back to %s); it was not followed." % (uri, target))
        hops += 1
        refuse_if(hops > MAX_STATUS_REDIRECTS, "status_unavailable",
                  "The status list %s redirects more than %d times; it was not followed further." % (uri, MAX_STATUS_REDIRECTS))
        seen.add(target)
        url = target

    with response:
        # draft §8.2: the list comes with a 2xx status; anything else (4xx, 5xx, other 3xx) is not an answer.
        where = "" if url == uri else " (at %s)" % url
        refuse_if(not 200 <= code <= 299, "status_unavailable", "The status list %s answered HTTP %d%s, not a 2xx success." % (uri, code, where))
        too_large = Refused("too_large", "The status list response from %s is over %d bytes; it was not read further." % (uri, MAX_STATUS_LIST_BYTES))
        try:
            announced = int(response.headers.get("content-length") or 0)
        except ValueError:
            announced = 0
        if announced > MAX_STATUS_LIST_BYTES:
            raise too_large
        body = bytearray()
        try:
            while True:
                time_left()
                chunk = response.read1(64 * 1024)
                if not chunk:
                    break
                body += chunk
                if len(body) > MAX_STATUS_LIST_BYTES:
                    raise too_large
        except (OSError, ValueError, http.client.HTTPException) as e:
            raise Refused("status_unavailable", "Reading the status list %s failed (%s)." % (uri, e))
    try:  # like a fatal TextDecoder: UTF-8 only, one leading byte-order mark dropped
        return body.decode("utf-8-sig").strip(JS_WHITESPACE)
    except UnicodeDecodeError:
        raise Refused("malformed", "The status list response from %s is not UTF-8 text." % uri)

def inflate_capped(data, cap):
    """zlib (RFC 1950) inflate of `data`, stopping as soon as the output passes `cap` bytes: a few
    hundred bytes can inflate to gigabytes. None for data that is not exactly one complete zlib stream."""
    inflater, out = zlib.decompressobj(), bytearray()
    try:
        while data:
            out += inflater.decompress(data, cap + 1 - len(out))
            if len(out) > cap:
                raise Refused("too_large", "The status list inflates to more than %d bytes; it was refused before inflating further." % cap)
            data = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:
        return None
    return bytes(out) if inflater.eof and not inflater.unused_data else None

def decode_status_list(status_list):
    """(bits, packed bytes) of the status_list claim { bits, lst }, or raises invalid_status_list / too_large."""
    refuse_if(not isinstance(status_list, dict), "invalid_status_list", "The status_list claim must be an object { bits, lst }.")
    bits, lst = status_list.get("bits"), status_list.get("lst")
    refuse_if(isinstance(bits, bool) or bits not in STATUS_BITS, "invalid_status_list",
              "The status list's bits must be 1, 2, 4 or 8; got %s." % json.dumps(bits)[:100])
    compressed = b64url_decode(lst) if isinstance(lst, str) else None
    refuse_if(compressed is None, "invalid_status_list",
              "The status list lst must be non-empty canonical base64url (A-Z a-z 0-9 - _, no padding, no stray bits).")
    packed = inflate_capped(compressed, MAX_INFLATED_BYTES)
    refuse_if(packed is None, "invalid_status_list", "The status list lst is not one complete zlib stream.")
    refuse_if(not packed, "invalid_status_list", "The status list is empty.")
    return int(bits), packed

def check_status_list(ref, issuer, jwks, now):
    """Checks the token's entry { idx, uri } (already checked by claims_problem) in the issuer's
    status list; returns for status 0 (valid), else raises Refused with Candor's reason code."""
    idx, uri, tolerance = as_int(ref["idx"]), ref["uri"], CLOCK_TOLERANCE_SECONDS
    _, payload = verify_jws(fetch_status_list(uri), STATUS_LIST_TYPE, "status list token", MAX_STATUS_LIST_BYTES, jwks)
    c = parse_json_object(payload, "status list token payload")
    # The draft (§5.1) defines no iss for a list token: the issuer's keys vouch for it. One that names an issuer must name this one.
    if "iss" in c and c["iss"] != issuer:
        raise Refused("wrong_issuer", "The status list at %s was issued by %s, not by %s." % (uri, json.dumps(c["iss"])[:200], json.dumps(issuer)))
    # §5.1 / §8.3: sub is the uri in the token, also when a redirect served the list from elsewhere.
    refuse_if(not (isinstance(c.get("sub"), str) and c["sub"] == uri), "invalid_status_list",
              "The status list token fetched from %s is for %s (its sub)." % (uri, json.dumps(c.get("sub"))[:200]))
    iat = as_int(c.get("iat"))
    refuse_if(iat is None, "invalid_status_list", "The status list token from %s has no whole-number iat." % uri)
    refuse_if(iat > now + tolerance, "not_yet_valid", "The status list token from %s was issued at %s, in the future; check the clocks." % (uri, iso(iat)))
    nbf = as_int(c.get("nbf"))
    refuse_if("nbf" in c and nbf is None, "invalid_status_list", "The status list token from %s has an nbf that is not whole seconds." % uri)
    if nbf is not None and nbf > now + tolerance:
        raise Refused("not_yet_valid", "The status list token from %s is not valid before %s." % (uri, iso(nbf)))
    exp = as_int(c.get("exp"))
    refuse_if("exp" in c and (exp is None or exp <= iat), "invalid_status_list",
              "The status list token from %s has an exp that is not a whole number after iat." % uri)
    if exp is not None and now >= exp + tolerance:
        raise Refused("status_unavailable", "The status list at %s expired at %s; the token's status cannot be known." % (uri, iso(exp)))
    # §5.1: ttl is "a positive number" (not necessarily whole). This script fetches the list on every run, so it caches nothing.
    refuse_if("ttl" in c and not (is_number(c["ttl"]) and c["ttl"] > 0), "invalid_status_list",
              "The status list token from %s has a ttl that is not a positive number of seconds." % uri)
    bits, packed = decode_status_list(c.get("status_list"))
    size = len(packed) * 8 // bits
    refuse_if(idx >= size, "invalid_status_list",
              "The token's index %d is outside the status list at %s (%d entries); refusing the token." % (idx, uri, size))
    bit = idx * bits  # status idx sits in byte bit // 8, least significant bits first
    value = packed[bit // 8] >> (bit % 8) & ((1 << bits) - 1)
    refuse_if(value == 1, "revoked", "The issuer revoked this token. Ask the customer to verify again.")
    refuse_if(value == 2, "suspended", "The issuer suspended this token for now; try again later or ask the issuer.")
    refuse_if(value != 0, "invalid_status_list", "The status list at %s gives this token status %d, which has no meaning here." % (uri, value))


def verify_jws(jws, expected_typ, noun, max_bytes, jwks):
    """The header and payload bytes of a compact JWS, checked as Candor checks every signed object
    (its one JWS pipeline), in the same order. jwks() gives the issuer's keys, read when needed."""
    refuse_if(not jws, "invalid_input", "The %s is empty; pass the compact JWS string." % noun)
    refuse_if(utf16_length(jws) > max_bytes, "too_large", "The %s is over %d bytes; not parsed." % (noun, max_bytes))
    parts = jws.split(".")
    refuse_if(len(parts) != 3, "malformed", "A %s has three dot-separated segments, not %d." % (noun, len(parts)))
    header = parse_json_object(b64url_decode(parts[0]) or b"", noun + " header")

    # The header, in Candor's order. Never "none" or HMAC (RFC 8725 §3.1), explicit typ (§3.11).
    alg, typ, kid = header.get("alg"), header.get("typ"), header.get("kid")
    refuse_if(alg not in ALGORITHMS, "unsupported_algorithm", "Algorithm %s is not accepted." % json.dumps(alg))
    for name in ("jku", "x5u", "jwk", "x5c"):  # keys come only from the configured JWKS
        refuse_if(name in header, "forbidden_header", 'The %s header carries "%s".' % (noun, name))
    refuse_if("crit" in header, "unsupported_critical", "The %s has a crit header; no JWS extension is supported." % noun)
    # RFC 7515 §4.1.9: typ is a media type, compared case-insensitively; "application/" may be left out.
    refuse_if(not isinstance(typ, str) or typ.lower() not in (expected_typ, "application/" + expected_typ),
              "wrong_type", "The %s typ is %s, not %s." % (noun, json.dumps(typ), expected_typ))
    refuse_if(not isinstance(kid, str) or not 1 <= utf16_length(kid) <= 256,
              "unknown_key", "The %s header has no usable kid, so no key can be chosen." % noun)
    payload, signature = b64url_decode(parts[1]), b64url_decode(parts[2])
    refuse_if(payload is None or signature is None, "malformed", "The %s payload or signature is not canonical base64url." % noun)
    key = find_key(jwks(), alg, kid)
    signed = (parts[0] + "." + parts[1]).encode("ascii")
    refuse_if(not (verify_es256 if alg == "ES256" else verify_ed25519)(key, signed, signature),
              "bad_signature", "The signature does not match: the %s was altered or signed by another key." % noun)
    return header, payload

def verify(token, jwks_source, issuer, audience, minimum_level="substantial", now=None,
           check_status=False, require_status=False):
    """The verified claims and header of `token`; raises Refused with Candor's reason code.
    With check_status, the token's status list entry is checked last, as createVerifier({ status })
    does (require_status: a token without a status claim is refused, as with requireStatus)."""
    keys = []
    def jwks():  # read once, used for the token and for its status list
        if not keys:
            keys.append(read_jwks(jwks_source))
        return keys[0]
    header, payload = verify_jws(token, TOKEN_TYPE, "token", MAX_TOKEN_BYTES, jwks)

    # The claims, in Candor's order.
    c = parse_json_object(payload, "token payload")
    for name in ("iss", "sub", "aud", "exp", "iat", "jti", "verification"):
        refuse_if(name not in c, "missing_claim", 'The token has no "%s" claim.' % name)
    for name in ("exp", "iat", "nbf"):
        refuse_if(name in c and as_int(c[name]) is None, "invalid_claims", '"%s" must be whole seconds.' % name)
    exp, iat, nbf = as_int(c["exp"]), as_int(c["iat"]), as_int(c.get("nbf", 0))
    now, tolerance = int(time.time()) if now is None else now, CLOCK_TOLERANCE_SECONDS
    refuse_if(now >= exp + tolerance, "expired", "The token expired at %s. Ask for a fresh token." % iso(exp))
    refuse_if(nbf > now + tolerance or iat > now + tolerance, "not_yet_valid", "nbf or iat is in the future; check clocks.")
    refuse_if(exp <= iat, "invalid_claims", "The token expires before it was issued (exp <= iat).")
    refuse_if(exp - iat > MAX_LIFETIME_SECONDS, "lifetime_too_long", "exp - iat is %d s, over 24 h." % (exp - iat))
    refuse_if(c["iss"] != issuer, "wrong_issuer", "The token was issued by %s." % json.dumps(c["iss"]))
    aud = c["aud"]
    refuse_if(not (aud == audience if isinstance(aud, str) else isinstance(aud, list) and audience in aud),
              "wrong_audience", "The token is for audience %s." % json.dumps(aud))
    problem = claims_problem(c)  # verification-claims.schema.json
    refuse_if(problem, "invalid_claims", "The token's claims are not valid Candor claims: %s." % problem)
    v = c["verification"]
    # A verification dated after its token would never fall due for re-verification.
    refuse_if(v["verifiedAt"] > iat + tolerance, "verified_in_future", "verifiedAt is after the token's iat.")
    refuse_if(LEVELS.index(v["level"]) < LEVELS.index(minimum_level), "insufficient_level",
              'The verification is at level "%s", below "%s".' % (v["level"], minimum_level))
    if check_status:  # after every other check, before re-verification is looked at (as Candor does)
        if "status" in c:
            check_status_list(c["status"]["status_list"], issuer, jwks, now)
        else:
            refuse_if(require_status, "missing_claim", 'The token has no "status" claim, and checking its status is required.')
    return c, header

def output(**fields):
    print(json.dumps(fields, separators=(",", ":"), ensure_ascii=False))

def main(argv):
    jwks, issuer, audience = (os.environ.get(n) for n in ("CANDOR_JWKS_URL", "CANDOR_ISSUER", "CANDOR_AUDIENCE"))
    minimum_level = os.environ.get("CANDOR_MINIMUM_LEVEL") or "substantial"
    # Switches: unset, empty or 0 is off, 1 is on; anything else is a usage error, never a guess.
    check_status, require_status = (os.environ.get(n) or "0" for n in ("CANDOR_CHECK_STATUS", "CANDOR_REQUIRE_STATUS"))
    switches_ok = {check_status, require_status} <= {"0", "1"} and not (require_status == "1" and check_status != "1")
    if not (jwks and issuer and audience and len(argv) == 2) or minimum_level not in LEVELS or not switches_ok:
        print("Usage: CANDOR_JWKS_URL=URL|FILE CANDOR_ISSUER=URL CANDOR_AUDIENCE=URL "
              "[CANDOR_MINIMUM_LEVEL=low|substantial|high] [CANDOR_CHECK_STATUS=1 [CANDOR_REQUIRE_STATUS=1]] "
              "python3 verify.py TOKEN|-", file=sys.stderr)
        return 2
    token = sys.stdin.read(MAX_TOKEN_BYTES + 1).strip() if argv[1] == "-" else argv[1]
    now = int(time.time())
    try:
        claims, header = verify(token, jwks, issuer, audience, minimum_level, now,
                                check_status=check_status == "1", require_status=require_status == "1")
    except Refused as e:
        # e.reason is stable (expired, bad_signature, wrong_audience, revoked, ...): log it, show the customer a retry.
        output(accepted=False, reason=e.reason, message=e.message)
        return 1
    v = claims["verification"]
    due_since = v["verifiedAt"] + REVERIFY_AFTER[v["riskTier"]]
    if now > due_since:  # signature and claims are fine, but the check is too old for this risk tier
        output(accepted=False, reason="reverification_due", dueSince=iso(due_since), customer=claims["sub"])
        return 3
    output(accepted=True, customer=claims["sub"], level=v["level"], attributes=claims.get("attributes", {}), kid=header["kid"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
