"""The address the site is published under (`SITE_URL`, `--site-url`), checked before use.

MkDocs writes `site_url` unescaped into every page (canonical link, sitemap) and the feed and
DCAT use it for absolute addresses, so only a plain http(s) address passes: no quotes, spaces,
angle brackets, backslashes, control characters, query or fragment.
"""

from __future__ import annotations

import re

_SITE_URL = re.compile(
    r"^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
    r"(?:/[A-Za-z0-9._~!$*+,;=:@%/-]*)?$"
)


def site_url_error(value: str, source: str = "SITE_URL") -> str | None:
    """A German message if `value` may not be used as the site's address, else None."""
    if _SITE_URL.fullmatch(value):
        return None
    shown = value.encode("unicode_escape").decode("ascii") if not value.isprintable() else value
    return (
        f"{source} „{shown}“ ist keine erlaubte Adresse der Website. Erwartet wird eine "
        "Adresse mit https:// oder http:// ohne Leerzeichen, Anführungszeichen, spitze "
        "Klammern, Steuerzeichen, „?“ oder „#“, etwa https://stadt.github.io/strategie/."
    )
