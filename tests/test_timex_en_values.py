"""English news: rules found by comparing the tagger with HeidelTime on TBAQ, one sentence each."""
from site_builder.timex import tag


def en(text, dct="2017-11-13", genre="news"):
    """{surface text: (type, value)} of the English tagger's output (2017-11-13 is a Monday)."""
    return {t.text: (t.type, t.value) for t in tag(text, dct, "en", genre)}


def test_today_s_world_is_the_present_era_not_the_document_s_day():
    assert en("The case is for today's youth what the blockade was for their parents.") == {}
    assert en("Mothers in today's world can prove paternity.") == {}
    # the day's own things stay the document's day
    assert en("Now for today's geography quiz.")["today"][1] == "2017-11-13"


def test_a_part_of_day_that_classifies_a_programme_is_no_time():
    assert en("He said so on state television's morning talk show.") == {}
    assert en("She works the night shift at the plant.") == {}
    assert en("They met on Friday morning.")["Friday morning"][1] == "2017-11-10TMO"


def test_news_an_amount_of_days_earlier_is_a_duration_like_later():
    # "[three days] later" and "[a day] earlier": the amount, anchored at an event
    assert en("There were no shipments. A day earlier, trucks streamed north.")["A day"] == (
        "DURATION", "P1D")
    assert en("Three days later, the index was down.")["Three days"] == ("DURATION", "P3D")


def test_a_planning_word_before_the_noun_it_qualifies_is_no_future_cue():
    # "the hastily planned trip" names a trip; the clause gives no tense: the last Friday
    text = "On Friday, when she set aside vacation plans for the hastily planned trip, she spoke."
    assert en(text)["Friday"][1] == "2017-11-10"
    # a planning verb with its object still looks forward
    assert en("The attorney has scheduled a news conference Thursday.")["Thursday"][1] == (
        "2017-11-16")
    assert en("The team planned to leave on Thursday.")["Thursday"][1] == "2017-11-16"


def test_as_planned_compares_with_a_plan_and_is_no_future_cue():
    text = "He let the ground offensive begin as previously planned Saturday night."
    assert en(text)["Saturday night"][1] == "2017-11-11TNI"


def test_news_soon_looks_ahead_only_in_a_forward_clause():
    assert en("Kellogg soon will begin selling boxes for 99 cents.")["soon"] == (
        "DATE", "FUTURE_REF")
    assert en("It said it would liquidate the maker as soon as possible.")[
        "as soon as possible"] == ("DATE", "FUTURE_REF")
    # a past clause, an event it is tied to, a narrative: it only orders events
    assert en("He was soon released from the hospital.") == {}
    assert en("They will leave as soon as the talks end.") == {}
    assert en("He had been killed soon after being captured.") == {}
    assert en("The army will soon attack the town.", genre="narrative") == {}


def test_news_the_unit_of_a_rate_after_an_amount_is_no_time_narratives_keep_it():
    assert en("Unisys said that should help it save $500 million a year in costs.") == {}
    assert en("It expects sales to rise 8.5% annually.") == {}
    assert en("Room rates will be between $35 and $55 a night.") == {}
    # a point counted back after an amount stays: "up from $10 million a year ago"
    assert en("Gains rose to $31 million, up from $10 million a year ago.")["a year ago"][0] == (
        "DATE")
    story = "Insurgent attacks were averaging 30 a day; the army lost 32,000 per year."
    assert en(story, dct="2009-12-19", genre="narrative")["a day"] == ("DURATION", "P1D")
    assert en(story, dct="2009-12-19", genre="narrative")["per year"] == ("SET", "P1Y")


def test_election_day_is_the_tuesday_after_the_first_monday_in_november():
    # 1 November 2016 was a Tuesday before any Monday: the election fell on the 8th
    assert en("The campaign runs from now to Election Day.", dct="2016-10-20")[
        "Election Day"] == ("DATE", "2016-11-08")
    assert en("The campaign runs from now to Election Day.", dct="1998-10-26")[
        "Election Day"] == ("DATE", "1998-11-03")
    assert en("Flowers sell best before Mother's Day.", dct="2017-04-20")[
        "Mother's Day"] == ("DATE", "2017-05-14")


def test_news_a_bare_the_day_is_no_day_of_its_own():
    assert en("Late in the day, lawyers emerged from the meeting.") == {}
    assert en("During the day Friday, the boy played in the yard.") == {
        "Friday": ("DATE", "2017-11-10")}
    # in apposition to a date, or counted from an event, it still is one
    assert en("Eight trading days after Oct. 12, the day before the plunge, it fell.")[
        "the day"] == ("DATE", "2017-10-12")
    assert "the day" in en("The men showed up at his house the day after his death.")
