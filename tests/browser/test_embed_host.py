"""The embed in a real browser: a host page on another origin embeds the timeline with embed.js."""
from __future__ import annotations

import re
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from site_builder.embed import embed_snippet

from conftest import make_driver, serve_dir

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body style="margin:0;font:16px sans-serif">
<h1>A newsroom's page</h1>
<div style="height:{spacer}px"></div>
{snippet}
<p id="after" style="min-height:{spacer}px">Text after the embed.</p>
</body></html>
"""


def middle_event(built_site) -> str:
    """The id of an event in the middle of the timeline (so reaching it needs scrolling)."""
    ids = re.findall(r'<li class="event[^"]*" id="([^"]+)"', (built_site / "index.html").read_text("utf-8"))
    return ids[len(ids) // 2]


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


@pytest.fixture(scope="module")
def host(tmp_path_factory, base_url):
    """A second server on another port, so the host page is another origin than the embed."""
    root = tmp_path_factory.mktemp("host")

    def page(name: str, query: str = "", spacer: int = 40, fragment: str = "", site: str = base_url) -> str:
        snippet = embed_snippet(site, "Timeline", query)
        if fragment:
            snippet = snippet.replace('embed/"', f'embed/#{fragment}"', 1)
        (root / name).write_text(HOST_PAGE.format(spacer=spacer, snippet=snippet), "utf-8")
        return name

    httpd = serve_dir(root)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    assert url.split(":")[2] != base_url.split(":")[2]  # different port: a different origin
    yield url, page
    httpd.shutdown()


def frame_height(driver) -> float:
    return driver.execute_script(
        "return document.querySelector('iframe[data-site-builder-frame]').getBoundingClientRect().height")


def content_height(driver) -> float:
    """How tall the embedded page's content is, measured inside the iframe."""
    frame = driver.find_element(By.CSS_SELECTOR, "iframe[data-site-builder-frame]")
    driver.switch_to.frame(frame)
    try:
        return driver.execute_script(
            "var main = document.querySelector('main');"
            "return main.getBoundingClientRect().bottom + window.pageYOffset;")
    finally:
        driver.switch_to.default_content()


def settled(driver, timeout: float = 8.0) -> tuple[float, float]:
    """Wait until the iframe's height matches its content (within 5 px) and stays put."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        pair = (frame_height(driver), content_height(driver))
        if abs(pair[0] - pair[1]) <= 5 and pair == last:
            return pair
        last = pair
        time.sleep(0.15)
    return last


def in_frame(driver, script: str, *args):
    frame = driver.find_element(By.CSS_SELECTOR, "iframe[data-site-builder-frame]")
    driver.switch_to.frame(frame)
    try:
        return driver.execute_script(script, *args)
    finally:
        driver.switch_to.default_content()


def test_iframe_sizes_itself_to_its_content_and_follows_changes(driver, host, results_dir):
    url, page = host
    driver.get_log("browser")
    driver.get(url + page("host.html"))
    frame, content = settled(driver)
    assert abs(frame - content) <= 5 and frame > 200  # not the 400 px default, not clipped
    driver.save_screenshot(str(results_dir / "embed-host-1280.png"))

    # narrower: the titles wrap and the content grows; the iframe follows
    driver.execute_script("document.querySelector('iframe[data-site-builder-frame]').style.width = '360px'")
    narrow, content = settled(driver)
    assert abs(narrow - content) <= 5 and narrow > frame + 20
    driver.save_screenshot(str(results_dir / "embed-host-iframe-360.png"))

    # a filter applied inside the iframe shrinks the content; the iframe follows
    frame_el = driver.find_element(By.CSS_SELECTOR, "iframe[data-site-builder-frame]")
    driver.switch_to.frame(frame_el)
    driver.find_element(By.CSS_SELECTOR, "#filters input[name=q]").send_keys("G20")
    assert "q=G20" in driver.execute_script("return location.search")
    driver.switch_to.default_content()
    filtered, content = settled(driver)
    assert abs(filtered - content) <= 5 and filtered < narrow - 100
    assert console_errors(driver) == []


def test_filter_query_in_the_snippet_filters_the_embed(driver, host):
    url, page = host
    driver.get(url + page("host-full.html"))
    full, _ = settled(driver)
    driver.get(url + page("host-july.html", query="from=2017-06&to=2017-08"))
    july, content = settled(driver)
    assert abs(july - content) <= 5 and july < full - 100
    dates = in_frame(driver, "return Array.from(document.querySelectorAll('li.event'))"
                             ".map(li => [li.dataset.date, !li.hidden])")
    shown = [d for d, visible in dates if visible]
    assert shown and len(shown) < len(dates)
    assert all("2017-06" <= d[:7] <= "2017-08" for d in shown)


def test_forged_height_messages_are_ignored(driver, host):
    url, page = host
    driver.get(url + page("host.html"))
    before, _ = settled(driver)
    # from the host page itself: right shape, wrong source
    driver.execute_script("window.postMessage({type: 'site-builder:height', height: 12}, '*')")
    # from the real iframe, but not exactly the expected shape
    for bad in ("{type: 'site-builder:height', height: 1e9}",
                "{type: 'site-builder:height', height: '12'}",
                "{type: 'site-builder:height', height: NaN}",
                "{type: 'site-builder:height', height: -12}",
                "{type: 'site-builder:height', height: 12, extra: 1}",
                "{type: 'other', height: 12}",
                "[12]", "'site-builder:height 12'"):
        in_frame(driver, f"parent.postMessage({bad}, '*')")
    time.sleep(0.5)
    assert frame_height(driver) == before
    # control: the same message from the iframe in the right shape is obeyed
    in_frame(driver, "parent.postMessage({type: 'site-builder:height', height: 123}, '*')")
    time.sleep(0.3)
    assert frame_height(driver) == 123


def test_links_in_the_embed_open_in_the_host_window(driver, host, base_url):
    url, page = host
    driver.get(url + page("host.html"))
    settled(driver)
    targets = in_frame(driver, "return Array.from(document.querySelectorAll('a'))"
                               ".filter(a => !a.getAttribute('href').startsWith('#'))"
                               ".map(a => a.target)")
    assert targets and set(targets) == {"_top"}
    frame_el = driver.find_element(By.CSS_SELECTOR, "iframe[data-site-builder-frame]")
    driver.switch_to.frame(frame_el)
    title = driver.find_elements(By.CSS_SELECTOR, "li.event .event-title a")[1]
    expected = title.get_attribute("href")
    title.click()
    driver.switch_to.default_content()
    deadline = time.monotonic() + 5
    while "/articles/" not in driver.current_url and time.monotonic() < deadline:
        time.sleep(0.1)
    assert driver.current_url == expected  # the host window navigated to the article
    anchor = driver.current_url.split("#", 1)[1]
    assert driver.find_element(By.ID, anchor).is_displayed()


def test_deep_link_to_an_event_inside_the_iframe_scrolls_the_host(driver, host, built_site):
    url, page = host
    event_id = middle_event(built_site)
    driver.get(url + page("host-deep.html", spacer=3000, fragment=event_id))
    settled(driver)
    deadline = time.monotonic() + 5
    while driver.execute_script("return window.pageYOffset") < 1000 and time.monotonic() < deadline:
        time.sleep(0.1)
    top = driver.execute_script(
        "return document.querySelector('iframe[data-site-builder-frame]').getBoundingClientRect().top")
    offset = in_frame(driver, "return document.getElementById(arguments[0]).getBoundingClientRect().top",
                      event_id)
    assert -2 <= top + offset < driver.execute_script("return innerHeight") / 2
    highlighted = in_frame(driver, "return getComputedStyle(document.getElementById(arguments[0]))"
                                   ".backgroundColor", event_id)
    assert highlighted not in ("rgba(0, 0, 0, 0)", "transparent")


@pytest.mark.parametrize("path", ["", "embed/"])
def test_deep_link_to_an_event_outside_an_iframe(driver, base_url, built_site, path):
    event_id = middle_event(built_site)
    driver.get_log("browser")
    driver.get(f"{base_url}{path}#{event_id}")
    target = driver.find_element(By.ID, event_id)
    assert driver.execute_script("return arguments[0].matches(':target')", target)
    top, bottom, height = driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, innerHeight]", target)
    assert 0 <= top and bottom <= height  # scrolled into view
    assert driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", target) \
        not in ("rgba(0, 0, 0, 0)", "transparent")
    assert console_errors(driver) == []


def test_embed_page_on_its_own_has_no_console_errors(driver, base_url, results_dir):
    driver.get_log("browser")
    driver.get(base_url + "embed/?from=2017-06")
    shown = driver.execute_script("return Array.from(document.querySelectorAll('li.event'))"
                                  ".filter(li => !li.hidden).length")
    assert shown >= 2  # July and November; April is filtered out
    assert console_errors(driver) == []
    driver.save_screenshot(str(results_dir / "embed-1280.png"))


def test_timeline_page_offers_the_snippet_for_its_current_filters(driver, base_url):
    driver.get(base_url)
    box = driver.find_element(By.CSS_SELECTOR, "details.embed-box")
    assert box.is_displayed()  # no base_url: the script computed the site's URL from the page
    driver.find_element(By.CSS_SELECTOR, "details.embed-box summary").click()
    code = driver.find_element(By.CSS_SELECTOR, ".embed-code")
    assert code.get_attribute("value") == embed_snippet(base_url, "Timeline")
    search = driver.find_element(By.CSS_SELECTOR, "#filters input[name=q]")
    search.send_keys("G20")
    search.send_keys(Keys.TAB)
    driver.find_element(By.CSS_SELECTOR, "details.embed-box summary").click()  # close
    driver.find_element(By.CSS_SELECTOR, "details.embed-box summary").click()  # and open again
    assert code.get_attribute("value") == embed_snippet(base_url, "Timeline", "q=G20")
    driver.get(base_url + "?from=2017-06&to=2017-08")
    code = driver.find_element(By.CSS_SELECTOR, ".embed-code")
    assert code.get_attribute("value") == embed_snippet(base_url, "Timeline", "from=2017-06&to=2017-08")


def test_without_javascript_the_snippet_leaves_a_link(host, base_url):
    url, page = host
    driver = make_driver(javascript=False)
    try:
        driver.get(url + page("host.html"))
        assert driver.find_elements(By.CSS_SELECTOR, "iframe") == []
        link = driver.find_element(By.CSS_SELECTOR, "div[data-site-builder-timeline] a")
        assert link.is_displayed() and link.get_attribute("href") == base_url
    finally:
        driver.quit()


def test_embed_page_and_embed_box_accessible(driver, base_url):
    from test_pages import axe_serious

    report = {}
    driver.get(base_url + "embed/")
    report["embed"] = axe_serious(driver)
    driver.get(base_url)
    driver.find_element(By.CSS_SELECTOR, "details.embed-box summary").click()
    report["timeline with the embed box open"] = axe_serious(driver)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        driver.get(base_url + "embed/")
        report["embed, dark"] = axe_serious(driver)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    assert {page: v for page, v in report.items() if v} == {}


def test_copy_button_puts_the_snippet_on_the_clipboard(driver, base_url):
    origin = base_url.rstrip("/")
    driver.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    driver.get(base_url + "?from=2017-06")
    driver.find_element(By.CSS_SELECTOR, "details.embed-box summary").click()
    button = driver.find_element(By.CSS_SELECTOR, ".embed-copy")
    label = button.text
    button.click()
    deadline = time.monotonic() + 3
    while button.text == label and time.monotonic() < deadline:
        time.sleep(0.05)
    assert button.text != label  # "Copied"
    pasted = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done, e => done('error: ' + e))")
    assert pasted == embed_snippet(base_url, "Timeline", "from=2017-06")


def test_large_embed_goes_from_overview_to_a_year_inside_the_iframe(driver, host, large_site_url):
    url, page = host
    driver.get_log("browser")
    driver.get(url + page("host-large.html", query="tag=tag3", site=large_site_url))
    overview, content = settled(driver)
    assert abs(overview - content) <= 5
    frame_el = driver.find_element(By.CSS_SELECTOR, "iframe[data-site-builder-frame]")
    driver.switch_to.frame(frame_el)
    driver.find_element(By.CSS_SELECTOR, "#y2005 h2 a").click()
    deadline = time.monotonic() + 5
    while "/embed/years/2005/" not in driver.execute_script("return location.href") \
            and time.monotonic() < deadline:
        time.sleep(0.1)
    assert driver.execute_script("return location.pathname + location.search") == \
        "/embed/years/2005/?tag=tag3"  # inside the iframe, the filter kept
    tags = driver.execute_script("return Array.from(document.querySelectorAll('li.event'))"
                                 ".filter(li => !li.hidden).map(li => li.dataset.tags)")
    assert tags and all("tag3" in t.split("|") for t in tags)
    driver.switch_to.default_content()
    assert driver.current_url == url + "host-large.html"  # the host page stays
    year, content = settled(driver)
    assert abs(year - content) <= 5 and year != overview
    assert console_errors(driver) == []
