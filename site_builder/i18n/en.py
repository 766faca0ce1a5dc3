"""English interface strings."""


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


LABELS = {
    "timeline": "Timeline",
    "skip": "Skip to the timeline",
    "events": "events",
    "event_count": "{n} events from {m} articles",
    "sources": "Sources",
    "source": "Source",
    "read_in_article": "Read in the article",
    "on_the_timeline": "On the timeline",
    "articles": "Articles",
    "previous": "Previous article",
    "next": "Next article",
    "no_events": "No dated events were found in this article.",
    "back": "Back to the timeline",
    "undated": "Undated",
    "filter": "Filter",
    "from": "From",
    "to": "To",
    "search": "Search titles",
    "tag": "Tag",
    "language": "Language",
    "all": "All",
    "reset": "Reset",
    "embed": "Embed this timeline",
    "copy_code": "Copy code",
    "copied": "Copied",
    "data": "Data",
    "embed_help": "Copy this snippet into your page:",
    "generated": "Built with site-builder",
    "not_found": "Page not found",
    "not_found_text": "There is nothing at this address.",
    "density": "Events per {unit}",
    "year": "year",
    "month": "month",
    "week": "Week {week}, {year}",
    "decade": "the {year}s",
    "century": lambda n: f"the {n}{_suffix(n)} century",
    "bc": "{year} BC",
    "parts": {"SP": "Spring {year}", "SU": "Summer {year}", "FA": "Autumn {year}",
              "WI": "Winter {year}", "Q1": "Q1 {year}", "Q2": "Q2 {year}", "Q3": "Q3 {year}",
              "Q4": "Q4 {year}", "H1": "First half of {year}", "H2": "Second half of {year}"},
    "mods": {"APPROX": "about {}", "START": "early {}", "MID": "mid {}", "END": "late {}",
             "BEFORE": "before {}", "AFTER": "after {}", "ON_OR_BEFORE": "by {}",
             "ON_OR_AFTER": "from {}", "LESS_THAN": "less than {}", "MORE_THAN": "more than {}"},
    "time_expressions": "Time expressions",
    "dateline": "Dateline",
    "published": "Published",
}
