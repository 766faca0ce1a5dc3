"""Loading timeline.yml: hide, retitle, redate; one-line errors with file and line."""
import pytest

from site_builder.curation import Curation, load_curation
from site_builder.dates import PartialDate
from site_builder.errors import InputError


def write(tmp_path, text):
    p = tmp_path / "timeline.yml"
    p.write_text(text, encoding="utf-8")
    return p


def test_missing_or_empty_file_means_no_curation(tmp_path):
    assert load_curation(tmp_path / "timeline.yml") == Curation()
    assert load_curation(write(tmp_path, "")) == Curation()


def test_reads_hide_retitle_redate(tmp_path):
    cur = load_curation(write(tmp_path, (
        "hide:\n  - s-1111aaaa\nretitle:\n  s-2222bbbb: Trump trifft Putin\n"
        "redate:\n  s-3333cccc: 2017-04-07\n  s-4444dddd: 2017-07\n  s-5555eeee: 2017\n")))
    assert cur.hide == frozenset({"s-1111aaaa"})
    assert cur.title_for("s-2222bbbb") == "Trump trifft Putin"
    assert cur.date_for("s-3333cccc") == PartialDate("2017-04-07")
    assert cur.date_for("s-4444dddd").granularity == "month"
    assert cur.date_for("s-5555eeee") == PartialDate("2017")
    assert cur.title_for("unknown") is None


@pytest.mark.parametrize("text, line, words", [
    ("hide: s-1\n", 1, ["hide", "list of event ids"]),
    ("hide:\n  - s-1\nretitel:\n  s-2: x\n", 3, ["retitel", "hide, retitle, redate"]),
    ("redate:\n  s-1: 2017-13-45\n", 2, ["redate.s-1", "date such as"]),
    ("redate:\n  s-1: bald\n", 2, ["redate.s-1", "'bald'"]),
    ("retitle:\n  s-1:\n    - a\n", 3, ["retitle.s-1", "title"]),
    ("retitle: [unclosed\n", 2, ["not valid YAML"]),
    ("- a\n- b\n", 1, ["top level", "mapping"]),
    # YAML keeps the last of two equal keys: the first entry would vanish silently
    ("hide: [s-1]\nhide: [s-2]\n", 2, ["'hide' is given twice", "line 1"]),
    ("retitle:\n  s-1: A\n  s-1: B\n", 3, ["retitle", "'s-1' is given twice", "line 2"]),
    ("? [a]\n: b\n", 1, ["top level", "a key"]),
    # TIMEX3 reads "12" as the 12th century and "197" as the 1970s; year 0 does not exist
    ("redate:\n  s-1: 12\n", 2, ["redate.s-1", "'12'"]),
    ("redate:\n  s-1: 197\n", 2, ["redate.s-1", "'197'"]),
    ("redate:\n  s-1: 0000-01-01\n", 2, ["redate.s-1", "'0000-01-01'"]),
])
def test_errors_name_file_line_key_and_expectation(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as info:
        load_curation(path)
    err = info.value
    assert err.path == str(path) and err.line == line
    message = str(err)
    assert "\n" not in message and message.startswith(f"{path}:{line}: ")
    for w in words:
        assert w in message


def test_unreadable_or_mis_encoded_file_is_a_one_line_error(tmp_path):
    path = tmp_path / "timeline.yml"
    path.write_bytes("retitle:\n  s-1: M\u00fcller\n".encode("latin-1"))
    with pytest.raises(InputError) as info:
        load_curation(path)
    assert info.value.line == 2 and "not valid UTF-8" in str(info.value)
    path.unlink()
    path.mkdir()
    with pytest.raises(InputError, match="cannot read"):
        load_curation(path)


def test_unknown_ids_are_those_no_event_has(tmp_path):
    cur = load_curation(write(tmp_path, "hide: [s-1, s-9]\nretitle:\n  s-8: T\nredate:\n  s-2: 2017\n"))
    assert cur.unknown_ids({"s-1", "s-2", "s-3"}) == ["s-8", "s-9"]
