"""The German texts of the field reference: the file types, section names and every field's
description.
"""

from __future__ import annotations

from generator import model

#: The file types in the order editors need them: (heading, where the file lives, model).
FILE_TYPES: tuple[tuple[str, str, type[model.Record]], ...] = (
    ("Maßnahme", "strategy/massnahmen/<leitthema>/<kennung>.yml", model.Measure),
    ("Leitthema", "strategy/leitthemen/<kennung>.yml", model.Theme),
    ("Strategie", "strategy/strategie.yml", model.StrategyDocument),
    ("Akteure", "strategy/verzeichnisse/akteure.yml", model.ActorRegistry),
    ("Stadtteile", "strategy/verzeichnisse/stadtteile.yml", model.DistrictRegistry),
    ("SDGs", "strategy/verzeichnisse/sdgs.yml", model.GoalRegistry),
    ("Charta-Leitlinien", "strategy/verzeichnisse/charta.yml", model.CharterRegistry),
)


#: German names of the nested sections.
SECTION_NAMES: dict[type[model.Record], str] = {
    model.City: "Stadt",
    model.Vision: "Vision",
    model.Principle: "Prinzip",
    model.Edition: "Fortschreibung",
    model.Status: "Status",
    model.ScaleLevel: "Stufe der Bewertungsskala",
    model.Criterion: "Bewertungskriterium",
    model.RatingScheme: "Bewertungsschema",
    model.PriorityMatrixSetting: "Achsen der Prioritätenmatrix",
    model.Licence: "Lizenz",
    model.Contact: "Kontakt",
    model.Repository: "Repository",
    model.Imprint: "Impressum",
    model.DataProtection: "Datenschutz",
    model.AccessibilityStatement: "Barrierefreiheit",
    model.Office: "Stelle",
    model.FieldOfAction: "Handlungsfeld",
    model.TimeFrame: "Zeitraum",
    model.SpatialReference: "Raumbezug",
    model.Rating: "Bewertung (bewertet)",
    model.NotRated: "Bewertung (nicht bewertet)",
    model.Funding: "Finanzierung",
    model.Milestone: "Meilenstein",
    model.Indicator: "Indikator",
    model.Link: "Link",
    model.Source: "Quelle",
    model.Actor: "Akteur",
    model.District: "Stadtteil",
    model.Goal: "SDG",
    model.CharterGuideline: "Charta-Leitlinie",
}


#: What each field means, for editors. Keyed by model, then field (YAML key).
DESCRIPTIONS: dict[type[model.Record], dict[str, str]] = {
    model.Measure: {
        "id": "Feste Kennung der Maßnahme; die Adresse ihrer Seite leitet sich daraus ab. "
        "Wird nie geändert, auch nicht bei neuem Titel. Der Dateiname ist die Kennung in "
        "Kleinbuchstaben.",
        "titel": "Kurzer, verständlicher Name der Maßnahme.",
        "kurzbeschreibung": "Ein bis zwei Sätze: was die Maßnahme erreichen soll. Erscheint in "
        "Listen und Suchergebnissen.",
        "beschreibung": "Ausführliche Beschreibung: Ausgangslage, Vorgehen, Beteiligte. "
        "Absätze durch Leerzeilen trennen.",
        "leitthema": "Kennung des Leitthemas; muss der Ordner sein, in dem die Datei liegt.",
        "handlungsfeld": "Kennung des Handlungsfelds im Leitthema. Pflicht, wenn das Leitthema "
        "Handlungsfelder hat; sonst weglassen.",
        "operative_ziele": "Konkrete Ziele, zu denen die Maßnahme beiträgt (meist aus dem "
        "Handlungsfeld übernommen).",
        "status": "Umsetzungsstand, eine Kennung aus der Statusliste in strategie.yml "
        "(z. B. geplant, in-umsetzung, abgeschlossen).",
        "status_seit": "Seit wann der Status gilt.",
        "fortschritt": "Geschätzter Fortschritt in Prozent (0 bis 100); Bedeutung siehe "
        "„fortschritt“ in strategie.yml. Weglassen, wenn niemand ihn einschätzen kann.",
        "zeitraum": "Geplanter Zeitraum der Umsetzung in Jahren.",
        "raumbezug": "Wo die Maßnahme wirkt: im Quartier, im Stadtteil oder in der ganzen Stadt.",
        "verantwortlich": "Kennung der verantwortlichen Stelle aus verzeichnisse/akteure.yml.",
        "partner": "Kennungen weiterer beteiligter Akteure aus verzeichnisse/akteure.yml.",
        "bewertung": "Einschätzung nach den Kriterien aus strategie.yml – oder ausdrücklich "
        "„quelle: nicht bewertet“.",
        "sdgs": "Nummern der UN-Nachhaltigkeitsziele (1 bis 17), zu denen die Maßnahme beiträgt.",
        "charta": "Kennungen der Leitlinien der Smart City Charta aus verzeichnisse/charta.yml.",
        "finanzierung": "Woher das Geld kommt: Haushalt, Förderprogramme.",
        "meilensteine": "Wichtige Zwischenschritte mit Datum und ob sie erreicht sind.",
        "indikatoren": "Messgrößen, an denen sich der Erfolg zeigt, mit Ausgangs- und Zielwert.",
        "beteiligung": "Wie Bürgerinnen und Bürger oder Fachleute beteiligt werden.",
        "wirkung": "Welche Wirkung die Maßnahme für die Menschen in der Stadt haben soll.",
        "verwandte_massnahmen": "Kennungen von Maßnahmen, die inhaltlich zusammenhängen.",
        "links": "Weiterführende Seiten im Internet.",
        "quellen": "Öffentliche Quellen, auf denen die Angaben beruhen.",
        "beispielmassnahme": "true, wenn die Maßnahme nur zur Veranschaulichung erfunden ist; "
        "die Website kennzeichnet sie dann.",
        "aktualisiert": "Wann die Angaben zuletzt geprüft wurden („Stand“); kein Datum in der "
        "Datei darf danach liegen.",
    },
    model.TimeFrame: {
        "beginn": "Jahr, in dem die Umsetzung beginnt (oder begann).",
        "ende": "Jahr, in dem sie enden soll. Weglassen bei einer dauerhaften Aufgabe.",
    },
    model.SpatialReference: {
        "ebene": "quartier, stadtteil oder gesamtstadt.",
        "stadtteile": "Kennungen der Stadtteile aus verzeichnisse/stadtteile.yml; bei "
        "quartier und stadtteil angeben.",
    },
    model.Rating: {
        "quelle": "beispiel (Beispielwerte, so gekennzeichnet) oder offiziell (beschlossene "
        "Werte).",
        "stand": "Wann bewertet wurde.",
        "werte": "Je Kriterium aus strategie.yml ein Wert auf der Skala, z. B. „wichtigkeit: 4“.",
    },
    model.NotRated: {
        "quelle": "Immer „nicht bewertet“.",
        "grund": "Warum (noch) nicht bewertet wurde.",
    },
    model.Funding: {
        "quelle": "Wer das Geld gibt, z. B. „Bund“, „Land NRW“, „Haushalt der Stadt“.",
        "programm": "Name des Förderprogramms.",
        "betrag_eur": "Betrag in Euro, ohne Punkte und Komma.",
        "von": "Erstes Jahr der Finanzierung.",
        "bis": "Letztes Jahr der Finanzierung.",
    },
    model.Milestone: {
        "titel": "Was erreicht werden soll.",
        "datum": "Wann (geplant oder erreicht).",
        "erreicht": "true, wenn erreicht; sonst false.",
    },
    model.Indicator: {
        "titel": "Was gemessen wird.",
        "einheit": "Einheit der Werte, z. B. „Anzahl“, „Prozent“, „t CO₂“.",
        "basiswert": "Ausgangswert.",
        "basisjahr": "Jahr des Ausgangswerts.",
        "zielwert": "Angestrebter Wert.",
        "zieljahr": "Bis wann der Zielwert erreicht sein soll.",
        "aktueller_wert": "Zuletzt gemessener Wert.",
        "stand": "Wann der aktuelle Wert gemessen wurde.",
    },
    model.Link: {
        "titel": "Linktext: wohin der Link führt.",
        "url": "Adresse.",
    },
    model.Source: {
        "titel": "Titel der Quelle.",
        "url": "Adresse der Quelle.",
        "art": "Art der Quelle.",
    },
    model.Theme: {
        "id": "Feste Kennung des Leitthemas; gleich dem Dateinamen und dem Ordner seiner "
        "Maßnahmen.",
        "nummer": "Reihenfolge der Leitthemen auf der Website.",
        "kuerzel": "Kürzel, mit dem die Kennungen seiner Maßnahmen beginnen (VER → VER-03).",
        "titel": "Name des Leitthemas.",
        "kurzbeschreibung": "Ein bis zwei Sätze für Übersichten.",
        "beschreibung": "Ausführliche Beschreibung.",
        "strategische_ziele": "Strategische Ziele des Leitthemas.",
        "handlungsfelder": "Die Handlungsfelder des Leitthemas. Leer bei einem Querschnittsthema, "
        "dessen Maßnahmen direkt zum Leitthema gehören.",
    },
    model.FieldOfAction: {
        "id": "Feste Kennung des Handlungsfelds, in der ganzen Strategie eindeutig.",
        "titel": "Name des Handlungsfelds.",
        "kurzbeschreibung": "Ein bis zwei Sätze für Übersichten.",
        "beschreibung": "Ausführliche Beschreibung.",
        "operative_ziele": "Konkrete, überprüfbare Ziele des Handlungsfelds.",
    },
    model.StrategyDocument: {
        "stadt": "Angaben zur Stadt.",
        "titel": "Name der Strategie.",
        "untertitel": "Untertitel der Strategie.",
        "kurzbeschreibung": "Ein bis zwei Sätze für die Startseite.",
        "beschreibung": "Einführung in die Strategie.",
        "hinweis": "Hinweis zur Verbindlichkeit der Inhalte: sein erster Satz steht auf jeder "
        "Seite, der ganze Text im Impressum. Ohne ihn zeigt keine Seite einen Hinweis.",
        "hinweis_leicht": "Derselbe Hinweis in Leichter Sprache, für die Seite in Leichter "
        "Sprache: kurze Sätze, ein Satz je Aussage.",
        "horizont": "Zieljahr der Strategie.",
        "motto": "Leitspruch.",
        "visionen": "Die Visionen für das Zieljahr.",
        "strategische_ziele": "Strategische Ziele der ganzen Strategie.",
        "prinzipien": "Grundsätze, nach denen die Strategie umgesetzt wird.",
        "fortschreibungen": "Die vom Rat beschlossenen Fassungen, älteste zuerst.",
        "status": "Die erlaubten Status der Maßnahmen mit ihrer Bedeutung.",
        "fortschritt": "Was die Prozentangabe „fortschritt“ der Maßnahmen bedeutet.",
        "bewertung": "Skala und Kriterien der Bewertung.",
        "lizenz": "Lizenz der Inhalte und Daten.",
        "kontakt": "Wer Fragen beantwortet.",
        "repository": "Wo die Daten liegen, für die Links „Quelle bearbeiten“.",
        "impressum": "Angaben für das Impressum. Fehlt eine Angabe, zeigt die Seite "
        "„vom Herausgeber auszufüllen“.",
        "datenschutz": "Angaben für die Datenschutzerklärung. Fehlt eine Angabe, zeigt die "
        "Seite „vom Herausgeber auszufüllen“.",
        "barrierefreiheit": "Angaben für die Erklärung zur Barrierefreiheit. Fehlt eine "
        "Angabe, zeigt die Seite „vom Herausgeber auszufüllen“.",
    },
    model.Imprint: {
        "herausgeber": "Wer die Website herausgibt (in der Regel die Stadt), mit Anschrift.",
        "vertreten_durch": "Wer den Herausgeber gesetzlich vertritt, z. B. „die "
        "Oberbürgermeisterin“.",
        "inhaltlich_verantwortlich": "Wer für den Inhalt verantwortlich ist (§ 18 Abs. 2 "
        "MStV): Name und Anschrift einer Person.",
        "zentrales_impressum": "Adresse des zentralen Impressums der Stadt.",
    },
    model.DataProtection: {
        "beauftragte": "Die oder der Datenschutzbeauftragte: Name oder Funktion, Anschrift, "
        "E-Mail.",
        "hosting": "Wer den Webserver betreibt, von dem die Website ausgeliefert wird.",
        "speicherdauer_protokolle": "Wie lange der Webserver seine Zugriffsprotokolle "
        "aufbewahrt, z. B. „7 Tage“.",
        "aufsichtsbehoerde": "Die Datenschutz-Aufsichtsbehörde, bei der man sich beschweren "
        "kann (in NRW die LDI NRW).",
        "zentrale_erklaerung": "Adresse der zentralen Datenschutzerklärung der Stadt.",
    },
    model.AccessibilityStatement: {
        "vereinbarkeit": "Stand der Vereinbarkeit mit den Anforderungen: „vollständig "
        "vereinbar“, „teilweise vereinbar“ oder „nicht vereinbar“.",
        "erstellt": "Datum, an dem die Erklärung erstellt oder zuletzt überprüft wurde.",
        "geprueft": "Datum der letzten Prüfung der Website.",
        "kontakt": "Wohin Leserinnen und Leser Barrieren melden, mit E-Mail-Adresse; ohne "
        "diesen Abschnitt gilt der allgemeine „kontakt“ der Strategie.",
        "einschraenkungen": "Weitere bekannte Barrieren, zusätzlich zu denen, die die "
        "Erklärung von sich aus nennt.",
        "durchsetzungsstelle": "Die Durchsetzungs- oder Schlichtungsstelle des Landes (in "
        "NRW die Ombudsstelle für barrierefreie Informationstechnik).",
    },
    model.Office: {
        "name": "Name der Stelle oder Person.",
        "anschrift": "Postanschrift, eine Zeile je Eintrag.",
        "telefon": "Telefonnummer.",
        "email": "E-Mail-Adresse als mailto:-Link.",
        "website": "Website.",
    },
    model.City: {
        "name": "Name der Stadt.",
        "bundesland": "Bundesland.",
        "gemeindeschluessel": "Amtlicher Gemeindeschlüssel, in Anführungszeichen.",
        "website": "Website der Stadt.",
    },
    model.Vision: {
        "id": "Feste Kennung der Vision.",
        "titel": "Die Vision in einem Satz.",
        "beschreibung": "Erläuterung.",
    },
    model.Principle: {
        "id": "Feste Kennung des Prinzips.",
        "titel": "Das Prinzip in wenigen Worten.",
        "beschreibung": "Erläuterung.",
    },
    model.Edition: {
        "id": "Kennung der Fassung, meist das Jahr; so heißt die Version der Website.",
        "titel": "Name der Fassung.",
        "datum": "Datum des Ratsbeschlusses.",
        "beschluss": "Was der Rat beschlossen hat.",
        "drucksache": "Nummer der Ratsdrucksache.",
        "zusammenfassung": "Was sich in dieser Fassung geändert hat.",
    },
    model.Status: {
        "id": "Kennung, die Maßnahmen unter „status“ angeben.",
        "bezeichnung": "Wie der Status auf der Website heißt.",
        "definition": "Wann eine Maßnahme diesen Status hat.",
        "aktiv": "true, wenn Maßnahmen in diesem Status noch offene Arbeit sind.",
    },
    model.RatingScheme: {
        "minimum": "Kleinster Wert der Skala.",
        "maximum": "Größter Wert der Skala.",
        "stufen": "Bezeichnung jeder Stufe, von minimum bis maximum.",
        "kriterien": "Die Kriterien, nach denen jede Maßnahme bewertet wird.",
        "erlaeuterung": "Wie bewertet und die Priorität berechnet wird.",
        "matrix": (
            "Welche Kriterien die Prioritätenmatrix der Auswertung zeigt; ohne Angabe "
            "Umsetzbarkeit (waagerecht) gegen Wichtigkeit und Dringlichkeit (senkrecht)."
        ),
    },
    model.PriorityMatrixSetting: {
        "waagerecht": "Kennungen der Kriterien der waagerechten Achse (ihr gewichtetes Mittel).",
        "senkrecht": "Kennungen der Kriterien der senkrechten Achse (ihr gewichtetes Mittel).",
    },
    model.ScaleLevel: {
        "wert": "Wert auf der Skala.",
        "bezeichnung": "Bezeichnung, z. B. „hoch“.",
    },
    model.Criterion: {
        "id": "Kennung, die Maßnahmen unter bewertung.werte angeben.",
        "bezeichnung": "Name des Kriteriums.",
        "frage": "Die Frage, die die Bewertung beantwortet.",
        "gewicht": "Gewicht in der Priorität (gewichteter Mittelwert).",
    },
    model.Licence: {
        "id": "Kurzkennung der Lizenz, z. B. dl-de/by-2-0.",
        "name": "Name der Lizenz.",
        "url": "Text der Lizenz.",
        "namensnennung": "Wie Nachnutzende die Quelle nennen sollen.",
    },
    model.Contact: {
        "stelle": "Zuständige Stelle.",
        "email": "E-Mail-Adresse als mailto:-Link.",
        "website": "Website der Stelle.",
    },
    model.Repository: {
        "url": "Adresse des Repositorys.",
        "branch": "Branch mit den veröffentlichten Daten.",
    },
    model.ActorRegistry: {"akteure": "Alle Akteure, auf die Maßnahmen verweisen."},
    model.Actor: {
        "id": "Feste Kennung, auf die Maßnahmen unter verantwortlich und partner verweisen.",
        "name": "Vollständiger Name.",
        "kurzname": "Kurzer Name für Tabellen.",
        "art": "verwaltung, beteiligung (städtische Gesellschaft), partner oder gremium.",
        "beschreibung": "Was der Akteur tut.",
        "website": "Website.",
    },
    model.DistrictRegistry: {"stadtteile": "Alle Stadtteile der Stadt."},
    model.District: {
        "id": "Feste Kennung, auf die Maßnahmen unter raumbezug.stadtteile verweisen.",
        "name": "Name des Stadtteils.",
        "stadtbezirk": "Stadtbezirk, zu dem er gehört.",
    },
    model.GoalRegistry: {"sdgs": "Die 17 Nachhaltigkeitsziele der Vereinten Nationen."},
    model.Goal: {
        "nummer": "Nummer des Ziels (1 bis 17); Maßnahmen verweisen darauf unter sdgs.",
        "titel": "Deutscher Titel.",
        "beschreibung": "Kurzbeschreibung.",
    },
    model.CharterRegistry: {"leitlinien": "Die Leitlinien der Smart City Charta."},
    model.CharterGuideline: {
        "id": "Feste Kennung, auf die Maßnahmen unter charta verweisen.",
        "nummer": "Nummer der Leitlinie.",
        "titel": "Titel der Leitlinie.",
        "beschreibung": "Kurzbeschreibung.",
    },
}
