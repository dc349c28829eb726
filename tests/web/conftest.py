"""The page's fixtures: an app in process (Starlette's TestClient over httpx), a real server in a subprocess on a
free port, and Debian's chromium driven by Playwright (the tests that need it skip when it is absent)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OFFICE = ROOT / "examples" / "excel-office"
REPORT_TXT = ROOT / "tests" / "fixtures" / "qianjiang-2022-h1-report.txt"
CHROMIUM = os.environ.get("BRIEFGEN_CHROMIUM", "/usr/bin/chromium")
TOKEN = "test-token-0123456789"


@pytest.fixture
def office(tmp_path) -> Path:
    """A working folder as a clerk has it: briefgen.toml, report.yaml, 指标.xlsx, 任务.xlsx."""
    folder = tmp_path / "office"
    shutil.copytree(OFFICE, folder, ignore=shutil.ignore_patterns("README.md", "out"))
    return folder


class Api:
    """The JSON API through an in-process client, with the token header a page sends."""

    def __init__(self, client) -> None:
        self.client = client
        self.headers = {"X-Briefgen-Token": TOKEN}

    def session(self) -> str:
        r = self.client.post("/api/sessions", headers=self.headers)
        assert r.status_code == 200, r.text
        return r.json()["id"]

    def upload(self, sid: str, *files: tuple[str, bytes], kind: str = "folder"):
        return self.client.post(f"/api/sessions/{sid}/files", headers=self.headers, data={"kind": kind},
                                files=[("file", (name, data)) for name, data in files])

    def job(self, sid: str, kind: str = "build", **options) -> dict:
        r = self.client.post(f"/api/sessions/{sid}/jobs", headers=self.headers, json={"kind": kind, "options": options})
        assert r.status_code == 202, r.text
        jid = r.json()["id"]
        return self.wait(sid, jid)

    def wait(self, sid: str, jid: str, timeout: float = 120) -> dict:
        end = time.time() + timeout
        while time.time() < end:
            state = self.client.get(f"/api/sessions/{sid}/jobs/{jid}", headers=self.headers).json()
            if state["state"] != "running":
                return state
            time.sleep(0.05)
        raise AssertionError("job did not finish")


def make_client(tmp_path: Path, served: Path | None, **kw):
    from starlette.testclient import TestClient

    from briefgen.web.app import create_app
    from briefgen.web.sessions import Store

    store = Store(root=tmp_path / "sessions", served=served, workers=1)
    app = create_app(store, TOKEN, hosts=("testserver", "127.0.0.1"), **kw)
    return TestClient(app, base_url="http://testserver"), store


@pytest.fixture
def api(tmp_path):
    client, store = make_client(tmp_path, None)
    with client:
        yield Api(client)
    store.close()


@pytest.fixture
def folder_api(tmp_path, office):
    client, store = make_client(tmp_path, office)
    with client:
        yield Api(client), office
    store.close()


# ---- a real server and a real browser --------------------------------------------------------------------------

class Server:
    def __init__(self, folder: Path | None, tmp: Path, args: tuple[str, ...] = ()) -> None:
        """``args``: more arguments (files to open the page with, options)."""
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        cmd = [sys.executable, "-m", "briefgen", "serve", "--no-browser", "--workers", "2", *args]
        if folder is not None:
            cmd.insert(4, str(folder))
        self.log = tmp / "serve.log"
        self.out = open(self.log, "w")
        self.proc = subprocess.Popen(cmd, stdout=self.out, stderr=subprocess.STDOUT, env=env, cwd=tmp)
        end = time.time() + 30
        self.url = None
        while time.time() < end and self.url is None:
            m = re.search(r"http://\S+", self.log.read_text())
            if m:
                self.url = m.group(0)
                break
            if self.proc.poll() is not None:
                raise AssertionError(self.log.read_text())
            time.sleep(0.05)
        assert self.url, self.log.read_text()
        self.base = self.url.split("?")[0].rstrip("/")
        import urllib.request

        for _ in range(200):  # until it answers
            try:
                urllib.request.urlopen(self.base + "/", timeout=1)
            except Exception as exc:  # noqa: BLE001
                if getattr(exc, "code", None) == 403:
                    break
                time.sleep(0.05)

    stopped_in: float | None = None  # seconds from SIGTERM to the end of the process

    def stop(self) -> None:
        began = time.perf_counter()
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.stopped_in = time.perf_counter() - began
        self.out.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`briefgen serve` without a folder: every tab works on what it uploads."""
    tmp = tmp_path_factory.mktemp("serve")
    s = Server(None, tmp)
    yield s
    s.stop()


@pytest.fixture
def folder_server(tmp_path, office):
    """`briefgen serve FOLDER`: the page works on a working folder on disk."""
    s = Server(office, tmp_path)
    yield s, office
    s.stop()


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


@pytest.fixture
def browser_context(chromium, tmp_path):
    context = chromium.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    yield context
    context.close()


def open_page(context, server_url: str):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    page.goto(server_url)
    page.wait_for_selector("body[data-ready='1']")
    return page


def wait_job(page, timeout: float = 240_000) -> str:  # generous: the machine may be shared
    page.wait_for_selector("body[data-job-state='done'], body[data-job-state='failed']", timeout=timeout)
    return page.get_attribute("body", "data-job-state")
