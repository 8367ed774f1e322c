"""`strategie build --pdf`: the site with its PDF edition inside and offered on its pages.

In: the project folder, the build's target and kind, the languages to print. Out: the built
site (and offline zip) holding `downloads/<title>-<edition>-druckfassung.pdf`, which the
Druckfassung page offers with its size and page count.

The PDF is printed from the site, and the site's offer names the PDF's size, so the site is
built twice: first an offline build into a temporary folder, whose Druckfassung is printed
(generator/site/pdf.py, exactly as `strategie pdf` does), then the real build with the
printed files. The offer is shown on screen only, so the second build's Druckfassung prints
to the same PDF as the first's. A build without `--pdf` is not touched by any of this.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from generator.site.build import Built, build_site
from generator.site.engines import DEFAULT_ENGINE
from generator.site.pdf import PrintedPdf, find_chromium, print_pdf
from generator.views.pdf_offer import PDF_FOLDER, SOURCE_LANGUAGE, PdfFile, pdf_name_end


@dataclass(frozen=True)
class BuiltWithPdf:
    """The finished build and the PDF editions in it."""

    built: Built
    printed: tuple[PrintedPdf, ...]


def build_with_pdf(
    project: Path,
    *,
    out: Path | None = None,
    offline: bool = False,
    languages: Sequence[str] = (SOURCE_LANGUAGE,),
    engine_name: str = DEFAULT_ENGINE,
) -> BuiltWithPdf:
    """Build the site with a PDF edition per language in `languages` (German: the site's
    root; another language: its tree `<language>/`, once the site has one)."""
    chromium = find_chromium()
    with tempfile.TemporaryDirectory(prefix="strategie-pdf-") as folder:
        first = build_site(
            project, out=Path(folder) / "site", offline=True, engine_name=engine_name
        )
        printed = tuple(
            print_pdf(
                first.target, Path(folder) / f"{language}.pdf", chromium, project, language=language
            )
            for language in languages
        )
        files = [
            PdfFile(language, result.path.read_bytes(), result.pages)
            for language, result in zip(languages, printed, strict=True)
        ]
        built = build_site(project, out=out, offline=offline, engine_name=engine_name, pdf=files)
    in_site = [
        replace(result, path=next((built.target / PDF_FOLDER).glob(f"*-{pdf_name_end(language)}")))
        for language, result in zip(languages, printed, strict=True)
    ]
    return BuiltWithPdf(built, tuple(in_site))
