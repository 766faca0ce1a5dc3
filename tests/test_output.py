"""The writer swaps the whole site in or leaves the previous one untouched."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_builder.errors import InputError
from site_builder.output import BuildLocked, build_lock, recover, safe_relpath, write_site


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_write_replaces_whole_tree(tmp_path):
    out = tmp_path / "output"
    write_site({"index.html": b"one", "old/page.html": b"x"}, out)
    write_site({"index.html": b"two", "a/b/c.txt": b"c"}, out)
    assert snapshot(out) == {"index.html": b"two", "a/b/c.txt": b"c"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]  # nothing left beside it


@pytest.mark.parametrize("bad", ["../evil", "/etc/passwd", "a/../../b", "", "a\\..\\b"])
def test_paths_outside_output_are_refused(tmp_path, bad):
    with pytest.raises(ValueError):
        safe_relpath(bad)
    with pytest.raises(ValueError):
        write_site({"index.html": b"x", bad: b"y"}, tmp_path / "output")
    assert not (tmp_path / "evil").exists()


def test_failure_halfway_leaves_previous_output_byte_identical(tmp_path, monkeypatch):
    out = tmp_path / "output"
    write_site({"index.html": b"good", "articles/a/index.html": b"A"}, out)
    before = snapshot(out)

    class Boom(Exception):
        pass

    calls = {"n": 0}
    real_open = open

    def failing_open(path, mode="r", *args, **kwargs):
        if "w" in mode:
            calls["n"] += 1
            if calls["n"] == 3:
                raise Boom("disk on fire")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", failing_open)
    with pytest.raises(Boom):
        write_site({f"p{i}.html": b"new" for i in range(10)}, out)
    monkeypatch.undo()
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_os_error_becomes_input_error_and_keeps_output(tmp_path, monkeypatch):
    out = tmp_path / "output"
    write_site({"index.html": b"good"}, out)
    import site_builder.output as output

    def no_space(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output, "_write_file", no_space)
    with pytest.raises(InputError, match="No space left"):
        write_site({"index.html": b"new"}, out)
    assert snapshot(out) == {"index.html": b"good"}


def test_every_new_file_is_flushed_to_disk_before_the_swap(tmp_path, monkeypatch):
    """Durability: a crash right after the swap must not show files whose
    bytes never reached the disk.  One syncfs of the new tree's file system
    where there is one; else an fsync of each file written."""
    import site_builder.output as output

    out = tmp_path / "output"
    write_site({"index.html": b"old"}, out)
    events = []
    real_swap = output._swap_in
    monkeypatch.setattr(output, "_swap_in", lambda *a, **k: (events.append("swap"),
                                                              real_swap(*a, **k))[1])
    monkeypatch.setattr(output, "_syncfs", lambda root: events.append(("syncfs", root.name))
                        or True)
    write_site({"index.html": b"new", "a/b.html": b"x"}, out)
    assert events[0][0] == "syncfs" and events[0][1].startswith(".output.new-")
    assert events[1:] == ["swap"]

    # no syncfs on this platform: each written file is fsynced, still before the swap
    events.clear()
    real_fsync = os.fsync
    monkeypatch.setattr(output, "_syncfs", lambda root: False)
    monkeypatch.setattr(output.os, "fsync", lambda fd: (
        events.append(Path(os.readlink(f"/proc/self/fd/{fd}")).name), real_fsync(fd))[1])
    write_site({"index.html": b"newer", "a/b.html": b"y", "c.html": b"z"}, out)
    swap = events.index("swap")
    assert {"index.html", "b.html", "c.html"} <= set(events[:swap])
    assert snapshot(out)["c.html"] == b"z"


def test_recover_restores_site_after_kill_between_renames(tmp_path):
    out = tmp_path / "output"
    old = tmp_path / ".output.old-abc"
    old.mkdir()
    (old / "index.html").write_bytes(b"previous")
    half = tmp_path / ".output.new-xyz"
    half.mkdir()
    (half / "index.html").write_bytes(b"half")
    recover(out)
    assert snapshot(out) == {"index.html": b"previous"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_second_build_is_refused_while_one_runs(tmp_path):
    out = tmp_path / "output"
    with build_lock(out):
        with pytest.raises(BuildLocked, match="another build"):
            with build_lock(out):
                pass
    with build_lock(out):  # released afterwards
        pass
