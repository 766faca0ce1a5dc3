"""The copy-paste embed snippet and the oEmbed iframe, from the site's URL.

The snippet is what a host page pastes to show the timeline in a
self-sizing iframe (``embed.js`` turns the div into the iframe; without
JavaScript the link inside the div stays).  ``static/embed-snippet.js``
builds the same text in the browser for the current filter query: keep the
two in step.
"""
from __future__ import annotations

from html import escape

#: iframe sandbox: scripts and the embed's own origin (so its scripts and
#: styles load), links that open in the host window on a click, new tabs;
#: no top navigation without a click, no modal dialogs, no downloads.
SANDBOX = ("allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox "
           "allow-top-navigation-by-user-activation allow-forms")


def embed_snippet(base_url: str, title: str, query: str = "", page: str = "") -> str:
    """The host-page snippet for the timeline at ``base_url`` (absolute, ending in "/").

    ``query`` is the filter query without "?" (``tag=g20&from=2017-01``);
    ``page`` the timeline page relative to the site ("" or ``years/2017/``),
    whose embed is at ``embed/<page>``.
    """
    suffix = f"?{query}" if query else ""
    return (f'<div data-site-builder-timeline="{escape(base_url + "embed/" + page + suffix)}">'
            f'<a href="{escape(base_url + page + suffix)}">{escape(title)}</a></div>\n'
            f'<script src="{escape(base_url + "embed.js")}" async></script>')


def embed_iframe(base_url: str, title: str, height: int) -> str:
    """A plain iframe of the unfiltered embed plus ``embed.js``, which sizes it when
    the host lets scripts run (the HTML of the oEmbed response)."""
    return (f'<iframe src="{escape(base_url + "embed/")}" title="{escape(title)}" '
            f'height="{height}" style="display:block;width:100%;border:0" loading="lazy" '
            f'sandbox="{SANDBOX}" data-site-builder-frame></iframe>'
            f'<script src="{escape(base_url + "embed.js")}" async></script>')
