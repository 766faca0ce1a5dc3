"""``site-builder publish``: atomic swap into a folder; commit to a git branch
of a real (local, bare) repository, with no commit when nothing changed."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.errors import InputError
from site_builder.publish import GitTarget, parse_target

from helpers import write

CLI = [sys.executable, "-m", "site_builder"]
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def run(*args, cwd=None):
    return subprocess.run(CLI + list(args), cwd=cwd, capture_output=True, text=True, timeout=180)


def git(*args, cwd=None) -> str:
    res = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True,
                         env=_git_env())
    return res.stdout.strip()


def _git_env():
    import os
    return dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _edit_seed(site: Path, old: str, new: str) -> None:
    seed = next((site / "seeds").glob("*.txt"))
    seed.write_text(seed.read_text("utf-8").replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("text,expected", [
    ("www", Path("www")),
    ("/var/www/html", Path("/var/www/html")),
    ("git:origin", GitTarget("origin", "gh-pages")),
    ("git:origin@pages", GitTarget("origin", "pages")),
    ("git:/srv/site.git@release/web", GitTarget("/srv/site.git", "release/web")),
    ("git:git@github.com:org/site.git", GitTarget("git@github.com:org/site.git", "gh-pages")),
    ("git:git@github.com:org/site.git@main", GitTarget("git@github.com:org/site.git", "main")),
    ("git:https://user@example.org/site.git", GitTarget("https://user@example.org/site.git", "gh-pages")),
    ("git:https://user@example.org/site.git@web", GitTarget("https://user@example.org/site.git", "web")),
])
def test_parse_target(text, expected):
    assert parse_target(text) == expected


def test_parse_target_needs_a_remote():
    with pytest.raises(InputError):
        parse_target("git:@main")


def test_publish_to_folder_swaps_in_exactly_the_built_site(site, tmp_path):
    docroot = tmp_path / "www"
    assert run("publish", "--site", str(site), "--to", str(docroot)).returncode == 0
    write(docroot / "stale.html", "from an older deploy")
    res = run("publish", "--site", str(site), "--to", str(docroot))
    assert res.returncode == 0, res.stderr
    assert f"to {docroot}" in res.stderr.strip().splitlines()[-1]
    assert _tree(docroot) == _tree(site / "output")  # stale.html is gone: a mirror
    assert not list(tmp_path.glob(".www.*"))  # no staging folders left behind
    _edit_seed(site, "im Juli", "im Juni")
    assert run("publish", "--site", str(site), "--to", str(docroot), "-q").returncode == 0
    assert 'datetime="2017-06"' in (docroot / "index.html").read_text("utf-8")
    assert (docroot.stat().st_mode & 0o777) == 0o755  # a web server can read it


def test_publish_refuses_folders_holding_the_site(site, tmp_path):
    for target in (site, site.parent, site / "seeds" / "x"):
        before = _tree(site / "seeds")
        res = run("publish", "--site", str(site), "--to", str(target))
        assert res.returncode == 1 and "refusing to publish" in res.stderr, target
        assert "Traceback" not in res.stderr and _tree(site / "seeds") == before


def test_publish_refuses_a_folder_of_other_files_instead_of_deleting_them(site, tmp_path):
    """A document root holding the user's own files (not a site published
    before) was replaced whole: notes.txt was gone."""
    docroot = tmp_path / "www"
    write(docroot / "notes.txt", "mine")
    res = run("publish", "--site", str(site), "--to", str(docroot))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {docroot}: refusing to publish here") and "notes.txt" in last
    assert _tree(docroot) == {"notes.txt": b"mine"}


@pytest.mark.parametrize("branch", ["", "-x", "HEAD", "two..dots", "x.lock", ".hidden", "a b", "end/"])
def test_parse_target_refuses_branch_names_git_would_refuse_or_misread(branch):
    with pytest.raises(InputError, match="not a branch name"):
        parse_target(f"git:/srv/site.git@{branch}")


def test_publish_no_build_needs_a_built_site(site, tmp_path):
    res = run("publish", "--site", str(site), "--to", str(tmp_path / "www"), "--no-build")
    assert res.returncode == 1 and "run 'site-builder build' first" in res.stderr


@needs_git
def test_publish_to_git_commits_and_unchanged_site_makes_no_commit(site, tmp_path):
    bare = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(bare))
    res = run("publish", "--site", str(site), "--to", f"git:{bare}")
    assert res.returncode == 0, res.stderr
    first = git("rev-parse", "refs/heads/gh-pages", cwd=bare)
    files = set(git("ls-tree", "-r", "--name-only", first, cwd=bare).splitlines())
    assert files == set(_tree(site / "output")) | {".nojekyll"}
    index = git("show", f"{first}:index.html", cwd=bare)
    assert index == (site / "output" / "index.html").read_text("utf-8").rstrip("\n")

    res = run("publish", "--site", str(site), "--to", f"git:{bare}")
    assert res.returncode == 0 and "already up to date" in res.stderr
    assert git("rev-parse", "refs/heads/gh-pages", cwd=bare) == first  # no new commit

    _edit_seed(site, "im Juli", "im Juni")
    res = run("publish", "--site", str(site), "--to", f"git:{bare}", "-m", "June, not July")
    assert res.returncode == 0, res.stderr
    second = git("rev-parse", "refs/heads/gh-pages", cwd=bare)
    assert second != first and git("rev-parse", f"{second}^", cwd=bare) == first  # history kept
    assert git("log", "-1", "--format=%s", second, cwd=bare) == "June, not July"
    assert 'datetime="2017-06"' in git("show", f"{second}:index.html", cwd=bare)


@needs_git
def test_publish_to_a_remote_name_and_branch_of_the_sites_repository(site, tmp_path):
    bare = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(bare))
    write(bare / "hooks" / "unused", "")  # a remote that has other content
    git("init", "-q", str(site))
    git("remote", "add", "origin", str(bare), cwd=site)
    write(site / "notes.txt", "the user's work in progress")
    res = run("publish", "--site", str(site), "--to", "git:origin@web")
    assert res.returncode == 0, res.stderr
    head = git("rev-parse", "refs/heads/web", cwd=bare)
    assert "index.html" in git("ls-tree", "--name-only", head, cwd=bare).splitlines()
    # the user's own checkout is untouched: no commits, nothing staged
    assert subprocess.run(["git", "rev-parse", "HEAD"], cwd=site, capture_output=True).returncode != 0
    status = git("status", "--porcelain", "--untracked-files=normal", cwd=site).splitlines()
    assert status and all(line.startswith("?? ") for line in status)  # nothing staged


@needs_git
def test_publish_to_unreachable_remote_is_one_line_error(site, tmp_path):
    res = run("publish", "--site", str(site), "--to", f"git:{tmp_path / 'nowhere.git'}")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("error: cannot reach git remote") and "nowhere.git" in last
    assert "does not appear to be a git repository" in last  # git's reason, not its advice
