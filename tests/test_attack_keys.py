"""Fresh-eye attacks on the cookie key check (session 5): the keys people generate pass
(token_urlsafe(48), 64 hex characters of token_hex(32), base64 of 32 random bytes), and a
key woven from two walks («a1b2c3d4…», «q1w2e3r4…»), which the whole-key reading rated at
~165 bits, is refused."""
import base64
import os
import secrets

import pytest

from core import passwords
from core.key_strength import estimated_bits

WOVEN = ["a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", "1a2b3c4d5e6f7g8h9i0jAkBlCmDnEoFp",
         "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6"]


@pytest.mark.parametrize("key", WOVEN)
def test_a_key_woven_from_two_walks_is_refused(key):
    assert estimated_bits(key) < passwords.MIN_COOKIE_KEY_GUESS_BITS
    assert passwords.cookie_key_acceptable(key) is False


@pytest.mark.parametrize("make", [lambda: secrets.token_urlsafe(48),
                                  lambda: secrets.token_hex(32),
                                  lambda: secrets.token_hex(32).upper(),
                                  lambda: base64.b64encode(os.urandom(32)).decode()])
def test_generated_keys_pass(make):
    for _ in range(300):
        key = make()
        assert passwords.cookie_key_acceptable(key), key
        assert estimated_bits(key) > 200, key
