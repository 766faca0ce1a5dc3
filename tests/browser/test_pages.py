"""Timeline and article pages in real headless Chromium, served over loopback.

One browser for the whole session (the ``browser`` fixture resets viewport,
media emulation and script execution after each test).  Synchronisation is
by explicit waits on what the page shows, never by sleeping.
"""
from __future__ import annotations

import base64
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SEED_SLUG = "000_8d4080564ea0615d"
TRANSPARENT = ("rgba(0, 0, 0, 0)", "transparent")


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def wait(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(condition)


def filters_ready(driver):
    """Wait until static/timeline.js has run (it un-hides the filter form)."""
    return wait(driver, lambda d: d.find_element(By.ID, "filters").is_displayed())


def visible_events(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('li.event'))"
        ".filter(li => li.offsetParent !== null).map(li => li.id)")


def background(driver, element) -> str:
    return driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", element)


def screenshot(driver, path: Path, width: int) -> None:
    """A full-page PNG at ``width`` CSS pixels."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600})
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    height = int(metrics["cssContentSize"]["height"])
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


def axe_serious(driver) -> list[dict]:
    """Inject axe-core into the current page; its serious and critical violations."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    violations = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))))
          .catch(e => done([{id: 'axe-failed', impact: 'critical', nodes: [String(e)]}]));""")
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def page_urls(base_url: str, built_site: Path) -> list[str]:
    articles = sorted(p.parent.name for p in (built_site / "articles").glob("*/index.html"))
    return [base_url] + [f"{base_url}articles/{slug}/" for slug in articles]


def test_timeline_shows_seed_events_in_order(browser, base_url, built_site, results_dir):
    browser.get(base_url)
    filters_ready(browser)
    events = browser.find_elements(By.CSS_SELECTOR, "li.event")
    exported = json.loads((built_site / "events.json").read_text("utf-8"))["events"]
    assert [e.get_attribute("id") for e in events] == [e["id"] for e in exported]
    assert all(e.is_displayed() for e in events)
    # the dpa seed's three events, in the order they happened
    seed = [e.find_element(By.CSS_SELECTOR, ".event-date").get_attribute("datetime") for e in events
            if e.find_elements(By.CSS_SELECTOR, f'.event-sources a[href*="{SEED_SLUG}"]')]
    assert [d[:7] for d in seed][:3] == ["2017-04", "2017-07", "2017-11"]
    assert seed == sorted(seed)
    assert console_errors(browser) == []
    screenshot(browser, results_dir / "timeline-1280.png", 1280)
    screenshot(browser, results_dir / "timeline-375.png", 375)


def test_article_pages_load_without_errors(browser, base_url, built_site, results_dir):
    for url in page_urls(base_url, built_site)[1:]:
        browser.get(url)
        assert browser.find_element(By.CSS_SELECTOR, "article h1").text
        assert browser.find_elements(By.CSS_SELECTOR, ".on-timeline li")
        assert console_errors(browser) == [], url
    browser.get(f"{base_url}articles/{SEED_SLUG}/")
    screenshot(browser, results_dir / "article-1280.png", 1280)
    screenshot(browser, results_dir / "article-375.png", 375)


def test_event_link_lands_on_highlighted_sentence_and_back(browser, base_url):
    browser.get(base_url)
    link = browser.find_element(By.CSS_SELECTOR, 'li.event[data-date="2017-04"] .event-title a')
    link.click()
    wait(browser, lambda d: SEED_SLUG in d.current_url)
    anchor = browser.current_url.split("#", 1)[1]
    target = browser.find_element(By.ID, anchor)
    # the whole sentence is the target, its time expression inside it
    assert "Marschflugkörpern" in target.text and "April" in target.text
    assert target.find_element(By.CSS_SELECTOR, 'time[datetime="2017-04"]')
    assert background(browser, target) not in TRANSPARENT
    in_view = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight", target)
    assert in_view
    for other in browser.find_elements(By.CSS_SELECTOR, ".event-sentence[id]"):
        if other.get_attribute("id") != anchor:
            assert background(browser, other) in TRANSPARENT
    # "on the timeline" leads back to the event, highlighted there
    browser.find_element(By.CSS_SELECTOR, ".on-timeline li a").click()
    wait(browser, lambda d: "/articles/" not in d.current_url)
    event = browser.find_element(By.ID, browser.current_url.split("#", 1)[1])
    assert "event" in event.get_attribute("class").split()
    assert background(browser, event) not in TRANSPARENT
    assert console_errors(browser) == []


def test_the_sentences_behind_events_are_marked_in_the_article(browser, base_url):
    """Without following a link, a reader sees which sentences made events."""
    browser.get(f"{base_url}articles/{SEED_SLUG}/")
    def underline(element):
        return browser.execute_script(
            "return getComputedStyle(arguments[0]).textDecorationLine", element)
    sentences = browser.find_elements(By.CSS_SELECTOR, ".event-sentence[id]")
    assert len(sentences) >= 3
    assert {underline(s) for s in sentences} == {"underline"}
    body = browser.find_element(By.CSS_SELECTOR, ".article-body p")
    assert underline(body) == "none"  # the rest of the text is not


def test_filters_update_the_url_and_survive_a_reload(browser, base_url):
    browser.get(base_url)
    filters_ready(browser)
    everything = visible_events(browser)
    Select(browser.find_element(By.NAME, "tag")).select_by_value("klima")
    wait(browser, lambda d: "tag=klima" in d.current_url)
    tagged = visible_events(browser)
    assert 0 < len(tagged) < len(everything)
    for event_id in tagged:
        assert "klima" in browser.find_element(By.ID, event_id).get_attribute("data-tags").split("|")
    search = browser.find_element(By.NAME, "q")
    search.send_keys("demonstriert")
    wait(browser, lambda d: "q=demonstriert" in d.current_url)
    found = visible_events(browser)
    assert len(found) == 1 and "demonstriert" in browser.find_element(By.ID, found[0]).text
    status = browser.find_element(By.CSS_SELECTOR, ".filter-status").text
    assert status.startswith("1 ")
    # hidden months and years go with their events
    assert all(not s.is_displayed() for s in browser.find_elements(By.CSS_SELECTOR, "section.year")
               if not s.find_elements(By.CSS_SELECTOR, f'#{found[0]}'))
    query = parse_qs(urlsplit(browser.current_url).query)
    assert query == {"tag": ["klima"], "q": ["demonstriert"]}
    browser.refresh()
    filters_ready(browser)
    assert visible_events(browser) == found
    assert Select(browser.find_element(By.NAME, "tag")).first_selected_option.get_attribute("value") == "klima"
    assert browser.find_element(By.NAME, "q").get_attribute("value") == "demonstriert"
    browser.find_element(By.CSS_SELECTOR, '.filters button[type="reset"]').click()
    wait(browser, lambda d: urlsplit(d.current_url).query == "")
    assert visible_events(browser) == everything
    assert console_errors(browser) == []


def test_shared_url_with_range_language_and_source(browser, base_url):
    browser.get(base_url + "?from=2017-01&to=2017-12&lang=de&source=dpa")
    filters_ready(browser)
    shown = visible_events(browser)
    assert shown
    for event_id in shown:
        li = browser.find_element(By.ID, event_id)
        assert li.get_attribute("data-first") <= "2017-12" and li.get_attribute("data-last") >= "2017-01"
        assert li.get_attribute("data-lang") == "de" and "dpa" in li.get_attribute("data-sources")
    assert browser.find_element(By.NAME, "from").get_attribute("value") == "2017-01"
    # choosing a month in the form (set as a month picker would) narrows the list and the URL
    browser.get(base_url)
    filters_ready(browser)
    browser.execute_script("const f = document.querySelector('input[name=from]'); f.value = '2017-07';"
                           "f.dispatchEvent(new Event('input', {bubbles: true}))")
    wait(browser, lambda d: "from=2017-07" in d.current_url)
    later = visible_events(browser)
    assert later and all(browser.find_element(By.ID, i).get_attribute("data-last") >= "2017-07" for i in later)
    assert len(later) < len(browser.find_elements(By.CSS_SELECTOR, "li.event"))
    browser.get(base_url + "?lang=en")
    filters_ready(browser)
    english = visible_events(browser)
    assert english and all(browser.find_element(By.ID, i).get_attribute("data-lang") == "en" for i in english)
    assert console_errors(browser) == []


def test_without_javascript_every_event_is_shown(browser, base_url, built_site):
    exported = json.loads((built_site / "events.json").read_text("utf-8"))["events"]
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    browser.get(base_url)
    assert not browser.find_element(By.ID, "filters").is_displayed()  # proof the script did not run
    assert visible_events(browser) == [e["id"] for e in exported]
    density = browser.find_elements(By.CSS_SELECTOR, ".density-bars a")
    assert density and all(a.get_attribute("href") for a in density)
    for url in page_urls(base_url, built_site)[1:]:
        browser.get(url)
        slug = url.rstrip("/").rsplit("/", 1)[1]
        own = [e for e in exported if slug in {s["article"] for s in e["sources"]} or e["article"] == slug]
        items = browser.find_elements(By.CSS_SELECTOR, ".on-timeline li")
        assert len(items) == len(own) and all(i.is_displayed() for i in items)
        assert len(browser.find_elements(By.CSS_SELECTOR, ".event-sentence[id]")) >= 1


def test_accessibility_axe_reports_nothing_serious(browser, base_url, built_site):
    report = {}
    for url in page_urls(base_url, built_site) + [base_url + "?tag=klima", base_url + "404.html"]:
        browser.get(url)
        report[url] = axe_serious(browser)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"media": "", "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    for url in page_urls(base_url, built_site)[:2]:
        browser.get(url)
        report["dark " + url] = axe_serious(browser)
    assert {url: v for url, v in report.items() if v} == {}


def test_keyboard_skip_link_then_main(browser, base_url):
    browser.get(base_url)
    filters_ready(browser)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert "skip-link" in active.get_attribute("class")
    assert active.rect["x"] >= 0 and active.is_displayed()
    active.send_keys(Keys.ENTER)
    wait(browser, lambda d: d.current_url.endswith("#main"))
    assert browser.switch_to.active_element.get_attribute("id") == "main"


def test_narrow_screen_dark_mode_and_print(browser, base_url):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    browser.get(base_url)
    filters_ready(browser)
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    light = background(browser, browser.find_element(By.TAG_NAME, "body"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"media": "", "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    dark = background(browser, browser.find_element(By.TAG_NAME, "body"))
    assert light != dark
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    assert not browser.find_element(By.ID, "filters").is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, ".density").is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, ".skip-link").is_displayed()
    assert len(visible_events(browser)) == len(browser.find_elements(By.CSS_SELECTOR, "li.event"))
    assert background(browser, browser.find_element(By.TAG_NAME, "body")) == "rgb(255, 255, 255)"


def test_large_timeline_overview_carries_filters_to_year_pages(browser, large_site_url):
    browser.get(large_site_url + "?tag=tag3&from=2004-01&to=2006-12")
    filters_ready(browser)
    years = [li.get_attribute("id") for li in browser.find_elements(By.CSS_SELECTOR, "li.year-summary")
             if li.is_displayed()]
    assert years == ["y2004", "y2005", "y2006"]
    link = browser.find_element(By.CSS_SELECTOR, "#y2005 h2 a")
    assert parse_qs(urlsplit(link.get_attribute("href")).query)["tag"] == ["tag3"]
    link.click()
    wait(browser, lambda d: "/years/2005/" in d.current_url)
    filters_ready(browser)
    shown = visible_events(browser)
    assert shown and len(shown) < len(browser.find_elements(By.CSS_SELECTOR, "li.event"))
    assert all("tag3" in browser.find_element(By.ID, i).get_attribute("data-tags").split("|") for i in shown)
    assert axe_serious(browser) == []
    browser.get(large_site_url)
    assert axe_serious(browser) == []
    assert console_errors(browser) == []
