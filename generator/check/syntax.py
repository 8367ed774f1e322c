"""YAML syntax errors in German: the parser's message → a Problem with line, column and a hint."""

from __future__ import annotations

import ast
import re

from yaml.error import MarkedYAMLError

from generator.check.tree import _position
from generator.problems import Problem, problem

_TOKENS = {
    "<block end>": "das Ende eines Abschnitts",
    "<block mapping start>": "ein Schlüssel",
    "<block sequence start>": "eine Liste",
    "<scalar>": "Text",
    "<stream end>": "das Dateiende",
    "<document start>": "„---“",
    "<document end>": "„...“",
    "<alias>": "ein Verweis mit „*“",
    "<anchor>": "ein Anker mit „&“",
    "<tag>": "eine Typangabe mit „!“",
    "<directive>": "eine Direktive mit „%“",
    "?": "ein Schlüssel",
    ":": "ein Doppelpunkt",
    "-": "ein Listenpunkt „-“",
    ",": "ein Komma",
}


_QUOTE_IT = "; Text, der damit beginnt, bitte in Anführungszeichen setzen"


#: (context pattern, problem pattern, German detail, point at the context mark instead).
#: Matched by PyYAML's English wording, which the editor never sees; first match wins.
# fmt: off
_SYNTAX: list[tuple[str, str, str, bool]] = [
    ("", r"mapping values are not allowed here",
     "ein Doppelpunkt an unerwarteter Stelle (Text mit „: “ bitte in Anführungszeichen setzen)",
     False),
    ("", r"could not find expected ':'",
     "nach dem Schlüssel fehlt der Doppelpunkt „:“ – oder die Zeile ist falsch eingerückt", True),
    ("quoted scalar", r"found unexpected end of stream",
     "ein Anführungszeichen wird geöffnet, aber nicht wieder geschlossen", True),
    ("quoted scalar", r"found unexpected document separator",
     "ein Anführungszeichen wird vor der Trennlinie „---“ nicht geschlossen", True),
    ("", r"found undefined tag handle '(.*)'", "die Typangabe „{0}“ ist unbekannt" + _QUOTE_IT,
     False),
    ("", r"did not find expected key", "die Einrückung passt nicht zu den Zeilen davor", False),
    ("", r"expected <block end>, but found '(.*)'",
     "die Einrückung passt nicht zu den Zeilen davor (hier steht {token})", False),
    ("", r"expected '<document start>', but found '(.*)'", "nach dem Inhalt folgt noch "
     "{token}; meist fehlt ein Doppelpunkt oder die Einrückung ist falsch", False),
    ("", r"expected ',' or '\]', but got '<stream end>'",
     "die eckige Klammer „[“ wird nicht geschlossen", True),
    ("", r"expected ',' or '\]', but got '(.*)'", "in der Liste in eckigen Klammern fehlt ein "
     "Komma oder die schließende Klammer „]“ (hier steht {token})", False),
    ("", r"expected ',' or '}', but got '<stream end>'",
     "die geschweifte Klammer „{{“ wird nicht geschlossen", True),
    ("", r"expected ',' or '}', but got '(.*)'", "im Abschnitt in geschweiften Klammern fehlt "
     "ein Komma oder die schließende Klammer „}}“ (hier steht {token})", False),
    ("", r"expected the node content, but found '(.*)'",
     "hier fehlt ein Wert (hier steht {token})", False),
    ("", r"found character (.*) that cannot start any token",
     "das Zeichen „{0}“ darf nicht am Anfang eines Werts stehen" + _QUOTE_IT, False),
    ("", r"sequence entries are not allowed here",
     "ein Listenpunkt „-“ an unerwarteter Stelle (prüfen Sie die Einrückung)", False),
    ("", r"mapping keys are not allowed here",
     "ein Fragezeichen „?“ an unerwarteter Stelle" + _QUOTE_IT, False),
    ("block scalar", "", "nach „|“ oder „>“ darf in derselben Zeile nur ein Kommentar stehen; "
     "der Text beginnt eingerückt in der nächsten Zeile", False),
    ("an? (anchor|alias)", "", "nach „&“ oder „*“ fehlt ein Name" + _QUOTE_IT, False),
    ("directive", "", "eine fehlerhafte Direktive mit „%“" + _QUOTE_IT, False),
    ("", r"directive|YAML document|tag handle", "eine fehlerhafte Direktive mit „%“" + _QUOTE_IT,
     False),
    ("tag", "", "eine fehlerhafte Typangabe mit „!“" + _QUOTE_IT, False),
]


# fmt: on
_UNREADABLE = "die Struktur ist an dieser Stelle nicht lesbar"


_ESCAPE_LETTERS = {"2": "x", "4": "u", "8": "U"}  # hex digits an escape needs → its letter


def _syntax_problem(error: MarkedYAMLError, display_path: str) -> Problem:
    """A PyYAML syntax error as a German `yaml_syntax` (or `yaml_tab`, `yaml_escape`) problem."""
    context, text = error.context or "", error.problem or ""
    mark = error.problem_mark or error.context_mark
    if text == "found character '\\t' that cannot start any token" and mark is not None:
        return problem("yaml_tab", display_path, mark.line + 1, mark.column + 1)
    escape = _escape_detail(text)
    if escape is not None:
        where = _position(mark)
        return problem("yaml_escape", display_path, where.line, where.column, detail=escape)
    detail = _UNREADABLE
    for context_pattern, problem_pattern, german, at_context in _SYNTAX:
        if context_pattern and not re.search(context_pattern, context):
            continue
        match = re.search(problem_pattern, text)
        if match is None:
            continue
        groups = [group.strip("'\"") for group in match.groups()]
        token = _TOKENS.get(groups[0], f"„{groups[0]}“") if groups else ""
        detail = german.format(*groups, token=token)
        opened = error.context_mark
        if at_context and opened is not None:
            mark = opened
        elif "flow" in context and opened is not None and mark and opened.line != mark.line:
            detail += f"; die Klammer wurde in Zeile {opened.line + 1} geöffnet"
        break
    where = _position(mark)
    return problem("yaml_syntax", display_path, where.line, where.column, detail=detail)


def _escape_detail(text: str) -> str | None:
    """German detail for PyYAML's error about an escape sequence; None for any other error."""
    unknown = re.fullmatch(r"found unknown escape character (.+)", text)
    if unknown:
        character = str(ast.literal_eval(unknown.group(1)))  # a repr: 'D', "'", '\xa0'
        if character.isprintable():
            return f"„\\{character}“ gibt es nicht"
        return f"einen Rückstrich vor dem Zeichen U+{ord(character):04X} gibt es nicht"
    digits = re.match(r"expected escape sequence of (\d+) hexadecimal", text)
    if digits:
        count = digits.group(1)
        return (
            f"nach „\\{_ESCAPE_LETTERS.get(count, 'x')}“ müssen genau {count} "
            "Hexadezimalziffern (0–9, A–F) folgen"
        )
    return None
