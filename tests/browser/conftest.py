"""Real headless Chromium (Debian's chromium + chromedriver) against pages served over loopback."""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from helpers import CHROMEDRIVER, CHROMIUM, chromium_driver, have_chromium

RESULTS = Path(__file__).resolve().parents[2] / "test-results"


def pytest_collection_modifyitems(config, items):
    if have_chromium():
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
    return chromium_driver(f"--window-size={width},900", javascript=javascript)


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


@pytest.fixture(scope="session")
def large_site_url(tmp_path_factory, serve):
    """A rendered timeline above the overview threshold (an overview and one
    page per year), served."""
    from site_builder.config import load_config
    from site_builder.model import Timeline
    from site_builder.output import write_site
    from site_builder.render import OVERVIEW_THRESHOLD, Site, render_site
    from site_builder.theme import Theme
    from helpers import large_site

    root = tmp_path_factory.mktemp("large")
    articles, events = large_site(OVERVIEW_THRESHOLD + 20)
    site = Site(config=load_config(root, {"language": "en"}), articles=tuple(articles), timexes={},
                timeline=Timeline(tuple(sorted(events, key=lambda e: e.sort_key))))
    write_site(render_site(site, Theme(root)), root / "output")
    return serve(root / "output")
