"""``site-builder new``: a scaffold that builds at once; never overwrites anything."""
from __future__ import annotations

import re
import subprocess
import sys

from site_builder.config import load_config

CLI = [sys.executable, "-m", "site_builder"]


def run(*args, cwd=None):
    return subprocess.run(CLI + list(args), cwd=cwd, capture_output=True, text=True, timeout=120)


def test_new_site_builds_at_once_with_both_input_formats(tmp_path):
    res = run("new", "mysite", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    site = tmp_path / "mysite"
    seeds = sorted(p.suffix for p in (site / "seeds").iterdir())
    assert seeds == [".md", ".txt"]
    assert (site / "site.toml").is_file() and (site / "README.md").is_file()
    assert "/output/" in (site / ".gitignore").read_text()
    res = run("build", "--strict", cwd=site)  # no warnings either
    assert res.returncode == 0, res.stderr
    assert re.search(r"2 articles, \d+ events, 0 warnings", res.stderr)
    index = (site / "output" / "index.html").read_text("utf-8")
    for slug in ("2024-06-musterstadt-bruecke", "example-city-library"):
        assert f'href="articles/{slug}/' in index
        assert (site / "output" / "articles" / slug / "index.html").is_file()


def test_scaffold_config_lists_every_key_with_valid_defaults(tmp_path):
    assert run("new", str(tmp_path / "s")).returncode == 0
    site = tmp_path / "s"
    text = (site / "site.toml").read_text("utf-8")
    assert load_config(site).title == "Timeline"  # all commented out: the defaults
    # uncomment every setting: the defaults shown are themselves valid config
    uncommented = re.sub(r"^# (\[?[a-z_]+\]?( = .*)?)$", r"\1", text, flags=re.M)
    (site / "site.toml").write_text(uncommented, encoding="utf-8")
    config = load_config(site)
    assert config.timezone == "UTC" and config.timeline.order == "oldest-first"


def test_new_refuses_a_non_empty_folder(tmp_path):
    target = tmp_path / "existing"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    res = run("new", str(target))
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and str(target) in lines[0] and "not empty" in lines[0]
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    assert (target / "notes.txt").read_text() == "mine"


def test_new_refuses_a_file_and_accepts_an_empty_folder(tmp_path):
    (tmp_path / "file").write_text("x")
    res = run("new", str(tmp_path / "file"))
    assert res.returncode == 1 and "not a folder" in res.stderr and "Traceback" not in res.stderr
    (tmp_path / "empty").mkdir()
    assert run("new", str(tmp_path / "empty")).returncode == 0
    assert (tmp_path / "empty" / "site.toml").is_file()


def test_new_accepts_a_fresh_git_repository_but_not_its_own_files(tmp_path):
    # "git init && site-builder new ." is the usual start of a published site
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    assert run("new", str(repo)).returncode == 0
    assert (repo / "site.toml").is_file() and (repo / ".git" / "HEAD").read_text().startswith("ref:")
    # a .gitignore of the user's would be overwritten by the site's: refused, untouched
    other = tmp_path / "other"
    other.mkdir()
    (other / ".gitignore").write_text("mine\n")
    res = run("new", str(other))
    assert res.returncode == 1 and "not empty" in res.stderr and "Traceback" not in res.stderr
    assert [p.name for p in other.iterdir()] == [".gitignore"]
    assert (other / ".gitignore").read_text() == "mine\n"
