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
