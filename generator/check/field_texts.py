"""The German texts of the field reference: the file types, section names and every field's
description.
"""

from __future__ import annotations

from generator import model, presentation

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
    presentation.Appearance: "Erscheinungsbild",
    presentation.Colours: "Farben",
    presentation.Labels: "Bezeichnungen",
    presentation.Label: "Bezeichnung einer Ebene",
    presentation.Council: "Rat",
    model.Imprint: "Impressum",
    model.DataProtection: "Datenschutz",
    model.AccessibilityStatement: "Barrierefreiheit",
    model.Office: "Stelle",
    model.FieldOfAction: "Handlungsfeld",
    model.OperativeGoal: "Operatives Ziel",
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
        "operative_ziele": "Nummern der operativen Ziele, zu denen die Maßnahme beiträgt. Die "
        "Ziele stehen einmal im Handlungsfeld (bei einem Leitthema ohne Handlungsfelder im "
        "Leitthema) und werden hier nur mit ihrer Nummer genannt, nicht abgeschrieben.",
        "status": "Umsetzungsstand, eine Kennung aus der Statusliste in strategie.yml "
        "(z. B. geplant, in-umsetzung, abgeschlossen).",
        "status_seit": "Seit wann der Status gilt. Ist nur der Monat oder das Jahr bekannt, "
        "der erste Tag davon (mit passender Genauigkeit).",
        "status_seit_genauigkeit": "Wie genau „status_seit“ ist: `tag` (Standard), `monat` "
        "(Datum am Monatsersten, gezeigt „seit Oktober 2013“), `jahr` (am 1. Januar, „seit "
        "2017“), `angenommen` (eine begründete Annahme, gezeigt „seit 2020 (angenommen)“) "
        "oder `unbekannt` (das Datum ist nicht belegt und wird nicht gezeigt, „Datum "
        "unbekannt“). Nie ein Platzhalterdatum als Tag ausgeben.",
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
        "werte": "Je Kriterium aus strategie.yml (Kennung) ein Wert auf der Skala von minimum bis "
        "maximum.",
    },
    model.NotRated: {
        "quelle": "Immer „nicht bewertet“.",
        "grund": "Warum (noch) nicht bewertet wurde.",
    },
    model.Funding: {
        "quelle": "Wer das Geld gibt, z. B. „Bund“, „Land“, „Haushalt der Stadt“.",
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
        "kuerzel": "Kürzel, mit dem die Kennungen seiner Maßnahmen beginnen (ABC → ABC-01).",
        "titel": "Name des Leitthemas.",
        "kurzbeschreibung": "Ein bis zwei Sätze für Übersichten.",
        "beschreibung": "Ausführliche Beschreibung.",
        "strategische_ziele": "Strategische Ziele des Leitthemas, sinngemäß zusammengefasst "
        "(die Website sagt, dass es keine wörtlichen Zitate sind).",
        "operative_ziele": "Nur bei einem Leitthema ohne Handlungsfelder: seine operativen "
        "Ziele, auf die seine Maßnahmen mit der Nummer verweisen.",
        "handlungsfelder": "Die Handlungsfelder des Leitthemas. Leer bei einem Querschnittsthema, "
        "dessen Maßnahmen direkt zum Leitthema gehören.",
    },
    model.FieldOfAction: {
        "id": "Feste Kennung des Handlungsfelds, in der ganzen Strategie eindeutig.",
        "titel": "Name des Handlungsfelds.",
        "kurzbeschreibung": "Ein bis zwei Sätze für Übersichten.",
        "beschreibung": "Ausführliche Beschreibung.",
        "operative_ziele": "Konkrete, überprüfbare Ziele des Handlungsfelds, jedes mit Nummer "
        "und Text; die Maßnahmen verweisen mit der Nummer darauf.",
    },
    model.OperativeGoal: {
        "nummer": "Nummer des Ziels, im Handlungsfeld eindeutig. Bleibt fest, auch wenn sich "
        "der Text ändert, denn Maßnahmen verweisen darauf.",
        "text": "Das Ziel in einem Satz, sinngemäß aus dem Strategiedokument zusammengefasst "
        "(kein wörtliches Zitat; die Website weist darauf hin).",
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
        "fortschreibungen": "Die beschlossenen Fassungen (Gremium: bezeichnungen.rat), älteste "
        "zuerst.",
        "status": "Die erlaubten Status der Maßnahmen mit ihrer Bedeutung.",
        "fortschritt": "Was die Prozentangabe „fortschritt“ der Maßnahmen bedeutet.",
        "bewertung": "Skala und Kriterien der Bewertung.",
        "lizenz": "Lizenz der Inhalte und Daten; Fußzeile, Daten-Seite, Impressum, "
        "Druckfassung, Downloads und DCAT-Katalog nennen diese eine Angabe.",
        "kontakt": "Wer Fragen beantwortet.",
        "repository": "Wo die Daten liegen, für die Links „Quelle bearbeiten“.",
        "historie_ab": "Erster Tag des Verlaufs (JJJJ-MM-TT): Commits davor zeigen die Seite "
        "„Änderungen“ und der Feed nicht – etwa die Daten des Projekts, aus dem dieses "
        "Repository kopiert wurde. „strategie init“ setzt den Tag der Einrichtung.",
        "impressum": "Angaben für das Impressum. Fehlt eine Angabe, zeigt die Seite "
        "„vom Herausgeber auszufüllen“.",
        "datenschutz": "Angaben für die Datenschutzerklärung. Fehlt eine Angabe, zeigt die "
        "Seite „vom Herausgeber auszufüllen“.",
        "barrierefreiheit": "Angaben für die Erklärung zur Barrierefreiheit. Fehlt eine "
        "Angabe, zeigt die Seite „vom Herausgeber auszufüllen“.",
        "erscheinungsbild": "Farben und Logo der Website. Ohne diesen Abschnitt: neutrale "
        "Farben und ein neutrales Logo.",
        "bezeichnungen": "Wie die Stadt die Ebenen ihrer Strategie und ihren Rat nennt, etwa "
        "„Zukunftsaufgabe“ statt „Leitthema“. Ohne diesen Abschnitt: Leitthema, Handlungsfeld, "
        "Rat.",
    },
    presentation.Appearance: {
        "farben": "Die beiden Farben der Website.",
        "logo": "Dateiname eines Logos im SVG-Format im Ordner strategy/, z. B. „logo.svg“. "
        "Skripte, Ereignis-Attribute, foreignObject und Verweise auf andere Dateien sind nicht "
        "erlaubt. Ohne Angabe: ein neutrales Logo.",
    },
    presentation.Colours: {
        "primaer": "Hauptfarbe als „#rrggbb“: Hintergrund der Kopfzeile (weiße Schrift) und "
        "Farbe der Links. Braucht gegen Weiß ein Kontrastverhältnis von mindestens 4,5:1.",
        "akzent": "Akzentfarbe als „#rrggbb“: Links unter dem Mauszeiger, Fokusrahmen. "
        "Braucht gegen Weiß ein Kontrastverhältnis von mindestens 4,5:1.",
    },
    presentation.Labels: {
        "leitthema": "Bezeichnung der obersten Ebene (Standard: Leitthema/Leitthemen).",
        "handlungsfeld": "Bezeichnung der zweiten Ebene (Standard: Handlungsfeld/Handlungsfelder).",
        "rat": "Das Gremium, das die Strategie beschließt (Standard: Rat).",
    },
    presentation.Label: {
        "einzahl": "Einzahl, z. B. „Zukunftsaufgabe“.",
        "mehrzahl": "Mehrzahl, z. B. „Zukunftsaufgaben“.",
        "genus": "Grammatisches Geschlecht für die Artikel: maskulinum (der), femininum "
        "(die) oder neutrum (das).",
    },
    presentation.Council: {
        "name": "Name des Gremiums, z. B. „Rat“, „Gemeinderat“, „Stadtrat“ oder "
        "„Stadtverordnetenversammlung“.",
        "genus": "Grammatisches Geschlecht: maskulinum (der Rat) oder femininum (die "
        "Stadtverordnetenversammlung).",
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
        "kann. Ohne Angabe nennt die Website die Behörde des Landes aus dem Verzeichnis der "
        "Länder; trägt die Stadt dieselbe Behörde ein, ergänzt das Verzeichnis fehlende Angaben.",
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
        "durchsetzungsstelle": "Die Durchsetzungs- oder Schlichtungsstelle des Landes. Ohne "
        "Angabe nennt die Website die Stelle aus dem Verzeichnis der Länder; trägt die Stadt "
        "dieselbe Stelle ein, ergänzt das Verzeichnis fehlende Angaben.",
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
        "bundesland": "Bundesland, genau so geschrieben wie in der amtlichen Liste der 16 "
        "Länder; bestimmt Gesetze und Stellen in den Rechtstexten.",
        "gemeindeschluessel": "Amtlicher Gemeindeschlüssel, in Anführungszeichen; die ersten "
        "beiden Ziffern sind die Nummer des Landes.",
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
        "datum": "Datum des Beschlusses.",
        "beschluss": "Was der Rat beschlossen hat.",
        "drucksache": "Nummer der Ratsdrucksache.",
        "zusammenfassung": "Was sich in dieser Fassung geändert hat.",
    },
    model.Status: {
        "id": "Kennung, die Maßnahmen unter „status“ angeben.",
        "bezeichnung": "Wie der Status auf der Website heißt.",
        "definition": "Wann eine Maßnahme diesen Status hat.",
        "bedeutung": "Was der Status bedeutet, für seine Farbe in Balken und Diagrammen: "
        "geplant, vorbereitung, umsetzung, abgeschlossen, ruht oder eingestellt. Ohne Angabe "
        "gilt die Bedeutung der üblichen Kennungen (geplant, in-vorbereitung, in-umsetzung, "
        "abgeschlossen, verschoben, eingestellt), sonst eine eigene Farbe.",
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
        "id": "Kurzkennung der Lizenz. Bei dl-de/by-2-0, dl-de/zero-2-0, cc-by-4.0 und "
        "cc0-1.0 wird geprüft, dass „url“ auf den Text dieser Lizenz zeigt.",
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
        "plattform": "github oder gitlab (auch OpenCoDE): bestimmt die Links „bearbeiten“. "
        "Ohne Angabe: github bei Adressen auf github.com, sonst gitlab.",
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


#: A fitting example for each field that holds an id (the generic form names `e-government`,
#: which fits only a Handlungsfeld). Keyed by model and field.
ID_EXAMPLES: dict[tuple[type[model.Record], str], str] = {
    (model.Measure, "leitthema"): "verwaltung",
    (model.Measure, "handlungsfeld"): "e-government",
    (model.Measure, "status"): "in-umsetzung",
    (model.Measure, "verantwortlich"): "referat-verkehr",
    (model.Measure, "partner"): "stadtwerke",
    (model.Measure, "charta"): "leitlinie-2",
    (model.SpatialReference, "stadtteile"): "altstadt",
    (model.Rating, "werte"): "wichtigkeit",
    (model.Theme, "id"): "verwaltung",
    (model.FieldOfAction, "id"): "e-government",
    (model.Vision, "id"): "lebenswerter-raum",
    (model.Principle, "id"): "raeumliche-unterschiede",
    (model.Status, "id"): "in-umsetzung",
    (model.Criterion, "id"): "dringlichkeit",
    (model.PriorityMatrixSetting, "waagerecht"): "umsetzbarkeit",
    (model.PriorityMatrixSetting, "senkrecht"): "wichtigkeit",
    (model.Actor, "id"): "referat-verkehr",
    (model.District, "id"): "altstadt",
    (model.CharterGuideline, "id"): "leitlinie-1",
}
