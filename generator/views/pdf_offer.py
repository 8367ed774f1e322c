"""The PDF edition as the site offers it: where the file lies, how big it is (pure).

In: the strategy's document and a `PdfFile` (the bytes `strategie build --pdf` printed for one
language). Out: a `PdfOffer` — the file's path in the site, its size and page count, and the
link to it from any page. The Druckfassung page offers it through the macro `pdf_offer` in
`_macros.md.j2` (which reads the template global `pdf_edition`); without a PDF nothing is
shown, so a build without `--pdf` stays as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from generator.model import StrategyDocument
from generator.wording import format_decimal

#: Folder of the PDF editions in the site (relative to the docs folder).
PDF_FOLDER = "downloads"
#: The language the data is written in; other languages get their code in the file name.
SOURCE_LANGUAGE = "de"


@dataclass(frozen=True)
class PdfFile:
    """The PDF edition printed for one language: its bytes and its number of pages."""

    language: str
    data: bytes = field(repr=False)
    pages: int


@dataclass(frozen=True)
class PdfOffer:
    """A PDF edition in the site: its path (relative to the docs folder), size and pages."""

    path: PurePosixPath
    size: int
    pages: int
    language: str

    def href(self, page: PurePosixPath) -> str:
        """The relative link from `page` (a page path like `daten/index.md`) to the file."""
        depth = len(page.parent.parts)
        return "../" * depth + self.path.as_posix()

    @property
    def size_text(self) -> str:
        """The size as a German reader expects it: „850 KB“, „1,4 MB“."""
        if self.size < 1_000_000:
            return f"{max(1, round(self.size / 1000))} KB"
        return f"{format_decimal(self.size / 1_000_000, 1)} MB"


def pdf_path(document: StrategyDocument, language: str = SOURCE_LANGUAGE) -> PurePosixPath:
    """`downloads/<title>-<edition>-druckfassung.pdf`, named like the offline zip (title as a
    slug, newest edition); a language other than German adds its code: `…-druckfassung-en.pdf`."""
    newest = max(document.fortschreibungen, key=lambda edition: edition.datum)
    title = document.titel.lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        title = title.replace(umlaut, spelled)
    slug = re.sub(r"[^a-z0-9]+", "-", title).strip("-") or "strategie"
    edition = re.sub(r"[^a-z0-9]+", "-", newest.id.lower()).strip("-")
    return PurePosixPath(PDF_FOLDER, f"{slug}-{edition}-{pdf_name_end(language)}")


def pdf_name_end(language: str) -> str:
    """How the file name of the PDF edition in `language` ends: „druckfassung.pdf“ for German,
    „druckfassung-en.pdf“ for English."""
    if not re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)?", language):
        raise ValueError(f"not a language code: {language!r:.40}")
    return "druckfassung.pdf" if language == SOURCE_LANGUAGE else f"druckfassung-{language}.pdf"


def offer_pdf(document: StrategyDocument, printed: PdfFile) -> PdfOffer:
    """Where `printed` goes in the site and what the offer says about it."""
    return PdfOffer(
        path=pdf_path(document, printed.language),
        size=len(printed.data),
        pages=printed.pages,
        language=printed.language,
    )
