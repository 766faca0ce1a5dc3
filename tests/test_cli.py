"""The command line: extract JSON, batch mode, one-line errors."""
from __future__ import annotations

import json
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


def test_build_command_summary(site):
    res = run("build", "--site", str(site))
    assert res.returncode == 0, res.stderr
    assert "1 articles" in res.stderr and (site / "output" / "index.html").is_file()
