"""Zero config works; every key has a real effect; a bad config is one line
naming the file, the key and what was expected."""
from __future__ import annotations

import json
import re

import pytest

from site_builder.build import build
from site_builder.config import SCHEMA, load_config
from site_builder.errors import InputError

from helpers import write


def test_zero_config(tmp_path):
    config = load_config(tmp_path)
    assert config.title == "Timeline" and config.seeds_path == tmp_path / "seeds"
    assert config.timezone == "UTC" and config.timeline.order == "oldest-first"


def test_site_toml_and_pyproject_table(tmp_path):
    write(tmp_path / "site.toml", 'title = "Syrien"\nlanguage = "de"\n')
    assert load_config(tmp_path).title == "Syrien"
    other = tmp_path / "other"
    write(other / "pyproject.toml", '[project]\nname = "x"\n\n[tool.site-builder]\n'
                                    'title = "From pyproject"\n\n[tool.site-builder.timeline]\n'
                                    'order = "newest-first"\n')
    config = load_config(other)
    assert config.title == "From pyproject" and config.timeline.newest_first
    assert config.source == str(other / "pyproject.toml")


@pytest.mark.parametrize("body,words", [
    ('titel = "x"\n', ["unknown key 'titel'", "title"]),
    ("title = 3\n", ["key 'title' must be a string", "int"]),
    ('genre = "poetry"\n', ["key 'genre'", "news, narrative"]),
    ("keep_going = 1\n", ["key 'keep_going'", "true or false"]),
    ('timezone = "Mars/Olympus"\n', ["key 'timezone'", "IANA time zone", "Mars/Olympus"]),
    ("timezone = 1\n", ["key 'timezone' must be a string"]),
    ('base_url = "example.org/timeline"\n', ["key 'base_url'", "absolute http(s) URL"]),
    ('language = "fr"\n', ["key 'language'", "de, en"]),
    ('seeds_dir = "../elsewhere"\n', ["key 'seeds_dir'", "inside the site"]),
    ('timeline = "new"\n', ["key 'timeline' must be a table"]),
    ('[timeline]\norder = "random"\n', ["key 'timeline.order'", "oldest-first, newest-first"]),
    ('[timeline]\nfrom = "last year"\n', ["key 'timeline.from'", "YYYY-MM"]),
    ('[timeline]\nto = true\n', ["key 'timeline.to' must be a string"]),
    ('[timeline]\nper_page = 3\n', ["unknown key 'timeline.per_page'", "from, order, overview_above, to"]),
    ('[timeline]\noverview_above = 0\n', ["key 'timeline.overview_above'", "at least 1"]),
    ('[timeline]\noverview_above = "many"\n', ["key 'timeline.overview_above' must be a whole number"]),
    ('[theme]\ndir = "missing"\n', ["key 'theme.dir'", "existing folder", "missing"]),
    ('[theme]\ncolour = "red"\n', ["unknown key 'theme.colour'", "dir"]),
    ('title = "x\n', ["not valid TOML"]),
    # urlsplit raises on these; each used to end in a traceback or pass unchecked
    ('base_url = "https://[::1/"\n', ["key 'base_url'", "absolute http(s) URL"]),
    ('base_url = "https://example.org:99999/"\n', ["key 'base_url'", "absolute http(s) URL"]),
    ('base_url = "https://example.org/a b/"\n', ["key 'base_url'", "absolute http(s) URL"]),
    ("base_url = 'https://example.org/x\"><script>/'\n", ["key 'base_url'", "absolute http(s) URL"]),
    ('[timeline]\nfrom = 0\n', ["key 'timeline.from'", "YYYY"]),  # there is no year 0
    # the site folder itself: the build then refused to run, naming the output folder
    ('[theme]\ndir = "."\n', ["key 'theme.dir'", "inside the site", "'.'"]),
    ('seeds_dir = "./"\n', ["key 'seeds_dir'", "inside the site"]),
    # from after to leaves out every event: an empty timeline without a word why
    ('[timeline]\nfrom = "2018"\nto = 2017-06-30\n', ["'timeline.from' (2018) is after "
                                                     "'timeline.to' (2017-06-30)"]),
])
def test_bad_config(tmp_path, body, words):
    write(tmp_path / "site.toml", body)
    with pytest.raises(InputError) as info:
        load_config(tmp_path)
    message = str(info.value)
    assert message.startswith(str(tmp_path / "site.toml")) and "\n" not in message
    for w in words:
        assert w in message


@pytest.mark.parametrize("body,line", [('title = "a"\n\ntitle = "b"\n', 3),
                                       ('title = "a"\n[timeline\n', 2)])
def test_toml_syntax_errors_name_the_line(tmp_path, body, line):
    write(tmp_path / "site.toml", body)
    with pytest.raises(InputError, match="not valid TOML") as info:
        load_config(tmp_path)
    assert info.value.line == line and str(info.value).startswith(f"{tmp_path / 'site.toml'}:{line}: ")
    assert "(at line" not in str(info.value)


def test_unreadable_config_files_are_one_line_errors(tmp_path):
    (tmp_path / "site.toml").write_bytes('title = "M\u00fcller"\n'.encode("latin-1"))
    with pytest.raises(InputError, match="not valid UTF-8") as info:
        load_config(tmp_path)
    assert info.value.line == 1
    (tmp_path / "site.toml").unlink()
    (tmp_path / "site.toml").mkdir()  # was ignored: the defaults applied without a word
    with pytest.raises(InputError, match="cannot read"):
        load_config(tmp_path)
    (tmp_path / "site.toml").rmdir()
    write(tmp_path / "pyproject.toml", "tool = 1\n")
    with pytest.raises(InputError, match="'tool' must be a table"):
        load_config(tmp_path)


def test_bad_key_in_pyproject_names_pyproject(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.site-builder]\ntimezone = "Nowhere"\n')
    with pytest.raises(InputError) as info:
        load_config(tmp_path)
    assert str(info.value).startswith(str(tmp_path / "pyproject.toml") + ": key 'timezone'")


def test_command_line_override_is_checked_too(tmp_path):
    with pytest.raises(InputError) as info:
        load_config(tmp_path, {"base_url": "/timeline/"})
    assert str(info.value).startswith("option --base-url must be an absolute http(s) URL")


def test_toml_dates_and_years_are_accepted_for_the_window(tmp_path):
    write(tmp_path / "site.toml", "[timeline]\nfrom = 2017-05-01\nto = 2017\n")
    config = load_config(tmp_path)
    assert (config.timeline.date_from, config.timeline.date_to) == ("2017-05-01", "2017")


# -- every key has an effect on the built site ---------------------------------

def _datetimes(html: str) -> list[str]:
    from test_build import timeline_events
    return [e["datetime"] for e in timeline_events(html)]


def test_timeline_order_and_window_change_the_timeline(site):
    build(load_config(site))
    default = _datetimes((site / "output" / "index.html").read_text("utf-8"))
    assert default[0] == "2017-04" and default == sorted(default) and "2017-07" in default
    write(site / "site.toml", '[timeline]\norder = "newest-first"\nfrom = "2017-05"\n')
    build(load_config(site))
    newest = _datetimes((site / "output" / "index.html").read_text("utf-8"))
    assert newest == sorted(default[1:], reverse=True)  # April is before the window
    data = json.loads((site / "output" / "events.json").read_text("utf-8"))
    assert [e["date"] for e in data["events"]] == default[1:]
    write(site / "site.toml", '[timeline]\nto = "2017-07-31"\n')
    build(load_config(site))
    assert _datetimes((site / "output" / "index.html").read_text("utf-8")) == ["2017-04", "2017-07"]


def test_overview_threshold_splits_the_timeline_into_year_pages(site):
    build(load_config(site))
    assert not (site / "output" / "years").exists()
    write(site / "site.toml", "[timeline]\noverview_above = 2\n")
    build(load_config(site))
    assert (site / "output" / "years" / "2017" / "index.html").is_file()
    index = (site / "output" / "index.html").read_text("utf-8")
    assert _datetimes(index) == [] and 'href="years/2017/"' in index  # an overview, no list


def test_timezone_gives_clock_times_their_offset_in_events_json(tmp_path):
    write(tmp_path / "seeds" / "summit.md",
          "---\ntitle: Summit\ndate: 2017-07-07\nlang: en\n---\n"
          "The summit in Hamburg ended on July 8, 2017 at 2:30 p.m. with a joint declaration.\n\n"
          "The next meeting of the ministers starts on December 8, 2017 at 9 a.m. in Buenos Aires, "
          "the government said.\n")
    write(tmp_path / "site.toml", 'timezone = "Europe/Berlin"\n')
    build(load_config(tmp_path))
    data = json.loads((tmp_path / "output" / "events.json").read_text("utf-8"))
    assert data["timezone"] == "Europe/Berlin"
    stamps = {e["date"]: e.get("datetime") for e in data["events"]}
    assert stamps["2017-07-08T14:30"] == "2017-07-08T14:30:00+02:00"  # summer time
    assert stamps["2017-12-08T09:00"] == "2017-12-08T09:00:00+01:00"
    # the feed's times are the articles' midnights in the site's zone, given in UTC
    feed = (tmp_path / "output" / "feed.xml").read_text("utf-8")
    assert "<updated>2017-07-06T22:00:00Z</updated>" in feed


def test_theme_dir_sits_between_site_and_default_theme(site):
    write(site / "mytheme" / "static" / "style.css", "/* theme */\n")
    write(site / "mytheme" / "static" / "extra.css", "/* extra */\n")
    write(site / "mytheme" / "templates" / "404.html",
          '{% extends "base.html" %}{% block main %}<p>theme 404</p>{% endblock %}\n')
    write(site / "static" / "extra.css", "/* site */\n")
    write(site / "site.toml", '[theme]\ndir = "mytheme"\n')
    build(load_config(site))
    out = site / "output"
    assert (out / "static" / "style.css").read_text() == "/* theme */\n"
    assert (out / "static" / "extra.css").read_text() == "/* site */\n"
    assert "theme 404" in (out / "404.html").read_text("utf-8")
    assert (out / "static" / "timeline.js").is_file()  # the rest still comes from the default


def test_default_genre_changes_how_dates_resolve(tmp_path):
    write(tmp_path / "seeds" / "a.md", "---\ntitle: Rückblick\ndate: 2017-11-10\nlang: de\n---\n"
          "Im Jahr 1990 zog die Familie nach Berlin. Im Juli eröffnete der Vater dort eine Bäckerei.\n")

    def dates():
        build(load_config(tmp_path))
        return [e["date"] for e in json.loads((tmp_path / "output" / "events.json").read_text("utf-8"))["events"]]

    assert "2017-07" in dates()  # news: "im Juli" is July of the article's year
    write(tmp_path / "site.toml", 'genre = "narrative"\n')
    assert dates() == ["1990", "1990-07"]  # narrative: July of the story's year


def test_seeds_and_output_folders(tmp_path, seed_path):
    write(tmp_path / "articles" / seed_path.name, seed_path.read_text("utf-8"))
    write(tmp_path / "site.toml", 'seeds_dir = "articles"\noutput_dir = "public"\n')
    result = build(load_config(tmp_path))
    assert result.articles == 1 and (tmp_path / "public" / "index.html").is_file()
    assert not (tmp_path / "output").exists()


def test_language_and_title_reach_the_pages(site):
    write(site / "site.toml", 'title = "Gipfel"\nlanguage = "en"\n')
    build(load_config(site))
    html = (site / "output" / "index.html").read_text("utf-8")
    assert '<html lang="en">' in html and "<title>Gipfel" in html


def test_every_schema_key_is_documented_in_the_scaffold():
    from site_builder.scaffold import scaffold_files
    config_text = scaffold_files()["site.toml"].decode("utf-8")
    for key, option in SCHEMA.items():
        if option.table:
            assert f"# [{key}]" in config_text
            for sub in option.table:
                assert re.search(rf"^# {sub} = ", config_text, re.M), f"{key}.{sub}"
        else:
            assert re.search(rf"^# {key} = ", config_text, re.M), key


def test_site_toml_beside_a_pyproject_table_is_an_error_not_a_silent_choice(tmp_path):
    write(tmp_path / "site.toml", 'title = "From site.toml"\n')
    write(tmp_path / "pyproject.toml", '[tool.site-builder]\ntitle = "From pyproject"\n')
    with pytest.raises(InputError) as info:
        load_config(tmp_path)
    message = str(info.value)
    assert message.startswith(str(tmp_path / "site.toml") + ": ")
    assert "pyproject.toml" in message and "keep one" in message
    # a pyproject.toml without the table is no conflict
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(tmp_path).title == "From site.toml"
