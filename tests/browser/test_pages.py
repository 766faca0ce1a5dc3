"""Timeline and article pages in a real browser."""
from __future__ import annotations

from selenium.webdriver.common.by import By


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_timeline_shows_seed_events_in_order(driver, base_url, results_dir):
    driver.get(base_url)
    times = [t.get_attribute("datetime") for t in driver.find_elements(By.CSS_SELECTOR, "li.event .event-date")]
    assert times == sorted(times)
    assert {"2017-04", "2017-07", "2017-11"} <= set(times)
    for t in driver.find_elements(By.CSS_SELECTOR, "li.event"):
        assert t.is_displayed()
    assert console_errors(driver) == []
    driver.save_screenshot(str(results_dir / "timeline-1280.png"))


def test_event_link_lands_on_highlighted_sentence(driver, base_url):
    driver.get(base_url)
    link = driver.find_element(By.CSS_SELECTOR, 'li.event[data-date="2017-07"] .event-title a')
    link.click()
    anchor = driver.current_url.split("#", 1)[1]
    target = driver.find_element(By.ID, anchor)
    assert "G20" in target.text
    background = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", target)
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    other = driver.find_elements(By.CSS_SELECTOR, ".event-sentence")
    plain = [o for o in other if o.get_attribute("id") and o.get_attribute("id") != anchor]
    for o in plain:
        bg = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", o)
        assert bg in ("rgba(0, 0, 0, 0)", "transparent")
    assert console_errors(driver) == []
