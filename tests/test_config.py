"""Zero config works; a bad config is one line naming file, key and expectation."""
from __future__ import annotations

import pytest

from site_builder.config import load_config
from site_builder.errors import InputError

from helpers import write


def test_zero_config(tmp_path):
    config = load_config(tmp_path)
    assert config.title == "Timeline" and config.seeds_path == tmp_path / "seeds"


def test_site_toml_and_pyproject_table(tmp_path):
    write(tmp_path / "site.toml", 'title = "Syrien"\nlanguage = "de"\n')
    assert load_config(tmp_path).title == "Syrien"
    other = tmp_path / "other"
    write(other / "pyproject.toml", '[tool.site-builder]\ntitle = "From pyproject"\n')
    assert load_config(other).title == "From pyproject"


@pytest.mark.parametrize("body,words", [
    ('titel = "x"\n', ["unknown key 'titel'", "title"]),
    ("title = 3\n", ["key 'title' must be a string", "int"]),
    ('genre = "poetry"\n', ["genre", "news, narrative"]),
    ("keep_going = 1\n", ["keep_going", "true or false"]),
    ('title = "x\n', ["not valid TOML"]),
])
def test_bad_config(tmp_path, body, words):
    write(tmp_path / "site.toml", body)
    with pytest.raises(InputError) as info:
        load_config(tmp_path)
    message = str(info.value)
    assert message.startswith(str(tmp_path / "site.toml")) and "\n" not in message
    for w in words:
        assert w in message
