"""English forms of agency news and encyclopedic history outside the dev corpora, one rule each."""
from site_builder.timex import tag


def en(text, dct="2017-11-15", genre="news"):
    """{surface text: (type, value)} of the English tagger's output (2017-11-15 is a Wednesday)."""
    return {t.text: (t.type, t.value) for t in tag(text, dct, "en", genre)}


def test_a_quarter_or_half_of_a_year_named_relatively_is_one_expression():
    assert en("Results are expected in the second half of next year.") == {
        "the second half of next year": ("DATE", "2018-H2")}
    assert en("Sales fell in the first quarter of this year.") == {
        "the first quarter of this year": ("DATE", "2017-Q1")}
    assert en("Profit rose in the fourth quarter of last year.") == {
        "the fourth quarter of last year": ("DATE", "2016-Q4")}


def test_four_digits_before_a_time_zone_are_a_clock_time_not_a_year():
    assert en("The rocket lifted off at 2:30 p.m. local time (1830 GMT).") == {
        "2:30 p.m.": ("TIME", "2017-11-15T14:30")}
    assert "1830" not in en("Polls close at 1830 UTC on Sunday.")
    # a year stays a year
    assert en("In 1830 the revolution began.", None, "narrative") == {"1830": ("DATE", "1830")}


def test_a_position_in_a_century_or_decade_named_with_the_is_one_expression():
    assert en("By the end of the 19th century, the empire was in decline.", None, "narrative") == {
        "the end of the 19th century": ("DATE", "18")}
    assert en("In the middle of the 16th century, the city grew.", None, "narrative") == {
        "the middle of the 16th century": ("DATE", "15")}
    assert en("At the end of the 1930s, tensions rose.") == {
        "the end of the 1930s": ("DATE", "193")}
    mods = {t.text: t.mod for t in tag("At the beginning of the 20th century it grew.", None, "en",
                                       "narrative")}
    assert mods == {"the beginning of the 20th century": "START"}


def test_years_of_the_common_era_marked_ad_or_ce_are_dates():
    assert en("In AD 79, Vesuvius erupted.", None, "narrative") == {"AD 79": ("DATE", "0079")}
    assert en("The dynasty ruled from 206 BC to AD 220.", None, "narrative") == {
        "206 BC": ("DATE", "BC0206"), "AD 220": ("DATE", "0220")}
    assert en("It was built around 200 CE.", None, "narrative") == {"200 CE": ("DATE", "0200")}
    assert en("The empire fell in the 5th century AD.", None, "narrative") == {
        "the 5th century AD": ("DATE", "04")}


def test_quarters_halves_and_fiscal_years_written_as_codes():
    assert en("The company reported Q3 2019 earnings on Monday.")["Q3 2019"] == ("DATE", "2019-Q3")
    assert en("Sales fell in H1 2018.") == {"H1 2018": ("DATE", "2018-H1")}
    assert en("Growth slowed in 2019 Q3.") == {"2019 Q3": ("DATE", "2019-Q3")}
    assert en("Profit rose in Q3.") == {"Q3": ("DATE", "2017-Q3")}
    assert en("FY2018 revenue rose 5%.") == {"FY2018": ("DATE", "2018")}
    assert en("FY18 sales rose.") == {"FY18": ("DATE", "2018")}
    # a code that names no period: a product, an impossible half
    assert en("The model Q3 is popular.") == {}
    assert en("the H3 2018 paper") == {"2018": ("DATE", "2018")}


def test_early_or_late_before_a_weekday_is_part_of_the_expression():
    tagged = {t.text: (t.value, t.mod) for t in tag("The storm hit late Sunday, officials said.",
                                                    "2017-11-15", "en", "news")}
    assert tagged == {"late Sunday": ("2017-11-12", "END")}
    tagged = {t.text: (t.value, t.mod) for t in tag("It will arrive early Friday.", "2017-11-15",
                                                    "en", "news")}
    assert tagged == {"early Friday": ("2017-11-17", "START")}


def test_a_clock_time_takes_the_day_named_right_after_it():
    assert en("The armistice was signed at 11 a.m. on 11 November 1918.", None, "narrative") == {
        "11 a.m.": ("TIME", "1918-11-11T11:00"), "11 November 1918": ("DATE", "1918-11-11")}
    assert en("The offer expires at 5 p.m. on Dec. 1.")["5 p.m."] == ("TIME", "2017-12-01T17:00")
    # without a day after it, the time stays on the document's day
    assert en("The meeting ends at 5 p.m. on the day.")["5 p.m."] == ("TIME", "2017-11-15T17:00")


def test_the_hundreds_of_a_year_before_2000_are_a_century():
    assert en("Trade grew in the 1400s.", None, "narrative") == {"the 1400s": ("DATE", "14")}
    assert en("In the early 1900s the town grew.", None, "narrative") == {
        "the early 1900s": ("DATE", "19")}
    # a decade stays a decade, and so do the 2000s
    assert en("the 1910s and the 2000s", None, "narrative") == {
        "the 1910s": ("DATE", "191"), "the 2000s": ("DATE", "200")}


def test_a_season_paired_with_a_later_one_takes_its_year():
    assert en("In the summer and autumn of 1914, the armies clashed.", None, "narrative") == {
        "the summer": ("DATE", "1914-SU"), "autumn of 1914": ("DATE", "1914-FA")}
    assert en("Sales rose in the spring and summer of 2016.")["the spring"] == ("DATE", "2016-SP")


def test_a_scheduling_verb_in_the_present_looks_ahead():
    # 2017-11-15 is a Wednesday: "begins Monday" is the coming Monday
    assert en("The 10-day trip begins Monday.")["Monday"] == ("DATE", "2017-11-20")
    assert en("The trial resumes Thursday.") == {"Thursday": ("DATE", "2017-11-16")}
    assert en("The law takes effect Sunday.") == {"Sunday": ("DATE", "2017-11-19")}
    # the past form stays past
    assert en("Shares opened lower on Monday.") == {"Monday": ("DATE", "2017-11-13")}


def test_an_approximate_year_spans_its_approximator():
    tagged = {t.text: (t.value, t.mod) for t in tag("Around 1500, the kingdom expanded. The fort "
                                                    "was built c. 1200.", None, "en", "narrative")}
    assert tagged == {"Around 1500": ("1500", "APPROX"), "c. 1200": ("1200", "APPROX")}
    # an approximate count stays a count
    assert en("About 1500 soldiers died.", None, "narrative") == {}


def test_a_frequency_is_a_set():
    assert en("The magazine is published twice a year.") == {"twice a year": ("SET", "P1Y")}
    assert en("He trains three times a week.") == {"three times a week": ("SET", "P1W")}
    assert en("They meet once a month.") == {"once a month": ("SET", "P1M")}
