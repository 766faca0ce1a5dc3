"""The hostile site of ``test_hostile.py`` in real Chromium: no smuggled script runs.

Before any page script, a probe (injected through the DevTools protocol,
which the page's CSP does not govern) replaces ``alert``/``confirm``/
``prompt`` with recorders; Chromium's console reports CSP violations.  Every page of
the build is loaded: no payload may run (the sanitiser removed it), and no
inline script may even be attempted (a CSP violation would mean the
sanitiser let one through and only the CSP stopped it).
"""
from __future__ import annotations

import shutil

import pytest

from helpers import SEED, write
from test_hostile import HOSTILE_MD, HOSTILE_TXT

PROBE = """
window.__pwned = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = (...args) => { window.__pwned.push(name + "(" + args.join(",") + ")"); };
}
"""


def csp_violations(browser) -> list[str]:
    """The console's CSP violation reports since the last call."""
    return [entry["message"] for entry in browser.get_log("browser")
            if "Content Security Policy" in entry["message"]]


@pytest.fixture(scope="module")
def hostile_output(tmp_path_factory):
    from site_builder.build import build
    from site_builder.config import load_config

    root = tmp_path_factory.mktemp("hostile-browser")
    write(root / "seeds" / "hostile.md", HOSTILE_MD)
    write(root / "seeds" / "feindlich.txt", HOSTILE_TXT)
    shutil.copy(SEED, root / "seeds" / SEED.name)
    write(root / "site.toml", 'title = "<script>alert(\\"site-title\\")</script> Zeitleiste"\n')
    build(load_config(root))
    return root / "output"


def test_no_smuggled_script_runs_or_is_even_attempted_on_any_page(browser, serve, hostile_output):
    base = serve(hostile_output)
    pages = sorted(p.relative_to(hostile_output).as_posix() for p in hostile_output.rglob("*.html"))
    assert "articles/hostile/index.html" in pages
    probe = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE})
    try:
        findings = {}
        for page in pages:
            browser.get(base + page)
            pwned = browser.execute_script("return window.__pwned")
            csp = csp_violations(browser)
            assert pwned is not None, "the probe did not run"
            if pwned or csp:
                findings[page] = {"ran": pwned, "csp violations": csp}
        # The controls: the probe records a call, and an inline script put
        # into the page is blocked by the CSP and reported.
        browser.execute_script("alert('control')")
        browser.execute_script("""
            const s = document.createElement("script");
            s.textContent = "alert('inline')";
            document.head.appendChild(s);""")
        assert browser.execute_script("return window.__pwned") == ["alert(control)"]
        assert any("script-src" in v for v in csp_violations(browser))
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument",
                                {"identifier": probe["identifier"]})
    assert findings == {}
