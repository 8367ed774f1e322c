"""The Druckfassung as a PDF file: printed by Chromium, with page numbers in its contents.

In: a built site (its `druckfassung.html`) and a Chromium. Out: an A4 PDF with a cover, the
contents with the page of every section, „Seite 3 von 80“ on every page, a document outline
(bookmarks) from the headings, tagged for screen readers, each Leitthema on a new page.

A browser cannot say on which page of a print a heading lands, so the page is printed
twice: the first print's named destinations (Chromium writes one per heading id that a link
points to) give each section's page; those numbers are then set into the contents by a
style sheet (the contents already reserve their width, so nothing moves) and the page is
printed again. If the pages still moved, it repeats, at most three times.

The file is then finished with pypdf (`finished`): title and language in the catalogue, the
document information and XMP, bookmarks with their headings' spaces, and the browser's
per-run structure ids numbered in order, so the same site and SOURCE_DATE_EPOCH give the same
bytes. `language` picks the Druckfassung of a language tree (`en/druckfassung.html`).

Playwright drives Chromium; pypdf reads the destinations. Both come with the `pdf` extra of
the package (and with requirements.lock); a missing one is a user error with the command to
install it.
"""

from __future__ import annotations

import io
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from generator.errors import UserError
from generator.files import write_file_atomically
from generator.site.build import source_date_epoch
from generator.terminal import EXIT_USAGE
from generator.timestamps import EpochError
from generator.views.pdf_offer import SOURCE_LANGUAGE

if TYPE_CHECKING:
    from pypdf import PdfReader

PRINT_PAGE = "druckfassung.html"
#: Ids of the print page's sections start with this (render/templates/_macros.md.j2).
ANCHOR_PREFIX = "druck-"
#: Print passes at most: the first without page numbers, then until they stand still.
MAX_PASSES = 4
#: Where Chromium is looked for when STRATEGIE_CHROMIUM is not set.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Chromium without its own calls home (updates, sync, field trials): printing is offline.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass(frozen=True)
class PrintedPdf:
    """What `print_pdf` wrote: the file, its pages, the sections with a page number."""

    path: Path
    pages: int
    sections: int
    passes: int


def find_chromium() -> Path:
    """Chromium's executable: STRATEGIE_CHROMIUM, else the first of CHROMIUM_NAMES on PATH."""
    configured = os.environ.get("STRATEGIE_CHROMIUM", "").strip()
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise UserError(
                f"strategie pdf: STRATEGIE_CHROMIUM nennt {configured}, dort liegt aber kein "
                "Programm.",
                exit_code=EXIT_USAGE,
            )
        return path
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    raise UserError(
        "strategie pdf: Für die PDF-Fassung wird der Browser Chromium gebraucht und wurde nicht "
        "gefunden. Installieren Sie ihn (Debian/Ubuntu: sudo apt-get install -y chromium) "
        "oder nennen Sie sein Programm in der Umgebungsvariablen STRATEGIE_CHROMIUM.",
        exit_code=EXIT_USAGE,
    )


def print_page(site: Path, language: str = SOURCE_LANGUAGE) -> Path:
    """The Druckfassung of `language` in a built site: German at the root, another language
    in its own tree (`en/druckfassung.html`)."""
    return site / PRINT_PAGE if language == SOURCE_LANGUAGE else site / language / PRINT_PAGE


def print_pdf(
    site: Path, target: Path, chromium: Path, project: Path, *, language: str = SOURCE_LANGUAGE
) -> PrintedPdf:
    """Print `site`'s Druckfassung in `language` to `target` (replaced atomically)."""
    page_file = print_page(site, language)
    if not page_file.is_file():
        raise UserError(
            f"strategie pdf: In {page_file.parent} gibt es keine {PRINT_PAGE}. Geben Sie mit "
            "--site den Ordner einer gebauten Website an (strategie build) oder lassen Sie "
            "--site weg.",
            exit_code=EXIT_USAGE,
        )
    sync_playwright, pdf_reader = _libraries()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True
        )
        try:
            page = browser.new_page()
            # Only the site's own files: a page that asked another host would fail here.
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(("file:", "data:", "blob:"))
                    else route.abort()
                ),
            )
            page.goto(page_file.resolve().as_uri())
            page.emulate_media(media="print")
            page.evaluate(_UNLINK_SITE_PAGES)
            described = Described(**page.evaluate(_DESCRIBE))
            numbers: dict[str, int] = {}
            passes = 0
            while True:
                pdf = page.pdf(
                    format="A4",
                    print_background=True,
                    prefer_css_page_size=True,
                    tagged=True,
                    outline=True,
                )
                passes += 1
                found = section_pages(pdf_reader(io.BytesIO(pdf)))
                if found == numbers or passes >= MAX_PASSES:
                    break
                numbers = found
                page.add_style_tag(content=page_number_css(numbers))
        finally:
            browser.close()
    reader = pdf_reader(io.BytesIO(pdf))
    try:
        epoch = source_date_epoch(project)[0]
    except EpochError as error:
        raise UserError(f"strategie pdf: {error}", exit_code=EXIT_USAGE) from None
    data = finished(reader, epoch, described)
    write_file_atomically(target, data)
    return PrintedPdf(target, len(reader.pages), len(numbers), passes)


#: Links to the site's other pages would point into the folder the PDF was printed from (a
#: temporary one); on paper and in the file they stay as text. Links within the Druckfassung
#: (to a section: a page reference) and to other hosts (their address is printed) remain.
_UNLINK_SITE_PAGES = """() => {
  for (const link of document.querySelectorAll('a[href]')) {
    const target = link.getAttribute('href');
    if (!target.startsWith('#') && !/^(https?|mailto):/i.test(target)) {
      link.removeAttribute('href');
    }
  }
}"""


def section_pages(reader: PdfReader) -> dict[str, int]:
    """Section id → its page number (1 = the cover), from the PDF's named destinations."""
    pages: dict[str, int] = {}
    for name, destination in reader.named_destinations.items():
        anchor = unquote(str(name).lstrip("/"))
        if anchor.startswith(ANCHOR_PREFIX):
            number = reader.get_destination_page_number(destination)
            if number is not None:
                pages[anchor] = number + 1
    return dict(sorted(pages.items()))


def page_number_css(numbers: dict[str, int]) -> str:
    """The page of each section after its entry in the contents and after every link to it.

    Ids are checked slugs (the print template's `anchor` filter), so they need no quoting
    beyond the attribute selector's quotes."""
    rules = [
        f'.druck-inhalt a[href="#{anchor}"]::after {{ content: "{page}"; }}\n'
        f'.md-content a[href="#{anchor}"]:not(.druck-inhalt a)::after '
        f'{{ content: " (S. {page})"; }}'
        for anchor, page in numbers.items()
        if all(char.isalnum() or char == "-" for char in anchor)
    ]
    return "\n".join(rules)


@dataclass(frozen=True)
class Described:
    """What the printed page says about itself: its language, title and headings."""

    lang: str
    title: str
    headings: list[str]


#: The page's language (`<html lang>`), its main heading as the title, every heading's text.
_DESCRIBE = """() => {
  // Without the permalink sign that MkDocs may put into a heading.
  const text = (node) => Array.from(node.childNodes)
    .filter((child) => !(child.classList && child.classList.contains('headerlink')))
    .map((child) => child.textContent).join('').replace(/\\s+/g, ' ').trim();
  const headings = Array.from(document.querySelectorAll('article h1, article h2, article h3, '
    + 'article h4, article h5, article h6'));
  const title = document.querySelector('article h1');
  return {
    lang: document.documentElement.lang,
    title: title ? text(title) : document.title,
    headings: headings.map(text),
  };
}"""


def finished(reader: PdfReader, epoch: int, described: Described) -> bytes:
    """The printed PDF made complete and reproducible.

    - dates: the build time (SOURCE_DATE_EPOCH or the last commit), not the moment of printing;
    - title: the page's main heading, in the document information and in XMP, shown by
      viewers instead of the file name (DisplayDocTitle); the language in the catalogue
      (`/Lang`, from `<html lang>`) and in XMP;
    - bookmarks: titles with the spaces a line break swallowed (Chromium takes them from
      the laid-out text: „Vernetzte StadtGelsenkirchen“) put back from the headings;
    - the ids Chromium gives structure elements (table headers: „node00001152“, numbered
      by the browser's DOM, different in every run) numbered in order instead.
    """
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject
    from pypdf.xmp import XmpInformation

    writer = PdfWriter(clone_from=reader)
    moment = datetime.fromtimestamp(epoch, UTC)
    stamp = moment.strftime("D:%Y%m%d%H%M%S+00'00'")
    writer.add_metadata({"/CreationDate": stamp, "/ModDate": stamp, "/Title": described.title})
    root = writer.root_object
    language = described.lang or SOURCE_LANGUAGE
    root[NameObject("/Lang")] = TextStringObject(language)
    preferences = root.get("/ViewerPreferences")
    if not isinstance(preferences, DictionaryObject):
        preferences = DictionaryObject()
        root[NameObject("/ViewerPreferences")] = preferences
    preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    xmp = XmpInformation.create()
    xmp.dc_title = {"x-default": described.title}
    xmp.dc_language = [language]
    xmp.dc_format = "application/pdf"
    xmp.xmp_create_date = moment
    xmp.xmp_modify_date = moment
    xmp.xmp_metadata_date = moment
    writer.xmp_metadata = xmp
    _restore_spaces(root.get("/Outlines"), described.headings)
    renumber_structure_ids(root.get("/StructTreeRoot"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _restore_spaces(outlines: Any, headings: list[str]) -> None:
    """Give each bookmark the text of its heading where the two differ only in white space."""
    from pypdf.generic import NameObject, TextStringObject

    spelled = {"".join(heading.split()): heading for heading in headings}
    pending = [outlines.get_object()] if outlines is not None else []
    while pending:
        item = pending.pop()
        title = str(item.get("/Title", ""))
        better = spelled.get("".join(title.split()))
        if better is not None and better != title:
            item[NameObject("/Title")] = TextStringObject(better)
        for link in ("/First", "/Next"):
            if link in item:
                pending.append(item[link].get_object())


def renumber_structure_ids(tree_root: Any) -> None:
    """Replace the structure elements' ids (`/ID`, the `/Headers` that name them, the
    `/IDTree`) by `node00000001`, `node00000002`, … in the order of the old numbers, so the
    same page gives the same file. The order is kept, so the id tree stays sorted."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    if tree_root is None:
        return
    elements: list[DictionaryObject] = []
    pending: list[Any] = [tree_root.get_object()]
    while pending:
        node = pending.pop()
        if isinstance(node, ArrayObject):
            pending.extend(child.get_object() for child in node)
        elif isinstance(node, DictionaryObject) and node.get("/Type") not in ("/MCR", "/OBJR"):
            elements.append(node)
            if "/K" in node:
                pending.append(node["/K"].get_object())
    old = sorted({str(element["/ID"]) for element in elements if "/ID" in element})
    new = {name: TextStringObject(f"node{number:08d}") for number, name in enumerate(old, 1)}
    if not new:
        return

    def renamed(value: Any) -> Any:
        return new.get(str(value), value)

    for element in elements:
        if "/ID" in element:
            element[NameObject("/ID")] = renamed(element["/ID"])
        attributes: Any = _resolved(element.get("/A"))
        for attribute in attributes if isinstance(attributes, ArrayObject) else [attributes]:
            described: Any = _resolved(attribute)
            headers = described.get("/Headers") if isinstance(described, DictionaryObject) else None
            if isinstance(headers, ArrayObject):
                described[NameObject("/Headers")] = ArrayObject(renamed(h) for h in headers)
    trees: list[Any] = [tree_root.get_object().get("/IDTree")]
    while trees:
        tree: Any = _resolved(trees.pop())
        if not isinstance(tree, DictionaryObject):
            continue
        names: Any = tree.get("/Names")
        if isinstance(names, ArrayObject):
            tree[NameObject("/Names")] = ArrayObject(
                renamed(item) if index % 2 == 0 else item for index, item in enumerate(names)
            )
        limits: Any = tree.get("/Limits")
        if isinstance(limits, ArrayObject):
            tree[NameObject("/Limits")] = ArrayObject(renamed(item) for item in limits)
        trees.extend(tree.get("/Kids", []))


def _resolved(value: Any) -> Any:
    """The object behind an indirect reference; anything else as it is."""
    return value.get_object() if hasattr(value, "get_object") else value


def _libraries() -> tuple[Any, Any]:
    """Playwright's sync API and pypdf's reader, or a user error saying how to install them."""
    try:
        from playwright.sync_api import sync_playwright
        from pypdf import PdfReader
    except ImportError as error:
        raise UserError(
            f"strategie pdf: Das Python-Paket „{error.name}“ fehlt. Installieren Sie die "
            "Zusatzpakete für PDF: pip install -r requirements.lock (oder pip install "
            "'strategie-generator[pdf]').",
            exit_code=EXIT_USAGE,
        ) from None
    return sync_playwright, PdfReader
