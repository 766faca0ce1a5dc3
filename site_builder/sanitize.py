"""Raw HTML from articles → safe HTML, through an allow-list sanitiser.

nh3 (the Python binding of Rust's ammonia) removes scripts, event handlers,
``javascript:``/``data:`` URLs, iframes, styles and SVG while keeping the
ordinary formatting Markdown produces.
"""
from __future__ import annotations

from functools import lru_cache

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}


_OPTIONS = dict(tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                link_rel="noopener noreferrer nofollow", strip_comments=True)


def sanitize_html(fragment: str) -> str:
    """Untrusted HTML fragment → the same fragment with only allowed markup."""
    cleaner = _cleaner()
    return cleaner.clean(fragment) if cleaner is not None else nh3.clean(fragment, **_OPTIONS)


@lru_cache(maxsize=None)
def _cleaner():
    """One nh3 cleaner with these options, built once (nh3.clean converts
    the allow-lists for every call); None for an nh3 without ``Cleaner``."""
    cleaner = getattr(nh3, "Cleaner", None)
    return cleaner(**_OPTIONS) if cleaner is not None else None
