"""Password and username rules, and hashing.

bcrypt reads at most 72 bytes (bcrypt 5 raises beyond), and a Vietnamese letter is 2–3
bytes in UTF-8. So the NFC password is first reduced with SHA-256 to 44 ASCII bytes, then
bcrypt-hashed ("bcrypt-sha256"): long passphrases work whole and never crash.

One rule for spaces, at creation, reset, change and login: a password never begins or ends
with whitespace (refused with a message when set), and what is typed to sign in or to confirm
the current password is checked with its outer whitespace removed. streamlit-authenticator
strips the typed password before checking it; with this rule a padded passphrase can never
be stored, so no account exists that could not sign in.
"""
import base64
import hashlib
import math
import os
import re

import bcrypt

from core import texts
from core.text import nfc

MIN_LENGTH = 10
MAX_LENGTH = 256
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,39}$")
# Valid hashes of a throwaway string, per bcrypt cost: verifying against one costs what a
# real check costs, so an unknown username takes as long to reject as a wrong password.
_DUMMY_HASHES: dict[int, str] = {}


def _prehash(password: str) -> bytes:
    digest = hashlib.sha256(nfc(password).encode("utf-8")).digest()
    return base64.b64encode(digest)


# bcrypt's cost (issue 23): 2^11 rounds. Measured on the 2-core build machine (one check,
# CPU seconds): cost 10 0.060 s, 11 0.119 s, 12 0.240 s. A sign-in costs the server the
# check and little else (its writes change no figure: db/live_figures.py), so the cost is
# the sign-in's price: 2 000 clerks signing in on the first morning cost ~4 CPU-min at 11.
# 11 is twice OWASP's minimum of 10; online guessing is bounded by the lockout (10 failures
# per name and address, then 15 minutes), the cost only slows the cracking of a stolen
# copy of the database, which backups already treat as personal data. A hash keeps the
# cost it was made with (existing 12-round hashes still verify, at 0.24 s) until the
# password is next set.
BCRYPT_ROUNDS = 11


def _rounds() -> int:
    # The test suite lowers the cost (LLW_BCRYPT_ROUNDS=4).
    return max(4, min(15, int(os.environ.get("LLW_BCRYPT_ROUNDS", str(BCRYPT_ROUNDS)))))


def hash_password(password: str) -> str:
    return bcrypt.hashpw(_prehash(password), bcrypt.gensalt(_rounds())).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    if not isinstance(password, str) or not password_hash:
        return False
    try:
        return bcrypt.checkpw(_prehash(password.strip()), password_hash.encode("ascii"))
    except ValueError:
        return False


def spend_verification_time() -> None:
    rounds = _rounds()
    if rounds not in _DUMMY_HASHES:
        _DUMMY_HASHES[rounds] = hash_password("không-có-tài-khoản-này")
    verify_password("x", _DUMMY_HASHES[rounds])


def normalise_username(username: str) -> str:
    return nfc(username or "").strip().lower()


def username_error(username: str) -> str | None:
    if not USERNAME_PATTERN.match(normalise_username(username)):
        return texts.USERNAME_INVALID
    return None


def password_error(password: str, username: str = "") -> str | None:
    """None when acceptable, else the Vietnamese reason."""
    password = nfc(password or "")
    if not password.strip():
        return texts.PASSWORD_BLANK if password else texts.PASSWORD_TOO_SHORT.format(
            min=MIN_LENGTH)
    if password != password.strip():
        return texts.PASSWORD_OUTER_SPACES
    if len(password) < MIN_LENGTH:
        return texts.PASSWORD_TOO_SHORT.format(min=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return texts.PASSWORD_TOO_LONG.format(max=MAX_LENGTH)
    if username and password.strip().lower() == normalise_username(username):
        return texts.PASSWORD_SAME_AS_USERNAME
    return None


# Values a library or tutorial ships as a cookie key: anyone could forge a login with them.
KNOWN_DEFAULT_KEYS = {"some_key", "some_signature_key", "secret", "changeme", "random_key",
                      "abcdef", "key"}
MIN_COOKIE_KEY_LENGTH = 32
MIN_COOKIE_KEY_DISTINCT = 10
MIN_COOKIE_KEY_BITS = 96  # length × Shannon entropy per character of the key itself
# bits an attacker must guess, read as walks, words, repeats and characters
# (core/key_strength.py; issue 25 item 8: a clerk cracked a walk key offline)
MIN_COOKIE_KEY_GUESS_BITS = 128


def _repeats_a_pattern(key: str) -> bool:
    """'some_key' * 4, 'ab' * 16: a short string repeated (possibly cut at the end)."""
    for period in range(1, len(key) // 2 + 1):
        if all(key[i] == key[i % period] for i in range(len(key))):
            return True
    return False


def cookie_key_bits(key: str) -> float:
    counts = {ch: key.count(ch) for ch in set(key)}
    return -sum(n * math.log2(n / len(key)) for n in counts.values())


def cookie_key_acceptable(key: str | None) -> bool:
    """A configured signing key must be long and random-looking: at least 32 characters,
    10 different ones, no repeated pattern and about 96 bits by its own letter frequencies
    (secrets.token_urlsafe(48) gives ~330; "a"*32 gives 0, "some_key"*4 ~90 and a pattern),
    and at least 128 bits to guess (core/key_strength.estimated_bits: a character-class
    walk such as 0123456789abcdef…, a keyboard walk, admin123admin456… or a dictionary
    word is cheap to guess whatever its length)."""
    if not key or key in KNOWN_DEFAULT_KEYS or len(key) < MIN_COOKIE_KEY_LENGTH:
        return False
    if any(default in key.lower() for default in ("some_key", "changeme")):
        return False
    from core.key_strength import estimated_bits

    return (len(set(key)) >= MIN_COOKIE_KEY_DISTINCT and not _repeats_a_pattern(key)
            and cookie_key_bits(key) >= MIN_COOKIE_KEY_BITS
            and estimated_bits(key) >= MIN_COOKIE_KEY_GUESS_BITS)
