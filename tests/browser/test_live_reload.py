"""``site-builder serve`` in real Chromium: the page reloads itself after each
edit (two edits a second apart), and a broken build shows its error overlay."""
from __future__ import annotations

import shutil
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from helpers import SEED, write
from test_server import ServerProcess, WAIT


@pytest.fixture
def served(tmp_path):
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    server = ServerProcess(tmp_path)
    yield tmp_path, server
    server.stop()


def _edit(site, old, new):
    seed = site / "seeds" / SEED.name
    seed.write_text(seed.read_text("utf-8").replace(old, new), encoding="utf-8")


def _reloaded_with(driver, value):
    """Wait until the page shows an event at ``value`` *and* is a fresh load."""
    def check(d):
        fresh = d.execute_script("return window.__before_edit === undefined")
        return fresh and d.find_elements(By.CSS_SELECTOR, f'li.event time[datetime="{value}"]')
    WebDriverWait(driver, WAIT, poll_frequency=0.1).until(check)


def _connected(driver):
    WebDriverWait(driver, WAIT, poll_frequency=0.1).until(
        lambda d: d.execute_script("return !!(window.LiveReload && window.LiveReload.connector "
                                   "&& window.LiveReload.connector._connectionDesired "
                                   "&& window.LiveReload.connector.protocol)"))


def test_page_reloads_itself_after_two_edits_a_second_apart(driver, served):
    site, server = served
    driver.get(server.url)
    _connected(driver)
    driver.execute_script("window.__before_edit = 1")
    _edit(site, "im Juli", "im Juni")
    _reloaded_with(driver, "2017-06")
    first = time.monotonic()
    _connected(driver)
    driver.execute_script("window.__before_edit = 1")
    time.sleep(max(0.0, 1.0 - (time.monotonic() - first)))
    _edit(site, "im Juni", "im Mai")
    _reloaded_with(driver, "2017-05")  # livereload's default would have ignored this one
    assert time.monotonic() - first < 3.0 + 2.0
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"
              and "Content Security Policy" in e["message"]]
    assert severe == []  # the reload script is not blocked by the page's CSP


def test_broken_build_shows_overlay_over_last_good_page(driver, served):
    site, server = served
    driver.get(server.url)
    _connected(driver)
    write(site / "seeds" / "broken.txt", "date 2017-13\nBerlin (dpa) - Text.\n")
    overlay = WebDriverWait(driver, WAIT, poll_frequency=0.1).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".site-builder-error"))[0]
    assert overlay.is_displayed() and "broken.txt:1" in overlay.text
    assert driver.execute_script("return getComputedStyle(arguments[0]).position", overlay) == "fixed"
    assert driver.find_elements(By.CSS_SELECTOR, 'li.event time[datetime="2017-07"]')
    (site / "seeds" / "broken.txt").unlink()
    WebDriverWait(driver, WAIT, poll_frequency=0.1).until(
        lambda d: not d.find_elements(By.CSS_SELECTOR, ".site-builder-error"))
