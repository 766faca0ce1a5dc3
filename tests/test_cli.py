"""The command line: extract JSON, batch mode, one-line errors."""
from __future__ import annotations

import json
import re
import subprocess
import sys

from helpers import write

CLI = [sys.executable, "-m", "site_builder"]


def run(*args, cwd=None, stdin=None):
    return subprocess.run(CLI + list(args), cwd=cwd, input=stdin, capture_output=True, text=True,
                          timeout=120)


def test_extract_seed_json(repo, seed_path):
    res = run("extract", str(seed_path.relative_to(repo)), cwd=repo)
    assert res.returncode == 0, res.stderr
    record = json.loads(res.stdout)
    assert record["source"] == "seeds/000_8d4080564ea0615d.txt"
    assert record["dct"] == "2017-11" and record["lang"] == "de"
    text = seed_path.read_text(encoding="utf-8")
    april = [t for t in record["timexes"] if t["text"] == "April"]
    assert april == [{"start": 2255, "end": 2260, "text": "April", "type": "DATE",
                      "value": "2017-04", "mod": None}]
    for t in record["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"]
        assert set(t) == {"start", "end", "text", "type", "value", "mod"}
    dates = [e["date"] for e in record["events"]]
    assert dates == sorted(dates) and {"2017-04", "2017-07", "2017-11"} <= set(dates)
    for e in record["events"]:
        assert {"id", "date", "title", "sentence", "start", "end"} <= set(e)
        assert text[e["start"]:e["end"]] == e["sentence"]
        assert len(e["title"]) <= 90


def test_extract_plain_and_batch_agree(tmp_path, seed_path):
    body = "Die Regierung hatte im April angekündigt, das Gesetz zu ändern. Resolution Nr. 2254 gilt."
    path = write(tmp_path / "raw.txt", body)
    res = run("extract", "--plain", "--dct", "2017-11-10", "--lang", "de", "--genre", "news", str(path))
    assert res.returncode == 0, res.stderr
    plain = json.loads(res.stdout)
    assert [t["value"] for t in plain["timexes"]] == ["2017-04"]
    lines = "".join(json.dumps({"id": f"d{i}", "text": body, "dct": "2017-11-10", "lang": "de",
                                "genre": "news"}) + "\n" for i in range(3))
    res = run("extract", "--batch", stdin=lines)
    assert res.returncode == 0, res.stderr
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["id"] for o in out] == ["d0", "d1", "d2"]
    assert all(o["timexes"] == plain["timexes"] for o in out)


def test_bad_input_is_one_line_error_without_traceback(tmp_path):
    (tmp_path / "seeds").mkdir()
    write(tmp_path / "seeds" / "bad.txt", "date 2017-13\nBerlin (dpa) - Text.\n")
    res = run("build", "--site", str(tmp_path))
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.txt:1" in lines[0]
    res = run("extract", "--batch", stdin="not json\n")
    assert res.returncode == 1 and "<stdin>:1" in res.stderr and "Traceback" not in res.stderr


def test_batch_fields_of_the_wrong_kind_are_one_line_errors(tmp_path):
    for item, words in [({"id": "a", "text": 5}, "'text' must be a string"),
                        ({"id": "a", "text": "x", "lang": "fr"}, "'lang' must be one of de, en"),
                        ({"id": "a", "text": "x", "genre": "poem"}, "'genre' must be one of"),
                        ({"id": "a", "text": "x", "dct": 2017}, "'dct' must be a string")]:
        res = run("extract", "--batch", stdin="\n" + json.dumps(item) + "\n")
        assert res.returncode == 1 and "Traceback" not in res.stderr, res.stderr
        assert res.stderr.startswith(f"error: <stdin>:2: {words}"), res.stderr
        assert len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_batch_with_a_file_argument_is_refused_not_ignored(tmp_path):
    """--batch reads stdin; a list file named after it used to be ignored silently."""
    path = write(tmp_path / "list.jsonl", json.dumps({"id": "a", "text": "x"}) + "\n")
    res = run("extract", "--batch", str(path), stdin="")
    assert res.returncode == 2 and "give no FILES" in res.stderr and "Traceback" not in res.stderr


def test_build_command_summary(site):
    res = run("build", "--site", str(site))
    assert res.returncode == 0, res.stderr
    assert "1 article," in res.stderr and (site / "output" / "index.html").is_file()


# -- build options ---------------------------------------------------------------

def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_strict_turns_warnings_into_failure_and_keeps_previous_output(site):
    assert run("build", "--site", str(site)).returncode == 0
    before = _tree(site / "output")
    write(site / "seeds" / "bad.txt", "date 2017-13\nBerlin (dpa) - Text.\n")
    res = run("build", "--site", str(site), "--keep-going")
    assert res.returncode == 0 and "warning: skipped" in res.stderr and "1 warning," in res.stderr
    assert _tree(site / "output") == before  # the bad file was skipped, nothing else changed
    (site / "output" / "index.html").write_bytes(b"previous")
    before = _tree(site / "output")
    res = run("build", "--site", str(site), "--keep-going", "--strict")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "warning: skipped" in res.stderr and "--strict" in res.stderr.strip().splitlines()[-1]
    assert _tree(site / "output") == before


def test_strict_fails_on_an_article_without_events(site):
    write(site / "seeds" / "quiet.md", "---\ntitle: Nothing dated\nlang: en\n---\n"
                                       "A text that mentions no time at all.\n")
    res = run("build", "--site", str(site))
    assert res.returncode == 0 and "quiet.md: no dated events found" in res.stderr
    assert run("build", "--site", str(site), "--strict").returncode == 1


def test_verbose_prints_one_line_per_article_and_quiet_nothing(site):
    write(site / "seeds" / "b.md", "---\ntitle: B\ndate: 2017-07-07\nlang: en\n---\n"
                                   "The summit ended on Saturday with a declaration.\n")
    res = run("build", "--site", str(site), "-v")
    assert res.returncode == 0, res.stderr
    lines = [line for line in res.stderr.splitlines() if line.startswith("[")]
    assert len(lines) == 2
    assert re.match(r"\[1/2\] .*000_8d4080564ea0615d\.txt: de, 2017-11, \d+ time expressions, "
                    r"\d+ events$", lines[0])
    assert re.match(r"\[2/2\] .*b\.md: en, 2017-07-07, ", lines[1])
    res = run("build", "--site", str(site), "-q")
    assert res.returncode == 0 and res.stderr == ""
    res = run("build", "--site", str(site), "-q", "-v")
    assert res.returncode == 2 and "exclude each other" in res.stderr


def test_summary_line_counts_and_no_progress_bar_when_not_a_terminal(site):
    res = run("build", "--site", str(site))
    assert res.returncode == 0
    (line,) = res.stderr.strip().splitlines()
    assert re.fullmatch(r"built .*output: 1 article, \d+ events?, 0 warnings, \d+\.\d\d s", line)
    assert "\r" not in res.stderr and "article/s" not in res.stderr


def test_jobs_option_is_checked_and_output_does_not_depend_on_it(site, tmp_path):
    res = run("build", "--site", str(site), "--jobs", "0")
    assert res.returncode == 2 and "--jobs" in res.stderr
    assert run("build", "--site", str(site), "--jobs", "1", "-o", str(tmp_path / "one")).returncode == 0
    assert run("build", "--site", str(site), "--jobs", "2", "-o", str(tmp_path / "two")).returncode == 0
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


def test_output_and_base_url_options(site, tmp_path):
    res = run("build", "--site", str(site), "--output", str(tmp_path / "elsewhere"),
              "--base-url", "https://example.org/timeline/")
    assert res.returncode == 0, res.stderr
    assert not (site / "output").exists()
    page = (tmp_path / "elsewhere" / "404.html").read_text("utf-8")
    assert 'href="/timeline/static/style.css"' in page
    res = run("build", "--site", str(site), "--base-url", "example.org")
    assert res.returncode == 1 and "--base-url" in res.stderr and "Traceback" not in res.stderr


def test_help_documents_every_command_and_option():
    res = run("--help")
    for command in ("new", "build", "serve", "publish", "extract"):
        assert re.search(rf"^\s+{command}\s", res.stdout, re.M), command
    options = {"build": ["--site", "--output", "--base-url", "--jobs", "--strict", "--keep-going",
                         "--quiet", "--verbose"],
               "serve": ["--site", "--host", "--port", "--jobs"],
               "publish": ["--site", "--to", "--base-url", "--jobs", "--strict", "--no-build",
                           "--message", "--quiet"],
               "new": ["DIRECTORY"]}
    for command, names in options.items():
        text = run(command, "--help").stdout
        for name in names:
            assert name in text, (command, name)
