"""German word lists (data only; see ``__init__.py`` for what each list is for)."""

ABBREVIATIONS = """
Nr Nrn Dr Prof St Hr Fr Frl Hrsg Jh Jhd Jhs Mio Mrd Tsd Bd Bde Abs Art Kap Ziff
z B bzw ca etc evtl ggf inkl insb vgl usw u a o ä s d h i e u U A sog ebd Mr Mrs
Jan Feb Febr Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez
Mo Di Mi Do Fr Sa So geb gest verh Str Pl Tel Abt Dir Gen Lt Oberst Kpt Kapt
v Chr n bzw Std Min Sek Kl Reg Bhf Inh max min rd Ltd Co Inc Corp Jr Sr
Ges Dipl Ing Mag Nachf Gebr Vors stellv Präs Hl hl
""".split()

ORDINAL_DOT = True

SENTENCE_STARTERS = """
Der Die Das Ein Eine Er Sie Es Wir Ich Dies Diese Dieser Doch Aber Und Auch Am Im In
""".split()

MONTHS = """
Januar Jänner Februar März Maerz April Mai Juni Juli August September Oktober November Dezember
""".split()

WEEKDAYS = """
Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag
""".split()

STOP_WORDS = """
der die das den dem des ein eine einen einem einer eines und oder aber doch sondern
in im ins an am auf aus bei beim mit nach von vom vor zu zum zur über unter um für gegen
ohne durch bis seit während wegen als wie dass ob wenn weil nachdem bevor
ist sind war waren wird werden wurde wurden worden sei seien hat haben hatte hatten habe
sich er sie es wir ihr ich man sein seine seiner seinem seinen ihre ihrer ihrem ihren
nicht nur auch noch schon bereits erst so sehr mehr bislang bisher derzeit jetzt nun dann
dies diese dieser dieses diesem diesen jene kein keine keinen zwei drei hier dort da
sagte sagten hieß heißt erklärte es
""".split()

# Finite forms of verbs that frame reported speech ("hieß es", "sagte X").
REPORTING_VERBS = """
sagte sagten sagt sagen gesagt hieß heißt hiess erklärte erklärten erklärt betonte betonten betont
teilte teilten mitgeteilt berichtete berichteten berichtet meldete meldeten meldet
sprach kündigte verlautete verlautbarte schrieb schreibt laut zufolge
""".split()

SUBORDINATORS = """
dass daß weil nachdem bevor ehe als wenn falls ob obwohl obgleich damit sodass indem
während seitdem sobald solange bis um ohne statt anstatt wie wo womit wodurch wonach
""".split()

RELATIVE_PRONOUNS = """
der die das dem den deren dessen denen welche welcher welches welchem welchen
""".split()

# None: "der" may be subject or object, and the verb-final clause would need
# its verb moved (and split: "antrat" -> "trat ... an") to stand alone.
SUBJECT_RELATIVES: list[str] = []

# German sets every subordinate clause off with commas, so none is needed inline.
INLINE_SUBORDINATORS = []

RELATIVE_VERB_FINAL = True
# Nouns are capitalised: a lower-case word after a year is then no noun it modifies.
NOUNS_CAPITALISED = True
VERB_SECOND = True

CONNECTIVES = """
Dann Daneben Danach Außerdem Zudem Auch Doch Aber Und Jedoch Allerdings Dabei Darauf
Daraufhin Später Zuvor Inzwischen Mittlerweile Nun Zuletzt Schließlich Damals Bereits
Zunächst Anschließend Somit Also Deshalb Daher Trotzdem Dennoch Ebenso Ferner Sodann
""".split()

VAGUE_TIME_WORDS = """
derzeit bislang bisher jetzt nun heutzutage zurzeit momentan aktuell gegenwärtig damals
einst früher später bald demnächst künftig zukünftig einmal neulich kürzlich jüngst
zeitweise zeitweilig inzwischen mittlerweile seither zuvor vorher nachher stets immer
""".split()

# Plural time units: a time expression built on them without a number is vague.
PLURAL_UNITS = """
Tagen Wochen Monaten Jahren Jahrzehnten Jahrhunderten Tage Wochen Monate Jahre Jahrzehnte
""".split()

# Numbers written out: "two years ago" counts like "2 years ago" (a plural
# unit with a number is no vague span).
NUMBER_WORDS = """
zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn
sechzehn siebzehn achtzehn neunzehn zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig
neunzig hundert tausend anderthalb eineinhalb zweieinhalb
""".split()

TIME_PARTICLES = "nur erst noch schon bereits".split()

TIME_PREPOSITIONS = """
am im an in um vom von zum zur bis ab seit dem den ende anfang mitte
für während innerhalb gegen ganzen ganze gesamten zwischen
""".split()

# Words that join two time expressions into one range or list ("zwischen X und Y",
# "von X bis Y"): with both ends removed, they go too.
TIME_LINKS = "und bis oder sowie auf zum - – —".split()  # "Nacht vom 16. auf den 17."

NUMBER_CUES = "Nr Nr. Nummer Resolution Paragraf Paragraph Artikel Art Art. Band Bd".split()

DETERMINERS = """
der die das den dem des ein eine einen einem einer eines sein seine seinen seinem seiner
ihr ihre ihren ihrem ihrer dieser diese dieses diesem diesen jener jene alle beide beiden
""".split()

INDEFINITE_ARTICLES = "ein eine einen einem einer eines".split()
DEFINITE_ARTICLES = "der die das den dem des".split()

PRONOUNS = "er sie es wir ihr ich man".split()
REFLEXIVES = "sich".split()

AUXILIARIES = """
hat haben hatte hatten ist sind war waren wurde wurden wird werden
""".split()

# Headlines prefer the perfect to the pluperfect ("hatten angegriffen" → "haben angegriffen").
AUX_PRESENT = {"hatte": "hat", "hatten": "haben", "war": "ist", "waren": "sind"}

PREPOSITIONS = """
in im ins an am auf aus bei beim mit nach von vom vor zu zum zur über unter um für gegen
ohne durch bis seit während wegen gegenüber zwischen hinter neben trotz laut
""".split()

CONJUNCTIONS = "und sowie oder".split()

# Words a headline never ends on (besides prepositions, determiners, conjunctions,
# subordinators and connectives): left dangling when what followed them was cut.
DANGLING_WORDS = "aber sondern jedoch allerdings als denn zwar".split()

# Sentence adverbs a headline drops when it must be shortened, and never ends on.
SENTENCE_ADVERBS = """
jedoch allerdings zudem außerdem daher deshalb dennoch trotzdem ebenfalls indessen hingegen
dagegen freilich nämlich also dabei somit folglich
""".split()

# Prepositions that also end a separable verb ("griff … an", "nahm … ein"): a title may end on them.
# Verb-second: a chunk's predicate never opens it, so none of these are needed.
PREDICATE_STARTS = []
PREDICATE_SUFFIXES = ()
PRESENT_SUFFIXES = ()
AUX_DROP_BEFORE_SUFFIXES = ()  # the participle comes last: any auxiliary may go

VERB_PARTICLES = "an auf aus ab bei mit nach vor zu um durch über unter ein entgegen gegenüber statt".split()

NAME_PARTICLES = "al el von van de da di bin ibn del der zu".split()

PERSON_CUES = """
Präsident Präsidenten Präsidentin Kanzler Kanzlerin Minister Ministerin Ministerpräsident
Außenminister Außenministerin Verteidigungsminister Innenminister Finanzminister
Staatschef Staatschefs Regierungschef Premier Premierminister Premierministerin König Königin
Papst General Generalsekretär Chef Chefin Kollege Kollegen Kollegin Sprecher Sprecherin
Herr Frau Dr. Prof. Senator Abgeordnete Abgeordneter Bürgermeister Bürgermeisterin Kaiser
""".split()

PERSON_CUE_SUFFIXES = ("sprecher", "sprecherin", "minister", "ministerin", "präsident",
                       "präsidentin", "kanzler", "kanzlerin", "chef", "chefin", "kollege",
                       "kollegen")

ORG_CUES = """
Partei Ministerium Regierung Bundestag Bundesrat Gericht Verband Konzern Bank Universität
Rat Sicherheitsrat Kommission Agentur Stiftung Gewerkschaft Armee Bundeswehr Polizei
""".split()

PLACES = """
Deutschland Österreich Schweiz Frankreich Italien Spanien Portugal Polen Russland Ukraine
Weißrussland Belarus Tschechien Slowakei Ungarn Rumänien Bulgarien Griechenland Türkei
Großbritannien England Schottland Irland Niederlande Belgien Luxemburg Dänemark Schweden
Norwegen Finnland Estland Lettland Litauen Serbien Kroatien Bosnien Kosovo Albanien
USA Amerika Kanada Mexiko Brasilien Argentinien Chile Kuba Venezuela Kolumbien
China Japan Korea Nordkorea Südkorea Indien Pakistan Afghanistan Iran Irak Syrien Israel
Libanon Jordanien Ägypten Libyen Tunesien Algerien Marokko Saudi-Arabien Jemen Katar
Vietnam Thailand Indonesien Philippinen Australien Kasachstan Usbekistan Georgien Armenien
Aserbaidschan Südafrika Nigeria Kenia Äthiopien Sudan Somalia Mali Europa Asien Afrika
Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Dresden Leipzig Bonn Wien
Zürich Genf Bern Paris London Rom Madrid Brüssel Warschau Moskau Kiew Washington
New_York Peking Tokio Seoul Pjöngjang Damaskus Aleppo Bagdad Teheran Jerusalem Kairo
Istanbul Ankara Astana Hanoi Da_Nang Meran Bozen Innsbruck Straßburg Luxemburg Sotschi
Minsk Stalingrad Leningrad Danzig Verdun Normandie Sewastopol Krim
""".split()

ORGS = """
UN UNO Nato NATO EU Apec APEC G20 G7 G8 IS Kreml Pentagon Bundesregierung Bundestag
Weißes_Haus Weiße_Haus Weißen_Haus Vereinte_Nationen Europäische_Union dpa AFP Reuters SPD CDU CSU FDP AfD Grüne Linke OSZE WHO IWF Weltbank
Wehrmacht Rote_Armee Hamas Hisbollah Taliban Al-Kaida Gazprom Siemens Volkswagen
""".split()

PLACE_PREPOSITIONS = "in nach aus bei".split()

GENERIC_WORDS = "jeweils jeden jedes jede immer stets".split()

# "vor zwei Wochen", "vor drei Jahren": the tagger marks the amount as a
# duration (TimeML); an event it dates lies that long before the article date.
AGO_BEFORE = ["vor"]

# Typographic quotation marks (Markdown articles): opening and closing, then the
# pair for a quotation inside a quotation; the apostrophe.
QUOTES = "„“‚‘"
APOSTROPHE = "’"
