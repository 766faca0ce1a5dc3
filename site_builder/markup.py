"""Wrap spans of an article's plain text in HTML elements, inside its HTML.

The article page marks every time expression (``<time>``) and every event
sentence (``<span id=…>``) by the offsets the tagger and extractor gave in
``Article.text``.  ``Article.body_html``'s text nodes appear in that text in
order, so each text node is located once with a forward search and the
marks falling into it are inserted there.  A mark that crosses an element
boundary (``**7. Juli** 1937``) is split into one piece per text node; only
the first piece carries the mark's ``id``.  Within a text node marks nest:
a time expression is a child of its sentence's element.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass(frozen=True)
class Mark:
    """An element to wrap around ``text[start:end]``."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    id: str | None = None
    depth: int = 0  # 0 = outermost (sentences), 1 = inside (time expressions)


@dataclass
class _State:
    text: str
    marks: list[Mark]
    cursor: int = 0
    out: list[str] = field(default_factory=list)
    started: set = field(default_factory=set)


def _open(mark: Mark, first: bool) -> str:
    attrs = list(mark.attrs)
    if first and mark.id:
        attrs.insert(0, ("id", mark.id))
    rendered = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in attrs)
    return f"<{mark.tag}{rendered}>"


class _Marker(HTMLParser):
    def __init__(self, state: _State) -> None:
        super().__init__(convert_charrefs=True)
        self.state = state

    def handle_starttag(self, tag, attrs):
        self.state.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.state.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.state.out.append(f"</{tag}>")

    def handle_data(self, data):
        st = self.state
        pos = st.text.find(data, st.cursor)
        if pos < 0:  # not part of the text the tagger saw: copy it unmarked
            st.out.append(html.escape(data, quote=False))
            return
        st.cursor = pos + len(data)
        st.out.append(_mark_node(st, data, pos))


def _mark_node(st: _State, data: str, pos: int) -> str:
    """One text node starting at ``pos`` in the text → escaped, marked HTML."""
    end = pos + len(data)
    active = [m for m in st.marks if m.start < end and pos < m.end]
    if not active:
        return html.escape(data, quote=False)
    return _nest(st, data, pos, pos, end, _ordered(active, pos))


def _ordered(marks: list[Mark], lo: int) -> list[Mark]:
    # Outer before inner: earlier start, then lower depth, then longer.
    return sorted(marks, key=lambda m: (max(m.start, lo), m.depth, -m.end))


def _nest(st: _State, data: str, base: int, lo: int, hi: int, marks: list[Mark]) -> str:
    """``data[lo:hi]`` (offsets from ``base``) with ``marks`` nested, outermost first.

    A mark inside another (a time expression in its sentence) becomes a child
    element, so the outer element stays whole and ``:target`` highlights all
    of it.  A mark crossing its parent's end is split: its remainder continues
    after the parent, without the ``id``.
    """
    out, cursor = [], lo
    pending = list(marks)
    while pending:
        mark = pending.pop(0)
        start, stop = max(mark.start, cursor), min(mark.end, hi)
        if start >= stop:
            continue
        inner = [m for m in pending if max(m.start, start) < stop]
        rest = [m for m in pending if max(m.start, start) >= stop]
        out.append(html.escape(data[cursor - base:start - base], quote=False))
        first = mark not in st.started
        st.started.add(mark)
        out.append(f"{_open(mark, first)}{_nest(st, data, base, start, stop, inner)}</{mark.tag}>")
        cursor = stop
        pending = _ordered([m for m in inner if m.end > stop] + rest, cursor)
    out.append(html.escape(data[cursor - base:hi - base], quote=False))
    return "".join(out)


def mark_html(body_html: str, text: str, marks: list[Mark]) -> str:
    """``body_html`` with each mark's span of ``text`` wrapped in its element.

    In: the article's HTML, its plain text and the marks (offsets into the
    text).  Out: HTML with the same content and the marks inserted; text is
    escaped, markup is copied as it was.
    """
    state = _State(text=text, marks=sorted(marks, key=lambda m: (m.start, m.depth)))
    parser = _Marker(state)
    parser.feed(body_html)
    parser.close()
    return "".join(state.out)
