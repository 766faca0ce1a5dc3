"""Faults: builds killed mid-way, full and read-only disks, two builds at once.

After each, ``output/`` is a complete known-good site (the previous or the
new one, never a mix) and the next build succeeds.
"""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from site_builder.cli import main
from site_builder.output import build_lock

from faults import fork_build, kill_loop, leftovers, make_seeds, snapshot, switch_duration, wait_child
from helpers import write

ARTICLES = 5


def cli_build(site: Path, *args: str):
    return CliRunner().invoke(main, ["build", "--site", str(site), *args])


def seeds_a(seeds: Path) -> None:
    make_seeds(seeds, ARTICLES)


def seeds_b(seeds: Path) -> None:
    make_seeds(seeds, ARTICLES, variant=" (geändert)")


@pytest.fixture(scope="module")
def known_good(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """The complete output trees of seed states A and B, built undisturbed."""
    trees = {}
    for name, make in (("A", seeds_a), ("B", seeds_b)):
        root = tmp_path_factory.mktemp(name)
        make(root / "seeds")
        assert cli_build(root).exit_code == 0
        trees[name] = snapshot(root / "output")
    assert trees["A"] != trees["B"]
    return trees


@pytest.fixture
def site_a(tmp_path, known_good) -> Path:
    """A site whose output/ holds the complete tree A."""
    site = tmp_path / "site"
    seeds_a(site / "seeds")
    assert cli_build(site).exit_code == 0
    assert snapshot(site / "output") == known_good["A"]
    return site


def test_sigkill_at_20_moments_leaves_previous_or_new_site_never_a_mix(site_a, known_good):
    duration = switch_duration(site_a, {"A": seeds_a, "B": seeds_b})  # warm, undisturbed
    # 20 kill moments: 16 spread over the build, 4 well after its expected end
    # (a loaded machine builds slower); shuffled so that early and late kills
    # follow each other.
    delays = [duration * k / 16 for k in range(1, 17)] + [duration * k for k in (2, 3, 4, 6)]
    random.Random(8).shuffle(delays)
    records = kill_loop(site_a, known_good, {"A": seeds_a, "B": seeds_b}, delays)

    assert [r for r in records if r["found"] == "mixed"] == []
    # The kills really were spread: some left the previous site, some the
    # new one.  (Kills in the write stage are among them, but need leave no
    # trace: the spare tree a build updates already holds the site two
    # builds back, here the very site being written.)
    assert any(r["found"] == r["from"] for r in records), records
    assert any(r["found"] != r["from"] for r in records), records
    # The next build succeeds, gives the complete new site and cleans up.
    seeds_b(site_a / "seeds")
    assert cli_build(site_a).exit_code == 0
    assert snapshot(site_a / "output") == known_good["B"]
    assert leftovers(site_a) == []


def _mount_tmpfs(mnt: Path, size_kb: int) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (the ENOSPC path is also covered "
                    "by test_output.py's simulated error)")
    mnt.mkdir(parents=True, exist_ok=True)
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(mnt)],
                         capture_output=True, text=True)
    if res.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {res.stderr.strip()}")


@pytest.fixture
def tmpfs(tmp_path):
    mnt = tmp_path / "mnt"
    yield mnt
    if os.path.ismount(mnt):
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _blocks_kb(tree: dict[str, bytes]) -> int:
    return sum(-(-len(data) // 4096) * 4 for data in tree.values()) + 4 * 16


def test_full_disk_gives_one_line_error_and_keeps_previous_site(site_a, known_good, tmpfs):
    """A real tmpfs with room for the site once, not for the old and a bigger new one."""
    need = _blocks_kb(known_good["A"])
    _mount_tmpfs(tmpfs, need + need // 2)
    out = tmpfs / "output"
    assert cli_build(site_a, "--output", str(out)).exit_code == 0
    assert snapshot(out) == known_good["A"]

    write(site_a / "static" / "video.bin", "x" * (need * 1024))  # the new site needs more room
    result = cli_build(site_a, "--output", str(out))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(out) in lines[0] and "No space left on device" in lines[0]
    assert snapshot(out) == known_good["A"]
    assert sorted(p.name for p in tmpfs.iterdir()) == [".output.lock", "output"]  # staging removed

    (site_a / "static" / "video.bin").unlink()  # room again: the next build succeeds
    subprocess.run(["mount", "-o", f"remount,size={3 * need}k", str(tmpfs)], check=True)
    seeds_b(site_a / "seeds")
    assert cli_build(site_a, "--output", str(out)).exit_code == 0
    assert snapshot(out) == known_good["B"]


def test_read_only_output_location_gives_one_line_error_and_keeps_previous_site(site_a, known_good,
                                                                                tmpfs):
    if os.geteuid() == 0:  # root ignores permission bits: use a read-only mount
        _mount_tmpfs(tmpfs, 4 * _blocks_kb(known_good["A"]))
    else:
        tmpfs.mkdir()
    out = tmpfs / "output"
    assert cli_build(site_a, "--output", str(out)).exit_code == 0
    if os.geteuid() == 0:
        subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    else:
        os.chmod(out, 0o555)
        os.chmod(tmpfs, 0o555)
    try:
        seeds_b(site_a / "seeds")
        result = cli_build(site_a, "--output", str(out))
    finally:
        if os.geteuid() != 0:
            os.chmod(tmpfs, 0o755)
            os.chmod(out, 0o755)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(out) in lines[0] and "read-only" in lines[0].lower(), lines
    assert snapshot(out) == known_good["A"]


def test_build_refuses_while_another_build_holds_the_site(site_a, known_good):
    with build_lock(site_a / "output"):
        seeds_b(site_a / "seeds")
        result = cli_build(site_a)
    assert result.exit_code == 1
    assert "another build of this site is running" in result.stderr
    assert snapshot(site_a / "output") == known_good["A"]
    assert cli_build(site_a).exit_code == 0  # released: the next build goes through
    assert snapshot(site_a / "output") == known_good["B"]


def test_two_builds_started_at_once_give_one_complete_site(site_a, known_good):
    seeds_b(site_a / "seeds")
    cmd = [sys.executable, "-m", "site_builder", "build", "--site", str(site_a)]
    procs = [subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for code, err in results:
        assert code == 0 or (code == 1 and "another build of this site is running" in err), err
        assert "Traceback" not in err
    assert any(code == 0 for code, _ in results)
    assert snapshot(site_a / "output") == known_good["B"]
    assert leftovers(site_a) == []


def test_forked_builds_race_each_other_and_leave_one_complete_site(site_a, known_good):
    """Four pairs of builds started within microseconds (no interpreter start-up)."""
    for i in range(4):
        (seeds_b if i % 2 == 0 else seeds_a)(site_a / "seeds")
        codes = [wait_child(pid) for pid in [fork_build(site_a), fork_build(site_a)]]
        assert 0 in codes and set(codes) <= {0, 1}, codes
        assert snapshot(site_a / "output") == known_good["B" if i % 2 == 0 else "A"]
    assert leftovers(site_a) == []


@pytest.mark.parametrize("damage", ["cache folder is a file", "cache files are folders",
                                    "cache files are garbage"])
def test_damaged_build_cache_is_ignored_and_the_build_still_succeeds(site_a, known_good, damage):
    from site_builder import cache

    folder = site_a / cache.CACHE_DIR
    # every file the cache holds, in sub-folders too (compiled templates)
    names = [p.relative_to(folder) for p in folder.rglob("*")
             if p.is_file() and not p.name.startswith(".")]
    assert names  # the first build left a cache to damage
    if damage == "cache folder is a file":
        shutil.rmtree(folder)
        folder.write_bytes(b"\x00garbage")
    for name in names if damage != "cache folder is a file" else []:
        (folder / name).unlink()
        if damage == "cache files are folders":
            (folder / name).mkdir()
        else:
            (folder / name).write_bytes(os.urandom(64))
    seeds_b(site_a / "seeds")
    result = cli_build(site_a)
    assert result.exit_code == 0 and "Traceback" not in result.stderr, result.output
    assert snapshot(site_a / "output") == known_good["B"]
    if damage != "cache files are garbage":  # cannot be saved: said once per file, not fatal
        assert "build cache not saved" in result.stderr
