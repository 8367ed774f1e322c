"""Plain-scalar resolution: what an unquoted value means, by the YAML 1.2 core schema.

In: the text of one plain (unquoted, untagged) scalar. Out: None, a bool, an int, a float or
the text itself — or `Ambiguous` when YAML 1.1 tools (or lenient 1.2 ones) would read the text
differently (`no`, `01067`, `1:30`, `0x1F`, `1_000`, `.inf`): the loader reports those as
errors instead of guessing. Pure functions; quoted and block scalars never come here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from generator.wording import format_float

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(
    r"[-+]?(?:(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)"
)
_YAML11_BOOL = {"yes", "no", "on", "off", "y", "n"}
_SEXAGESIMAL = re.compile(r"[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_FLOAT11 = re.compile(r"(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?")
#: How a YAML 1.1 number starts (after its sign): a digit, or "." (".5", ".inf", ".nan").
_NUMBER_STARTS = frozenset("0123456789.")
_DIGITS_LIMIT = 4000  # Python refuses to convert longer decimal strings (int_max_str_digits)
_SHOWN_DIGITS = 30  # longer numbers are named in messages, not spelled out


@dataclass(frozen=True)
class Ambiguous:
    """A plain scalar other YAML tools would read differently: the problem code and how."""

    code: str
    reading: str = ""


def resolve_plain(text: str) -> object:
    """The value of an unquoted scalar by the YAML 1.2 core schema, or `Ambiguous`."""
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if text.lower() in _YAML11_BOOL:
        return Ambiguous("yaml_ambiguous_bool")
    if text[0].isalpha():
        # Most plain scalars are words. No number, in YAML 1.2 or 1.1, starts with a letter
        # (only with a sign, a digit or "."), so the patterns below cannot match.
        return text
    if _INT.fullmatch(text):
        if len(text) > _DIGITS_LIMIT:
            return Ambiguous("yaml_ambiguous_number", f"sehr große Zahl mit {len(text)} Ziffern")
        return int(text)
    if _FLOAT.fullmatch(text):
        number = float(text)
        if math.isinf(number):
            return Ambiguous("yaml_ambiguous_number", "unendlich – die Zahl ist zu groß")
        return number
    reading = _yaml11_number(text)
    return Ambiguous("yaml_ambiguous_number", reading) if reading else text


def _yaml11_number(text: str) -> str | None:
    """How YAML 1.1 (or a lenient 1.2 tool) reads this text as a number, in German; else None."""
    sign, body = ("-", text[1:]) if text[:1] == "-" else ("", text.removeprefix("+"))
    if body[:1] not in _NUMBER_STARTS:
        return None  # most plain scalars are words; every reading below starts like this
    lower = body.lower()
    digits = lower.replace("_", "")
    if lower == ".nan":
        return "keine Zahl (NaN)"
    if lower == ".inf":
        return "minus unendlich" if sign else "unendlich"
    short = len(digits) <= _SHOWN_DIGITS  # also keeps int() within Python's digit limit

    def named(name: str, value: object) -> str:
        return f"{name} {sign}{value}" if short else name

    prefixes = {"0x": (16, "Hexadezimalzahl"), "0o": (8, "Oktalzahl"), "0b": (2, "Binärzahl")}
    if lower[:2] in prefixes and re.fullmatch("[0-9a-f]+", digits[2:]):
        base, name = prefixes[lower[:2]]
        if all(int(char, 16) < base for char in digits[2:]):
            return named(name, short and int(digits[2:], base))
    if re.fullmatch(r"0[0-9_]+", body):
        octal = all(char in "01234567" for char in digits)
        return named("Oktalzahl" if octal else "Zahl", short and int(digits, 8 if octal else 10))
    if re.fullmatch(r"[1-9][0-9_]*", body):  # only with "_": plain digits resolved as int before
        return named("Zahl", short and int(digits))
    if _SEXAGESIMAL.fullmatch(body):
        return named("Uhrzeit/Sexagesimalzahl", short and _sexagesimal(digits))
    if _FLOAT11.fullmatch(body) and "_" in body and any(char.isdigit() for char in body):
        return named("Zahl", short and _german(float(digits)))
    return None


def _sexagesimal(digits: str) -> str:
    head, _, fraction = digits.partition(".")
    value = 0
    for part in head.split(":"):
        value = value * 60 + int(part)
    return _german(float(f"{value}.{fraction}")) if fraction else str(value)


def _german(number: float) -> str:
    return format_float(number).removesuffix(",0")
