"""Read stage: source files → :class:`~site_builder.model.Article`.

The only stage that knows file formats.  Each format is a reader module
registered here by file extension (Pelican's split); ``read_article`` picks
one and returns the same article model whatever the format.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..errors import InputError
from ..model import Article
from . import markdown_reader, text_reader

Reader = Callable[[str, Path, "ReadOptions"], Article]

#: file extension → reader function; extend to support another format.
READERS: dict[str, Reader] = {
    ".txt": text_reader.read,
    ".md": markdown_reader.read,
    ".markdown": markdown_reader.read,
}

from .common import ReadOptions  # noqa: E402  (re-exported)

__all__ = ["READERS", "ReadOptions", "read_article", "article_from_text", "is_article", "decode"]


def is_article(path: Path) -> bool:
    """True when ``path`` has an extension some reader handles."""
    return path.suffix.lower() in READERS


def decode(raw: bytes, path: Path) -> str:
    """Bytes of a source file → text with ``\\n`` line ends.

    Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM; CRLF and lone
    CR become LF.  Anything else is an :class:`InputError` naming the line.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16: {exc.reason}") from None
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise InputError(path, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                             line=line) from None
    if "\x00" in text:
        raise InputError(path, "looks like a binary file, not an article")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_article(path: Path, options: "ReadOptions | None" = None) -> Article:
    """Read one source file into an :class:`Article`.

    In: the file's path (its extension chooses the reader) and read options
    (site root for the source path shown to users, default language and
    genre).  Out: the article.  Raises :class:`InputError` for bad input.
    """
    options = options or ReadOptions()
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:  # bytes the file system kept but no page or link can carry
        shown = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        raise InputError(shown, "the file name is not valid UTF-8; rename the file") from None
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(path, f"no reader for '{path.suffix}' files "
                               f"(known: {', '.join(sorted(READERS))})")
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(path, f"file is {_kib(size)}, larger than the limit of "
                                   f"{_kib(options.max_bytes)} (raise 'max_article_kb' in site.toml "
                                   f"if this really is one article)")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    if not raw.strip():
        raise InputError(path, "empty file")
    return reader(decode(raw, path), path, options)


def _kib(size: int) -> str:
    return f"{size // 1024:,} KiB".replace(",", " ")


def article_from_text(text: str, slug: str, dct: str | None, lang: str | None,
                      genre: str = "news", source: str = "") -> Article:
    """Raw text (no header, no front matter) → :class:`Article`.

    For ``extract --plain`` and ``--batch``: the whole text is the body and
    the document date comes from the caller.
    """
    from ..dates import PartialDate
    from .common import detect_language, first_sentence, paragraphs_html, slugify, title_from_text

    date = PartialDate(dct) if dct else None
    if date is not None and not date.is_calendar:
        raise InputError(source or slug, f"document date {dct!r} is not a date")
    return Article(slug=slugify(slug), title=title_from_text(first_sentence(text)) or slug,
                   date=date, lang=lang or detect_language(text, "en"), text=text,
                   body_html=paragraphs_html(text), source_path=source or slug, genre=genre,
                   title_given=False)
