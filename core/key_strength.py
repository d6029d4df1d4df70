"""How many bits an attacker must guess to find a configured signing key (issue 25 item 8).

A key is read as the cheapest sequence of pieces an attacker's guesser would try, in the
spirit of zxcvbn: each piece costs bits, and the key's estimate is the cheapest total.

- a **walk**: three or more characters in a row of a known order, forwards or backwards —
  `0123456789abcdef…` (a character-class walk), `qwertyuiop`, `1qaz2wsx…` (keyboard rows
  and columns), `aaaa` (one character repeated): the guesser names the order, the start
  and the length;
- a **dictionary word** (case ignored): a few hundred words people put in keys — `admin`,
  `password`, `secret`, the product's names…;
- a **repeat** of three or more characters already seen earlier in the key
  (`admin123admin456…`): the guesser points back to it;
- otherwise one **character** drawn from the classes the key uses (lower case 26, upper
  case 26, digits 10, other 33).

`secrets.token_urlsafe(48)` estimates at ~380 bits; `0123456789abcdefghijklmnopqrstuv` at
~15, a keyboard walk at ~40, `admin123admin456admin789admin000` at ~70."""
import math

# orders a walk follows (each also read backwards)
SEQUENCES = (
    "0123456789abcdefghijklmnopqrstuvwxyz",
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789", "1234567890",
    "`1234567890-=", "~!@#$%^&*()_+",
    "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./",
    "qwertzuiopü", "azertyuiop", "qsdfghjklm", "wxcvbn",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/-['=]",
    "qazwsxedcrfvtgbyhnujmikolp",
    "zaqxswcdevfrbgtnhymjukilop",
    "!qaz@wsx#edc$rfv%tgb^yhn&ujm*ik<(ol>)p:?",
)
DICTIONARY = (
    "admin", "administrator", "password", "passwd", "pass", "secret", "cookie", "key",
    "login", "signin", "token", "session", "root", "user", "guest", "test", "demo",
    "default", "changeme", "change", "letmein", "welcome", "hello", "iloveyou", "dragon",
    "monkey", "master", "shadow", "sunshine", "princess", "football", "baseball", "qwerty",
    "abc", "some", "random", "private", "public", "server", "local", "localhost", "app",
    "streamlit", "python", "django", "flask", "llw", "hoctap", "suotdoi", "tuanle",
    "hanoi", "hochiminh", "vietnam", "badinh", "phuong", "quan", "truong", "giaoduc",
    "matkhau", "khoa", "bimat", "quantri", "admin123", "password1", "summer", "winter",
    "spring", "autumn", "january", "october", "december", "monday", "sunday", "office",
    "company", "school", "education", "learning", "lifelong", "week", "year", "date",
    "name", "email", "phone", "number", "string", "value", "example", "sample", "mau",
    "trust", "access", "system", "config", "setting", "settings", "security", "secure",
    "super", "superuser", "manager", "staff", "owner", "host", "domain", "network",
)
WORDS = {w for w in DICTIONARY if len(w) >= 3}
LONGEST_WORD = max(len(w) for w in WORDS)
MIN_RUN = 3
ANALYSED = 128  # characters read (the repeat search is quadratic)


def _walk_orders() -> list[str]:
    return list(SEQUENCES) + [s[::-1] for s in SEQUENCES]


_ORDERS = _walk_orders()
_WALK_START_BITS = math.log2(sum(len(s) for s in _ORDERS))  # which order, where it starts
_WORD_BITS = math.log2(len(WORDS)) + 1                        # which word, its case


def _charset_size(key: str) -> int:
    size = 0
    size += 26 if any(c.islower() for c in key) else 0
    size += 26 if any(c.isupper() for c in key) else 0
    size += 10 if any(c.isdigit() for c in key) else 0
    size += 33 if any(not c.isalnum() for c in key) else 0
    size += 100 if any(ord(c) > 127 for c in key) else 0
    return max(size, 2)


def _walk_length(key: str, i: int) -> int:
    """The longest walk starting at i (0 when shorter than MIN_RUN)."""
    best = 1
    while i + best < len(key) and key[i + best] == key[i]:  # one character repeated
        best += 1
    low = key.lower()
    for order in _ORDERS:
        start = order.find(low[i])
        while start != -1:
            length = 1
            while (i + length < len(key) and start + length < len(order)
                   and low[i + length] == order[start + length]):
                length += 1
            best = max(best, length)
            start = order.find(low[i], start + 1)
    return best if best >= MIN_RUN else 0


def _repeat_length(key: str, i: int) -> int:
    """The longest piece starting at i that also starts earlier in the key."""
    best = 0
    for j in range(i):
        length = 0
        while i + length < len(key) and key[j + length] == key[i + length]:
            length += 1
        best = max(best, length)
    return best if best >= MIN_RUN else 0


def estimated_bits(key: str) -> float:
    """The cheapest guess of `key`, in bits (see the module's docstring): read whole, or
    as two keys woven together — `a1b2c3d4…` is the walk `abcd…` between the walk
    `1234…` (its even and odd characters guessed apart, one bit to say so)."""
    if not key:
        return 0.0
    key = key[:ANALYSED]  # a longer key is at least as strong as its start
    whole = _cheapest(key)
    if len(key) < 2 * MIN_RUN:
        return whole
    return min(whole, _cheapest(key[::2]) + _cheapest(key[1::2]) + 1)


def _cheapest(key: str) -> float:
    """The cheapest reading of `key` as walks, words, repeats and characters, in bits."""
    n = len(key)
    char_bits = math.log2(_charset_size(key))
    best = [0.0] + [math.inf] * n  # best[i]: bits of the cheapest reading of key[:i]
    low = key.lower()
    for i in range(n):
        if best[i] == math.inf:
            continue
        steps = [(1, char_bits)]
        # a walk or repeat is read whole or as its shortest piece (enough for the estimate)
        walk = _walk_length(key, i)
        for length in {MIN_RUN, walk} - {0} if walk else ():
            steps.append((length, _WALK_START_BITS + math.log2(length)))
        for length in range(MIN_RUN, min(LONGEST_WORD, n - i) + 1):
            if low[i:i + length] in WORDS:
                steps.append((length, _WORD_BITS))
        repeat = _repeat_length(key, i)
        for length in {MIN_RUN, repeat} - {0} if repeat else ():
            steps.append((length, math.log2(i + 1) + math.log2(length)))
        for length, bits in steps:
            if best[i] + bits < best[i + length]:
                best[i + length] = best[i] + bits
    return best[n]
