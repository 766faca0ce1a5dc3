"""English word lists (data only; see ``__init__.py`` for what each list is for)."""

ABBREVIATIONS = """
Mr Mrs Ms Dr Prof St Sr Jr Gen Lt Col Capt Sgt Cmdr Adm Gov Sen Rep Rev Hon Pres
Inc Ltd Corp Co Bros vs etc e g i a m p No Nos Vol Fig Dept Univ Assn Ave Blvd Rd Mt Ft
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
U S S A U K N Y D C L A B C approx est
Ariz Calif Colo Conn Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev
Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo
""".split()

ORDINAL_DOT = False

SENTENCE_STARTERS = """
The A An He She It They We I This That These Those But And In On At After Before
However Meanwhile Mr Mrs Ms Dr His Her Its Their Our There Some Many Most
""".split()

MONTHS = """
January February March April May June July August September October November December
""".split()

WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

STOP_WORDS = """
the a an and or but nor of in on at to for from by with without about over under into onto
as than that this these those which who whom whose what when where while after before since
until during is are was were be been being has have had do does did will would shall should
can could may might must it its he she they them his her their we our you your i me my
not no only also still already just so very more most there here then now yet ever
said says say told according one two three
""".split()

REPORTING_VERBS = """
said says say told announced stated reported added noted declared claimed confirmed
explained insisted warned argued acknowledged according
""".split()

SUBORDINATORS = """
after because although though while when whenever before since until unless if whether
which who whom whose where as once so
""".split()

RELATIVE_PRONOUNS = "which who whom whose".split()

# Relative pronouns that stand for the subject of their clause: "The mayor, who
# took office in January 2014, said ..." titles the event "The mayor took office".
SUBJECT_RELATIVES = "who which".split()

# Subordinators that open a clause even without a comma before them.
INLINE_SUBORDINATORS = "after because although though while when before since until unless".split()

RELATIVE_VERB_FINAL = False
# Nouns are capitalised (German): a lower-case word after a year is then no noun it modifies.
NOUNS_CAPITALISED = False
VERB_SECOND = False

CONNECTIVES = """
Then Also But And However Meanwhile Moreover Furthermore Besides Still Yet So Thus
Later Earlier Finally Eventually Subsequently Afterwards Instead Indeed Now
""".split()

VAGUE_TIME_WORDS = """
currently now recently lately nowadays presently formerly once previously soon later
earlier meanwhile eventually sometimes always ever still already
""".split()

# Plural time units: a time expression built on them without a number is vague.
PLURAL_UNITS = """
days weeks months years decades centuries
""".split()

# Numbers written out: "two years ago" counts like "2 years ago" (a plural
# unit with a number is no vague span).
NUMBER_WORDS = """
two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand dozen
""".split()

TIME_PARTICLES = "only just already still".split()

TIME_PREPOSITIONS = ("on in at during by since from until till of the this last next early late "
                     "within throughout whole entire between over for through as its their his her our").split()

# Words that join two time expressions into one range or list ("between X and Y",
# "from X to Y", "the quarter ended X"): with both ends removed, they go too.
TIME_LINKS = "and to or through until till ended ending - – —".split()

NUMBER_CUES = "No No. Number Resolution Article Section Vol Vol. Chapter Room Flight".split()

DETERMINERS = """
the a an this that these those his her its their our my your some any every each all both
""".split()

INDEFINITE_ARTICLES = "a an".split()
DEFINITE_ARTICLES = "the".split()

PRONOUNS = "he she it they we i you".split()
REFLEXIVES = "".split()

AUXILIARIES = "has have had is are was were".split()

AUX_PRESENT = {}

PREPOSITIONS = """
in on at to for from by with without about over under into onto of against between among
through during after before since until near across along behind
""".split()

CONJUNCTIONS = "and".split()

# Words a headline never ends on (besides prepositions, determiners, conjunctions,
# subordinators and connectives): left dangling when what followed them was cut.
DANGLING_WORDS = "or but nor than that however also only just whose its".split()

# Sentence adverbs a headline drops when it must be shortened, and never ends on.
SENTENCE_ADVERBS = "however meanwhile moreover furthermore nevertheless nonetheless indeed thus also".split()

# Prepositions that also end a phrasal verb ("broke out", "took over"): a title may end on them.
VERB_PARTICLES = "over off out up down back away".split()

# Words that show a chunk starts with its predicate, i.e. lacks its subject
# ("…, is serving a life sentence", "…, and closed it"): finite auxiliaries and
# common irregular past forms, plus the endings of regular ones.
PREDICATE_STARTS = """
is are was were has have had will would can could may might must shall should did does do
been being became began took made led held won lost left fell rose sold bought paid met
sent told went came gave got saw fought ran struck broke drove flew grew knew spoke stood
threw wrote brought built caught chose found hit kept lay let put read said set shot
""".split()
PREDICATE_SUFFIXES = ("ed", "ing")
# The present tense's ending, shared with plural nouns: a predicate only after
# a subject cut off by a relative clause or participle phrase.
PRESENT_SUFFIXES = ("s",)

# A finite auxiliary a headline may drop only before a participle with these
# endings ("was killed" → "killed"; not "has the right", "was heating").
AUX_DROP_BEFORE_SUFFIXES = ("ed", "en", "wn")

NAME_PARTICLES = "al el von van de da di bin ibn del la le".split()

PERSON_CUES = """
President Prime Minister Secretary Chancellor King Queen Pope General Gen. Senator Sen.
Governor Gov. Mayor Mr. Mrs. Ms. Dr. Prof. Rep. Judge Justice Chairman Chief Spokesman
Spokeswoman Ambassador Director Leader Emperor Colonel Captain Lieutenant Admiral Sir Lord
""".split()

PERSON_CUE_SUFFIXES = ()

ORG_CUES = """
Party Ministry Department Government Congress Senate Parliament Court Association Corp.
Corporation Inc. Company Bank University Council Commission Agency Foundation Union Army
Navy Police Committee Institute Times Post Bureau Federal Reserve
""".split()

PLACES = """
Germany Austria Switzerland France Italy Spain Portugal Poland Russia Ukraine Belarus
Hungary Romania Bulgaria Greece Turkey Britain England Scotland Ireland Netherlands Belgium
Denmark Sweden Norway Finland Serbia Croatia Bosnia Kosovo Albania America Canada Mexico
Brazil Argentina Chile Cuba Venezuela Colombia China Japan Korea India Pakistan
Afghanistan Iran Iraq Syria Israel Lebanon Jordan Egypt Libya Tunisia Algeria Morocco
Yemen Qatar Kuwait Vietnam Thailand Indonesia Philippines Australia Kazakhstan Georgia
Armenia Azerbaijan Africa Nigeria Kenya Ethiopia Sudan Somalia Europe Asia
U.S. US USA U.K. UK Berlin Hamburg Munich Vienna Zurich Geneva Paris London Rome Madrid
Brussels Warsaw Moscow Kiev Washington New_York Da_Nang Los_Angeles Beijing Tokyo Seoul Pyongyang Damascus
Baghdad Tehran Jerusalem Cairo Istanbul Ankara Astana Hanoi Chicago Boston
Texas California Florida Normandy Stalingrad Leningrad Verdun Crimea Kosovo Belgrade
""".split()

ORGS = """
UN U.N. NATO EU APEC Apec G20 G7 G8 IS ISIS Kremlin Pentagon Congress Senate AP AFP
Reuters IMF White_House United_Nations European_Union Red_Army WHO OPEC FBI CIA NASA Wehrmacht Hamas Hezbollah Taliban Qaeda
""".split()

PLACE_PREPOSITIONS = "in from to at".split()

GENERIC_WORDS = "every each always typically usually".split()

# Words before a duration that count it back from the article date; none in
# English: the tagger dates "two weeks ago" itself.
AGO_BEFORE: list[str] = []

# Typographic quotation marks (Markdown articles): opening and closing, then the
# pair for a quotation inside a quotation; the apostrophe.
QUOTES = "“”‘’"
APOSTROPHE = "’"
