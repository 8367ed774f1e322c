"""The demonstration notice in the frame of every page (pure).

In: the `StrategyDocument`. Out: the texts and targets the theme shows above each page's
content (docs/theme/partials/hinweis.html, passed on by the MkDocs hook as
`extra.strategie_hinweis`): the first sentence of `hinweis`, linked to the whole text in the
Impressum; on the Leichte-Sprache page a line in Leichte Sprache, linked to the notice there.
Without a `hinweis` the mapping is empty and no page shows a notice.
"""

from __future__ import annotations

import re

from generator import urls
from generator.model import StrategyDocument

#: The frame shows one short line; a first sentence longer than this is cut at a word.
LONGEST_LINE = 160
#: The anchor of the notice on the Impressum and on the Leichte-Sprache page.
ANCHOR = "hinweis"

#: A sentence ends after two letters (not after „1.“ in a date, not after „z. B.“) and a full
#: stop, before a capital letter or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[a-zäöüß)“\"][a-zäöüß)“\"][.!?…])\s+(?=[A-ZÄÖÜ„\"])")


def first_sentence(text: str, limit: int = LONGEST_LINE) -> str:
    """The first sentence of `text`, cut at a word boundary with „…“ if it is too long."""
    sentence = _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return f"{cut} …"


def page_notice(document: StrategyDocument) -> dict[str, str]:
    """What the frame of every page shows; empty without a `hinweis`. Plain text: the theme
    escapes it. Paths are the generated pages' .html paths relative to the site's root."""
    if not document.hinweis:
        return {}
    return {
        "text": first_sentence(document.hinweis),
        "link_text": "Zum vollständigen Hinweis",
        "href": f"{urls.IMPRINT.with_suffix('.html')}#{ANCHOR}",
        "easy_page": str(urls.EASY_LANGUAGE.with_suffix(".html")),
        "easy_text": "Wichtig: Lesen Sie den Hinweis zu dieser Internet·seite.",
        "easy_link_text": "Zum Hinweis in Leichter Sprache",
        "easy_href": f"{urls.EASY_LANGUAGE.with_suffix('.html')}#{ANCHOR}",
    }
