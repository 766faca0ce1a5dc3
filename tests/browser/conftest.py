"""Real headless Chromium (Debian's chromium + chromedriver) against pages served over loopback."""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
RESULTS = Path(__file__).resolve().parents[2] / "test-results"


def _have_browser() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def pytest_collection_modifyitems(config, items):
    if _have_browser():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"browser tests need {CHROMIUM} and {CHROMEDRIVER} (apt-get install "
                                "chromium chromium-driver)")
    skip = pytest.mark.skip(reason="Debian's chromium and chromium-driver are not installed")
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(skip)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The dpa seed and two tagged Markdown articles (de, en), built once for all browser tests."""
    from site_builder.build import build
    from site_builder.config import load_config
    from helpers import write_mixed_site

    root = write_mixed_site(tmp_path_factory.mktemp("site"))
    build(load_config(root))
    return root / "output"


def serve_dir(directory: Path):
    handler = functools.partial(_Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return httpd


@pytest.fixture(scope="session")
def serve():
    """Serve a folder over loopback: ``serve(path) -> base URL``; stopped at the end."""
    servers = []

    def start(directory: Path) -> str:
        servers.append(serve_dir(directory))
        return f"http://127.0.0.1:{servers[-1].server_address[1]}/"

    yield start
    for httpd in servers:
        httpd.shutdown()


@pytest.fixture(scope="session")
def base_url(built_site, serve):
    return serve(built_site)


def make_driver(width: int = 1280, javascript: bool = True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", f"--window-size={width},900"):
        opts.add_argument(arg)
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


@pytest.fixture(scope="session")
def driver():
    drv = make_driver()
    drv.set_script_timeout(60)
    yield drv
    drv.quit()


@pytest.fixture
def browser(driver):
    """The session's browser, reset to defaults after each test (viewport, media, script)."""
    driver.get_log("browser")  # start with an empty console log
    yield driver
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    driver.get_log("browser")  # drop what this test left in the console log


@pytest.fixture(scope="session")
def results_dir():
    RESULTS.mkdir(exist_ok=True)
    return RESULTS
