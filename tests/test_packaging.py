"""A non-editable install carries the default theme: build works in a folder holding only seeds/."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest


@pytest.fixture(scope="module")
def wheel(tmp_path_factory, repo=None):
    from helpers import REPO
    dist = tmp_path_factory.mktemp("dist")
    res = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                          "-w", str(dist), str(REPO)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    (path,) = dist.glob("site_builder-*.whl")
    return path


def test_wheel_contains_theme(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("site_builder/theme/templates/index.html", "site_builder/theme/templates/base.html",
                   "site_builder/theme/static/style.css", "site_builder/cli.py",
                   "site_builder/schemas/events.schema.json", "site_builder/theme/static/embed.js"):
        assert needed in names


def test_installed_package_builds_site_with_only_seeds(wheel, site, tmp_path):
    target = tmp_path / "installed"
    res = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                          str(target), str(wheel)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    env = dict(os.environ, PYTHONPATH=str(target))
    res = subprocess.run([sys.executable, "-c", "import site_builder, sys; print(site_builder.__file__)"],
                         cwd=site, env=env, capture_output=True, text=True)
    assert res.stdout.startswith(str(target))
    res = subprocess.run([sys.executable, "-m", "site_builder", "build"], cwd=site, env=env,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert (site / "output" / "static" / "style.css").is_file()
    assert 'datetime="2017-07"' in (site / "output" / "index.html").read_text("utf-8")


def test_wheel_contains_the_new_site_skeleton(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("site_builder/skeleton/site.toml", "site_builder/skeleton/README.md",
                   "site_builder/skeleton/gitignore",
                   "site_builder/skeleton/seeds/2024-06-musterstadt-bruecke.txt",
                   "site_builder/skeleton/seeds/2024-09-example-city-library.md"):
        assert needed in names


def test_installed_package_scaffolds_a_site_that_builds(wheel, tmp_path):
    target = tmp_path / "installed"
    res = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                          str(target), str(wheel)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    env = dict(os.environ, PYTHONPATH=str(target))
    work = tmp_path / "work"
    work.mkdir()
    res = subprocess.run([sys.executable, "-m", "site_builder", "new", "blog"], cwd=work, env=env,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    res = subprocess.run([sys.executable, "-m", "site_builder", "build"], cwd=work / "blog", env=env,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "2 articles" in res.stderr
    assert (work / "blog" / "output" / "articles" / "example-city-library" / "index.html").is_file()
