"""Broken input through the command line.

Each bad case: exit 1, one line on stderr naming the file (and the line
where known), no traceback, the previous ``output/`` byte-identical and
nothing left beside it.  With ``--keep-going`` a bad article is skipped with
a warning and the rest is built.  Encodings and line ends that are merely
unusual are read, not rejected.
"""
from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from site_builder.cli import main

from helpers import SEED, write

SEED_PAGE = f"articles/{SEED.stem}/index.html"


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def cli_build(site: Path, *args: str):
    return CliRunner().invoke(main, ["build", "--site", str(site), *args])


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    """The seed site, built once: the known-good previous output."""
    root = tmp_path_factory.mktemp("good")
    (root / "seeds").mkdir()
    shutil.copy(SEED, root / "seeds" / SEED.name)
    result = cli_build(root)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def site(built_site, tmp_path) -> Path:
    """A copy of the built seed site, to break."""
    root = tmp_path / "site"
    shutil.copytree(built_site, root)
    return root


def _articles(**files: bytes):
    def make(seeds: Path) -> None:
        for name, data in files.items():
            (seeds / name.replace("__", ".")).write_bytes(data)
    return make


def _big_article(size: int, single_line: bool):
    def make(seeds: Path) -> None:
        para = SEED.read_text("utf-8").split(" - ", 1)[1].replace("\n", " " if single_line else "\n")
        sep = " " if single_line else "\n\n"
        with open(seeds / "huge.txt", "w", encoding="utf-8") as fh:
            fh.write("date 2017-11 Berlin (dpa) - ")
            written = 0
            while written < size:
                fh.write(para + sep)
                written += len(para.encode()) + len(sep)
    return make


FM = "---\ntitle: Gipfel\n{}\n---\nDie Staats- und Regierungschefs trafen sich am Freitag.\n"

# id → (make the bad files in seeds/, the location the error must name, words in the message)
BAD_ARTICLES = {
    "broken_yaml_front_matter": (
        _articles(broken__md=b"---\ntitle: ok\ntags: [a, b\n---\nText.\n"), "broken.md:3", ["YAML", "flow sequence"]),
    "front_matter_date_not_a_date": (
        _articles(d__md=FM.format("date: next friday").encode()), "d.md:3", ["date", "not a date"]),
    "front_matter_date_year_0": (
        _articles(d__md=FM.format("date: 0000-01-01").encode()), "d.md:3", ["date", "year 0"]),
    "front_matter_date_year_99999": (
        _articles(d__md=FM.format("date: 99999-01-01").encode()), "d.md:3", ["date", "99999"]),
    "front_matter_date_not_in_calendar": (
        _articles(d__md=FM.format("date: 2017-02-30").encode()), "d.md:3", ["date"]),
    "malformed_plain_text_date_header": (
        _articles(bad__txt=b"\n\ndate 2017-1x\nBerlin (dpa) - Text.\n"), "bad.txt:3", ["date"]),
    "invalid_utf8": (
        _articles(bad__txt=b"date 2017-11\nBerlin (dpa) - Gut.\n\nKaputt \xc3\x28 hier.\n"),
        "bad.txt:4", ["UTF-8"]),
    "empty_file": (_articles(empty__md=b""), "empty.md", ["empty"]),
    "whitespace_only_file": (_articles(blank__txt=b" \n\t\r\n"), "blank.txt", ["empty"]),
    "png_image_in_seeds": (_articles(photo__png=png_bytes()), "photo.png", ["no reader", ".png"]),
    "png_bytes_named_like_an_article": (_articles(photo__txt=png_bytes()), "photo.txt", []),
    "article_of_50_mb": (_big_article(50 * 1024 * 1024, False), "huge.txt", ["1 024 KiB", "max_article_kb"]),
    "single_line_of_10_mb": (_big_article(10 * 1024 * 1024, True), "huge.txt", ["1 024 KiB", "max_article_kb"]),
}


def assert_one_line_error(result, location: str, words: list[str]) -> str:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    # One error line; warnings about other articles may come before it.
    lines = [line for line in result.stderr.strip().splitlines() if not line.startswith("warning: ")]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("error: ") and location in lines[0], lines[0]
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def assert_previous_output_untouched(site: Path, built_site: Path) -> None:
    assert snapshot(site / "output") == snapshot(built_site / "output")
    assert not [p.name for p in site.iterdir() if p.name.startswith(".output.") and p.name != ".output.lock"]


@pytest.mark.parametrize("case", list(BAD_ARTICLES))
def test_bad_article_fails_build_with_one_line_and_keeps_previous_output(site, built_site, case):
    make, location, words = BAD_ARTICLES[case]
    make(site / "seeds")
    assert_one_line_error(cli_build(site), location, words)
    assert_previous_output_untouched(site, built_site)


@pytest.mark.parametrize("case", ["broken_yaml_front_matter", "invalid_utf8", "png_image_in_seeds",
                                  "article_of_50_mb"])
def test_keep_going_skips_bad_article_with_warning_and_builds_the_rest(site, built_site, case):
    make, location, _ = BAD_ARTICLES[case]
    make(site / "seeds")
    result = cli_build(site, "--keep-going")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and location in warnings[0]
    assert snapshot(site / "output") == snapshot(built_site / "output")  # the rest: the seed alone


def test_size_limit_is_configurable(site):
    write(site / "site.toml", "max_article_kb = 1\n")
    assert_one_line_error(cli_build(site), f"{SEED.name}", ["larger than the limit of 1 KiB"])
    write(site / "site.toml", "max_article_kb = 0\n")
    assert_one_line_error(cli_build(site), "site.toml", ["max_article_kb", "at least 1"])


def test_ten_mb_single_line_is_read_in_one_pass_when_allowed(tmp_path):
    """Raising the limit lets the reader take a 10 MB line (no per-line blow-up)."""
    from site_builder.readers import ReadOptions, read_article

    _big_article(10 * 1024 * 1024, True)(tmp_path)
    article = read_article(tmp_path / "huge.txt", ReadOptions(max_bytes=16 * 1024 * 1024))
    assert article.date.value == "2017-11" and len(article.text) > 10_000_000
    assert article.dateline.agency == "dpa" and len(article.title) <= 141


def test_two_articles_with_same_slug_name_both_files(site, built_site):
    write(site / "seeds" / "a.md", FM.format("slug: same"))
    write(site / "seeds" / "sub" / "b.md", FM.format("slug: same"))
    line = assert_one_line_error(cli_build(site), "seeds/", ["slug 'same'"])
    assert "seeds/a.md" in line and "seeds/sub/b.md" in line
    assert_previous_output_untouched(site, built_site)


def test_names_differing_only_in_case_are_refused_as_one_slug(site, built_site):
    """Policy: slugs are lower case, so Gipfel.md and gipfel.md would be one page
    (and collide on a case-insensitive file system): the build names both."""
    write(site / "seeds" / "Gipfel.md", FM.format("lang: de"))
    write(site / "seeds" / "gipfel.md", FM.format("lang: de"))
    line = assert_one_line_error(cli_build(site), "seeds/", ["slug 'gipfel'"])
    assert "Gipfel.md" in line and "gipfel.md" in line
    assert_previous_output_untouched(site, built_site)


@pytest.mark.parametrize("body,words", [
    ('colour_scheme = "dark"\n', ["unknown key 'colour_scheme'"]),
    ("title = 3\n", ["key 'title' must be a string"]),
    ('keep_going = "yes"\n', ["keep_going", "true or false"]),
    ('max_article_kb = "1MB"\n', ["max_article_kb", "whole number"]),
    ("[title]\nx = 1\n", ["key 'title' must be a string"]),
    ('title = "unclosed\n', ["not valid TOML"]),
])
def test_bad_config_fails_build_with_one_line_and_keeps_previous_output(site, built_site, body, words):
    write(site / "site.toml", body)
    assert_one_line_error(cli_build(site), "site.toml", words)
    assert_previous_output_untouched(site, built_site)


@pytest.mark.parametrize("body,line,words", [
    ("{% if %}broken\n", 1, ["template error", "Expected an expression"]),
    ('{% extends "base.html" %}{% block main %}\n{{ article.no_such_key }}{% endblock %}\n', 2,
     ["template error", "no attribute 'no_such_key'"]),
    ('<p>\n{{ 1 + "a" }}\n', 2, ["template error", "unsupported operand"]),
    ('{% include "missing.html" %}\n', 1, ["template not found: missing.html"]),
])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_broken_template_override_fails_with_its_file_and_line(site, built_site, monkeypatch,
                                                                 body, line, words, jobs):
    """A site's own templates/ may hold any mistake: one line naming the
    template file and line, whether the page is made here or by a worker."""
    from site_builder import build as build_module

    monkeypatch.setattr(build_module, "POOL_MIN_ARTICLES", 1)  # the worker pool makes the page
    shutil.rmtree(site / ".site-builder-cache")  # extract again, so the pool starts
    write(site / "templates" / "article.html", body)
    assert_one_line_error(cli_build(site, "--jobs", jobs), f"article.html:{line}", words)
    assert_previous_output_untouched(site, built_site)


@pytest.mark.parametrize("site_arg,shown", [(".", "templates/article.html:2"),
                                             ("seeds/..", "seeds/../templates/article.html:2")])
def test_a_broken_template_is_named_as_the_site_folder_was_given(site, built_site, monkeypatch,
                                                                  site_arg, shown):
    """Like a seed, a site's template is named from the folder as given,
    not by the absolute path the template loader found it under."""
    write(site / "templates" / "article.html", '<p>\n{{ 1 + "a" }}\n')
    monkeypatch.chdir(site)
    result = CliRunner().invoke(main, ["build", "--site", site_arg])
    line = assert_one_line_error(result, shown, ["unsupported operand"])
    assert line.startswith(f"error: {shown}: template error"), line
    assert_previous_output_untouched(site, built_site)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_template_that_is_not_utf8_is_named_not_the_one_extending_it(site, built_site,
                                                                      monkeypatch, jobs):
    """The error used to name the default theme's index.html, which extends the broken base.html."""
    from site_builder import build as build_module

    monkeypatch.setattr(build_module, "POOL_MIN_ARTICLES", 1)
    shutil.rmtree(site / ".site-builder-cache")
    (site / "templates").mkdir()
    (site / "templates" / "base.html").write_bytes(b"{# fine #}\n{# M\xfcller #}\n")  # Latin-1
    line = assert_one_line_error(cli_build(site, "--jobs", jobs), "templates/base.html:2",
                                 ["not valid UTF-8"])
    assert "index.html" not in line
    assert_previous_output_untouched(site, built_site)


@pytest.mark.parametrize("name,encode", [
    ("bom.txt", lambda t: b"\xef\xbb\xbf" + t.encode()),
    ("utf16le.txt", lambda t: t.encode("utf-16")),
    ("utf16be.txt", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
    ("crlf.txt", lambda t: t.replace("\n", "\r\n").encode()),
    ("cr.txt", lambda t: t.replace("\n", "\r").encode()),
])
def test_bom_utf16_crlf_and_cr_articles_build_like_plain_utf8(tmp_path, name, encode):
    text = ("date 2017-11\ntitle Gipfel in Hamburg\nHamburg (dpa) - Die Regierung hat das Gesetz "
            "im Juli beschlossen.\n\nZweiter Absatz über die Pläne.\n")
    plain, odd = tmp_path / "plain", tmp_path / "odd"
    for root, data in ((plain, text.encode()), (odd, encode(text))):
        (root / "seeds").mkdir(parents=True)
        (root / "seeds" / "gipfel.txt").write_bytes(data)
        result = cli_build(root)
        assert result.exit_code == 0, result.output
    page = (odd / "output" / "articles" / "gipfel" / "index.html").read_text("utf-8")
    assert "\ufeff" not in page and "\r" not in page and "Zweiter Absatz über die Pläne." in page
    assert snapshot(odd / "output") == snapshot(plain / "output")


def test_timeline_yml_that_cannot_be_read_is_one_line(site, built_site):
    (site / "timeline.yml").mkdir()
    assert_one_line_error(cli_build(site), "timeline.yml", ["cannot read"])
    (site / "timeline.yml").rmdir()
    (site / "timeline.yml").write_bytes(b"retitle:\n  x: M\xfcller\n")  # Latin-1
    assert_one_line_error(cli_build(site), "timeline.yml:2", ["not valid UTF-8"])
    assert_previous_output_untouched(site, built_site)


def test_timeline_yml_naming_no_event_warns_and_fails_strict(site, built_site):
    """An id that matches no event (a typo, an edited sentence) would otherwise do nothing."""
    write(site / "timeline.yml", "hide:\n  - no-such-event-12345678\n")
    result = cli_build(site)
    assert result.exit_code == 0, result.output
    assert "warning: timeline.yml: no event has the id 'no-such-event-12345678'" in result.stderr
    assert_one_line_error(cli_build(site, "--strict"), "output", ["--strict"])
    assert snapshot(site / "output") == snapshot(built_site / "output")


def test_build_output_into_a_folder_of_other_files_is_refused_not_emptied(site, tmp_path):
    """The writer swaps the whole folder: '--output ~/Documents' would delete it."""
    mine = tmp_path / "mine"
    write(mine / "notes.txt", "mine")
    (mine / ".git").mkdir()
    line = assert_one_line_error(cli_build(site, "--output", str(mine)), str(mine),
                                 ["refusing to build here"])
    assert ".git" in line and "notes.txt" in line
    assert snapshot(mine) == {"notes.txt": b"mine"} and (mine / ".git").is_dir()
    empty = tmp_path / "empty"
    empty.mkdir()
    for _ in range(2):  # an empty folder, then the site built there before
        assert cli_build(site, "--output", str(empty)).exit_code == 0
    assert (empty / "index.html").is_file()


def test_seeds_that_is_a_file_is_named_as_such(site, built_site):
    shutil.rmtree(site / "seeds")
    write(site / "seeds", "not a folder")
    assert_one_line_error(cli_build(site), "seeds", ["is a file, not a folder"])
    assert_previous_output_untouched(site, built_site)


def test_a_followed_symlink_loop_in_seeds_is_skipped_with_a_warning(site, built_site):
    (site / "seeds" / "loop-a").symlink_to("loop-b")
    (site / "seeds" / "loop-b").symlink_to("loop-a")
    write(site / "site.toml", "follow_symlinks = true\n")
    result = cli_build(site)
    assert result.exit_code == 0 and "Traceback" not in result.stderr, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2
    for warning, name in zip(warnings, ("loop-a", "loop-b")):  # in name order
        assert warning.startswith("warning: skipped ") and warning.endswith(
            f"seeds/{name}: Too many levels of symbolic links"), warning
    assert snapshot(site / "output") == snapshot(built_site / "output")


@pytest.mark.parametrize("folder", ["static", "templates"])
def test_a_pipe_or_broken_link_in_the_theme_is_passed_over(site, built_site, folder):
    """A named pipe blocked the build for ever (its read never ends) and a
    broken link was a traceback; the theme skips both, so the build does too."""
    import os

    (site / folder).mkdir()
    os.mkfifo(site / folder / ("base.html" if folder == "templates" else "site.css"))
    (site / folder / "gone.html").symlink_to(site / "nowhere")
    result = cli_build(site)
    assert result.exit_code == 0 and "Traceback" not in result.stderr, result.stderr
    assert snapshot(site / "output") == snapshot(built_site / "output")


def test_empty_seeds_warns_that_the_site_is_built_empty(site, built_site):
    """A wrong seeds_dir or an emptied folder replaced the site by an empty one without a word."""
    for path in (site / "seeds").iterdir():
        path.unlink()
    assert_one_line_error(cli_build(site, "--strict"), "output", ["--strict"])
    assert_previous_output_untouched(site, built_site)
    result = cli_build(site)
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == [
        f"warning: {site / 'seeds'}: no articles found; the site is built empty"]


def test_output_that_is_a_file_or_a_symlink_is_named_for_what_it_is(site, tmp_path):
    """Both were 'output path exists and is not a folder', and only after the whole build."""
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "keep.txt", "mine")
    shutil.rmtree(site / "output")
    (site / "output").symlink_to(elsewhere)
    assert_one_line_error(cli_build(site), "output", ["is a symbolic link", str(elsewhere)])
    assert snapshot(elsewhere) == {"keep.txt": b"mine"}
    (site / "output").unlink()
    write(site / "output", "a file")
    assert_one_line_error(cli_build(site), "output", ["is a file, not a folder"])
    assert (site / "output").read_text() == "a file"


def test_a_mistyped_front_matter_key_is_a_warning_naming_file_and_line(site, built_site):
    """'tilte:' would be ignored without a word; a key of another tool
    ('layout:') is left alone; --strict turns the warning into a failure."""
    write(site / "seeds" / "typo.md",
          "---\ntilte: Gipfel\nlayout: post\ndate: 2017-07-07\n---\nAm 7. Juli 2017 begann der Gipfel.\n")
    result = cli_build(site)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1, result.stderr
    assert "typo.md:2: front matter key 'tilte'" in warnings[0] and "did you mean 'title'?" in warnings[0]
    again = cli_build(site)  # nothing changed: the warning is told again
    assert "did you mean 'title'?" in again.stderr
    strict = cli_build(site, "--strict")
    assert strict.exit_code == 1 and "did you mean 'title'?" in strict.stderr
