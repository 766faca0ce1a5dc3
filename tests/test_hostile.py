"""Hostile articles: nothing runs, nothing escapes.

Script smuggled through every field an article has is escaped or removed
(nh3 allow-list) while ordinary formatting survives; Jinja syntax in text
stays text; slugs, file names and links cannot make the build write outside
``output/`` or read outside the site; every generated page carries a CSP
that forbids inline script, and no page contains inline script at all.
"""
from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from site_builder.cli import main

from helpers import SEED, write

HOSTILE_BODY = """\
Am 7. Juli 2017 begann in Hamburg der G20-Gipfel. **Fett**, *kursiv*, `code` und
ein [Link](https://example.org/g20 "Titel").

> Ein Zitat.

* eins
* zwei

| Land | Stadt |
|------|-------|
| DE   | Hamburg |

![Bild](https://example.org/bild.png)

## Zwischentitel

<script>alert("body-script")</script>
<img src="x" onerror="alert('img-onerror')">
<a href="javascript:alert('js-link')">js link</a>
<a href=" JaVaScRiPt:alert('mixed-case')">mixed case</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">
<iframe src="https://evil.example/frame"></iframe>
<style>body { display: none }</style>
<svg><script>alert("svg-script")</script><circle onload="alert('svg-onload')"/></svg>
<math><mtext><table><mglyph><style><img src=x onerror="alert('mxss')"></style></mglyph></table></mtext></math>
<form action="https://evil.example/"><button formaction="javascript:alert('form')">go</button></form>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">
<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">
<link rel="stylesheet" href="https://evil.example/x.css">
<div style="background:url(javascript:alert('style-attr'))" onclick="alert('div-onclick')">div text</div>
[md js link](javascript:alert('md-link'))
![md js img](javascript:alert('md-img'))

Jinja bleibt Text: {{ config }} {{ 7 * 7 }} {% include "base.html" %} {# comment #}.
"""

HOSTILE_MD = """\
---
title: '<script>alert("title")</script> Gipfel {{ config }}'
date: 2017-07-07
lang: de
tags: ['<img src=x onerror=alert("tag")>', 'g20', '{% include "base.html" %}']
summary: '<svg onload=alert("summary")> Zusammenfassung'
source: https://example.org/"><script>alert("url")</script>
slug: hostile
events:
  - {date: 2017-07-08, title: '<script>alert("event")</script> Gipfel endet', text: '<b onclick=x>Ende</b>'}
---
""" + HOSTILE_BODY

HOSTILE_TXT = """\
date 2017-11
title <script>alert("txt-title")</script> {{ config }} Treffen
Berlin/<img src=x onerror=alert(1)> (dpa<script>) - Die Minister trafen sich im Juli in Berlin.
<script>alert("txt-body")</script> {% include "base.html" %} Am Freitag endete das Treffen.
"""

# Script-carrying strings: none of them may reach a page as markup.
PAYLOADS = ["alert(", "javascript:", "onerror", "onload", "onclick", "evil.example"]


class PageAudit(HTMLParser):
    """Everything in a page that could run script or load foreign content."""

    URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcset"}
    FORBIDDEN = {"iframe", "object", "embed", "style", "base", "frame", "frameset", "applet"}
    # The theme draws its own SVG and filter form; article content may not.
    FORBIDDEN_IN_CONTENT = FORBIDDEN | {"svg", "math", "form", "button", "input", "link", "meta"}

    def __init__(self, content: bool = False):
        super().__init__(convert_charrefs=True)
        self.forbidden = self.FORBIDDEN_IN_CONTENT if content else self.FORBIDDEN
        self.problems: list[str] = []
        self.csp: list[str] = []
        self._in_script = False
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
            if name in self.URL_ATTRS and value is not None:
                scheme = "".join(value.split()).lower().partition(":")[0]
                if scheme in ("javascript", "data", "vbscript"):
                    self.problems.append(f"{scheme}: URL in <{tag} {name}>")
        if tag in self.forbidden:
            self.problems.append(f"<{tag}>")
        if tag == "script":
            if not a.get("src") or "://" in a["src"] or a["src"].startswith("//"):
                self.problems.append(f"inline or foreign <script {a}>")
            self._in_script = True
        if tag == "meta" and a.get("http-equiv"):
            if a["http-equiv"].lower() == "content-security-policy":
                self.csp.append(a.get("content") or "")
            else:
                self.problems.append(f"<meta http-equiv={a['http-equiv']}>")
        if tag == "link" and (a.get("href") or "").startswith(("http:", "https:", "//")) \
                and (a.get("rel") or "") in ("stylesheet", "preload", "import", "modulepreload"):
            self.problems.append(f"foreign <link {a}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._in_script = False

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append(f"inline script text {data.strip()[:40]!r}")
        self.text.append(data)


def audit(html: str, content: bool = False) -> PageAudit:
    parser = PageAudit(content)
    parser.feed(html)
    parser.close()
    return parser


def csp_directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = [w.lower() for w in words[1:]]
    return out


def cli_build(site: Path, *args: str):
    return CliRunner().invoke(main, ["build", "--site", str(site), *args])


def tree(root: Path) -> dict[str, bytes | str]:
    """Every path under ``root`` (links as their target, files as bytes)."""
    out = {}
    for dirpath, dirs, files in os.walk(root):
        for name in dirs + files:
            p = Path(dirpath, name)
            rel = p.relative_to(root).as_posix()
            out[rel] = ("-> " + os.readlink(p)) if p.is_symlink() else (p.read_bytes() if p.is_file() else "dir")
    return out


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    write(root / "seeds" / "hostile.md", HOSTILE_MD)
    write(root / "seeds" / "feindlich.txt", HOSTILE_TXT)
    shutil.copy(SEED, root / "seeds" / SEED.name)
    write(root / "site.toml", 'title = "<script>alert(\\"site-title\\")</script> Zeitleiste"\n')
    result = cli_build(root)
    assert result.exit_code == 0, result.output
    return root


def html_pages(site: Path) -> list[Path]:
    pages = sorted((site / "output").rglob("*.html"))
    assert len(pages) >= 5
    return pages


def test_no_page_contains_inline_script_handlers_or_script_urls(hostile_site):
    problems = {}
    for page in html_pages(hostile_site):
        html = page.read_text("utf-8")
        found = audit(html).problems
        if 'class="article-body"' in html:
            body = html.split('class="article-body">', 1)[1].split("</article>", 1)[0]
            found += [f"article body: {p}" for p in audit(body, content=True).problems]
        if found:
            problems[page.relative_to(hostile_site).as_posix()] = found
    assert problems == {}


def test_every_page_carries_a_csp_that_forbids_inline_script(hostile_site):
    for page in html_pages(hostile_site):
        policies = audit(page.read_text("utf-8")).csp
        assert len(policies) == 1, page
        csp = csp_directives(policies[0])
        scripts = csp.get("script-src", csp.get("default-src"))
        assert scripts == ["'self'"], (page, scripts)
        assert csp.get("object-src") == ["'none'"] and csp.get("base-uri") == ["'none'"], page
        assert "'unsafe-inline'" not in csp.get("style-src", csp.get("default-src")), page


def test_script_in_every_article_field_is_shown_as_text(hostile_site):
    out = hostile_site / "output"
    article = (out / "articles" / "hostile" / "index.html").read_text("utf-8")
    index = (out / "index.html").read_text("utf-8")
    assert '&lt;script&gt;alert("title")&lt;/script&gt; Gipfel' in article.replace("&#34;", '"')
    assert "&lt;img src=x onerror=alert(" in article  # the tag, as text
    assert "&lt;script&gt;alert" in index  # titles on the timeline, escaped
    assert "&lt;script&gt;alert(&#34;site-title&#34;)" in index.replace('"', "&#34;")
    page = (out / "articles" / "feindlich" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(" in page and "<script>alert" not in page
    for p in html_pages(hostile_site):
        assert "<script>alert" not in p.read_text("utf-8"), p


def test_sanitiser_keeps_ordinary_formatting(hostile_site):
    page = (hostile_site / "output" / "articles" / "hostile" / "index.html").read_text("utf-8")
    for fragment in ("<strong>Fett</strong>", "<em>kursiv</em>", "<code>code</code>",
                     "<blockquote>", "<li>eins</li>", "<table>", "<td>Hamburg</td>",
                     '<img alt="Bild" src="https://example.org/bild.png">', "Zwischentitel</h2>",
                     'href="https://example.org/g20"', "div text", "js link", "data link"):
        assert fragment in page, fragment


def test_jinja_syntax_in_articles_is_text_not_template(hostile_site):
    out = hostile_site / "output"
    page = (out / "articles" / "hostile" / "index.html").read_text("utf-8")
    assert "{{ config }}" in page and "{{ 7 * 7 }}" in page
    assert "{% include " in page and "base.html" in page  # quotes may be typographic
    assert "{# comment #}" in page
    assert page.count("<!doctype html>") == 1  # base.html was not included again
    txt = (out / "articles" / "feindlich" / "index.html").read_text("utf-8")
    assert "{{ config }} Treffen" in txt


def test_source_link_must_be_http_or_https(tmp_path):
    for value in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>x</script>",
                  "http://[::1"):
        site = tmp_path / str(abs(hash(value)))
        write(site / "seeds" / "a.md", f"---\ntitle: A\nsource: '{value}'\n---\nText here.\n")
        result = cli_build(site)
        assert result.exit_code == 1 and "a.md:3" in result.stderr and "http" in result.stderr, value


PATH_ATTACKS = {
    "dotdot.md": "slug: ../../../escaped",
    "absolute.md": "slug: /tmp/escaped-absolute",
    "dots.md": "slug: '..'",
    "backslash.md": "slug: '..\\\\..\\\\windows'",
    "nul.md": "slug: \"nul\\0byte\"",
    ("x" * 240 + ".md"): "lang: de",
    "a..b.md": "lang: de",
    "ünï cødé näme.md": "lang: de",
}


def test_slugs_and_file_names_never_write_outside_output(tmp_path):
    site = tmp_path / "site"
    for name, front in PATH_ATTACKS.items():
        write(site / "seeds" / name, f"---\ntitle: T\n{front}\n---\nText über den Gipfel.\n")
    before = tree(tmp_path)
    result = cli_build(site)
    assert result.exit_code == 0, result.output
    after = tree(tmp_path)
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    # output/, its lock and the build cache beside it (.site-builder-cache/): nothing else
    assert changed and all(k.startswith(("site/output/", "site/.site-builder-cache/"))
                           or k in ("site/output", "site/.output.lock", "site/.site-builder-cache")
                           for k in changed), sorted(changed)
    slugs = sorted(p.name for p in (site / "output" / "articles").iterdir())
    assert len(slugs) == len(PATH_ATTACKS)
    assert all(len(s) <= 80 and s == s.lower() and "." not in s for s in slugs), slugs
    assert not Path("/tmp/escaped-absolute").exists()


def test_symlinks_in_seeds_are_not_followed_unless_configured(tmp_path):
    outside = tmp_path / "private"
    write(outside / "secret.md", "---\ntitle: Geheim\n---\nGEHEIMNIS aus dem Home-Verzeichnis.\n")
    write(outside / "dir" / "more.md", "---\ntitle: Mehr\n---\nNOCHMEHR Geheimes.\n")
    site = tmp_path / "site"
    write(site / "seeds" / "ok.md", "---\ntitle: Ok\n---\nEin harmloser Text.\n")
    (site / "seeds" / "secret.md").symlink_to(outside / "secret.md")
    (site / "seeds" / "linked").symlink_to(outside / "dir", target_is_directory=True)
    (site / "seeds" / "loop").symlink_to(site / "seeds", target_is_directory=True)
    result = cli_build(site)
    assert result.exit_code == 0, result.output
    built = b"".join(tree(site / "output").get(k, b"") for k in tree(site / "output")
                     if k.endswith(".html") or k.endswith(".json"))
    assert b"GEHEIMNIS" not in built and b"NOCHMEHR" not in built
    warnings = [line for line in result.stderr.splitlines()
                if line.startswith("warning:") and "no dated events" not in line]
    assert len(warnings) == 3 and all("follow_symlinks" in w for w in warnings)

    write(site / "site.toml", "follow_symlinks = true\n")
    result = cli_build(site)
    assert result.exit_code == 0, result.output  # the loop back to seeds/ is walked once
    pages = {p.parent.name for p in (site / "output" / "articles").glob("*/index.html")}
    assert pages == {"ok", "secret", "more"}


@pytest.mark.parametrize("where", [".", "seeds", "seeds/out", "..", "templates"])
def test_output_folder_that_would_replace_the_sources_is_refused(site, where):
    write(site / "templates" / "404.html", "custom\n")
    before = tree(site)
    result = cli_build(site, "--output", str(site / where))
    assert result.exit_code == 1 and "refusing to build here" in result.stderr, result.output
    assert tree(site) == before
