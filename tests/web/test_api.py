"""The page's JSON API in process (Starlette's TestClient over httpx): token, uploads, jobs, problems at their
place, downloads with Chinese names, the zip, progress as Server-Sent Events, sessions kept apart, drafts."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path
from urllib.parse import quote

import openpyxl
import pypdfium2 as pdfium
import pytest

from .conftest import OFFICE, REPORT_TXT, TOKEN, Api, make_client


def pdf_text(data: bytes) -> str:
    doc = pdfium.PdfDocument(data)
    return "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def downloaded_name(header: str) -> str:
    """The file name a browser takes from Content-Disposition: filename* (RFC 6266/5987) when present."""
    from urllib.parse import unquote

    star = header.split("filename*=", 1)[1].split(";")[0].strip()
    charset, _, value = star.split("'", 2)
    assert charset.lower() == "utf-8"
    return unquote(value, encoding="utf-8")


def office_files() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in OFFICE.iterdir() if p.suffix in (".yaml", ".xlsx", ".toml")]


def bad_indicators(tmp_path: Path) -> bytes:
    wb = openpyxl.load_workbook(OFFICE / "指标.xlsx")
    wb.active["D4"] = "三十一点三"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---- the token ---------------------------------------------------------------------------------------------------

def test_every_request_needs_the_token_and_a_wrong_one_gets_403_and_nothing_else(api):
    c = api.client
    assert c.get("/").status_code == 403
    wrong = c.get("/?token=not-the-token", follow_redirects=False)
    assert wrong.status_code == 403
    assert "briefgen-token" not in wrong.text and TOKEN not in wrong.text and "/api/" not in wrong.text
    assert c.get("/static/app.js").status_code == 403
    assert c.post("/api/sessions").status_code == 403
    first = c.get(f"/?token={TOKEN}", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/"
    assert "httponly" in first.headers["set-cookie"].lower() and "samesite=strict" in first.headers["set-cookie"].lower()
    page = c.get("/")  # the cookie now
    assert page.status_code == 200 and 'id="drop"' in page.text


def test_a_change_needs_the_token_header_not_only_the_cookie(api):
    c = api.client
    c.get(f"/?token={TOKEN}")  # cookie set, as a browser would have it
    assert c.get("/static/app.css").status_code == 200
    assert c.post("/api/sessions").status_code == 403  # a cross-site form post carries the cookie, never the header
    assert c.post("/api/sessions", headers={"X-Briefgen-Token": "wrong"}).status_code == 403
    assert c.post("/api/sessions", headers={"X-Briefgen-Token": TOKEN}).status_code == 200


def test_another_sites_name_for_this_computer_is_refused(api):
    r = api.client.get(f"/?token={TOKEN}", headers={"Host": "evil.example:8000"}, follow_redirects=False)
    assert r.status_code == 403


def test_the_page_speaks_chinese_by_default_and_english_when_the_browser_asks(api):
    c = api.client
    c.get(f"/?token={TOKEN}")
    zh = c.get("/").text
    assert "工作文件夹" in zh and "开始生成" in zh and 'lang="zh-CN"' in zh
    en = c.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert "Working folder" in en and "工作文件夹" not in en and 'lang="en"' in en


def test_nothing_the_page_loads_comes_from_off_the_machine(api):
    c = api.client
    c.get(f"/?token={TOKEN}")
    page = c.get("/").text + c.get("/static/app.js").text + c.get("/static/app.css").text
    assert "http://" not in page and "https://" not in page and "//cdn" not in page
    font = c.get("/font/sans.otf")
    assert font.status_code == 200 and font.content[:4] == b"OTTO"


# ---- uploads -------------------------------------------------------------------------------------------------------

def test_uploads_keep_chinese_names_and_say_what_each_file_is(api):
    sid = api.session()
    r = api.upload(sid, *office_files())
    assert r.status_code == 200, r.text
    assert sorted(r.json()["stored"]) == sorted(["briefgen.toml", "report.yaml", "指标.xlsx", "任务.xlsx"])
    files = {f["name"]: f["role"] for f in api.client.get(f"/api/sessions/{sid}", headers=api.headers).json()["files"]}
    assert files == {"briefgen.toml": "settings", "report.yaml": "data", "指标.xlsx": "indicators", "任务.xlsx": "tasks"}


def test_a_path_the_browser_sends_never_becomes_a_path_on_disk(api, tmp_path):
    sid = api.session()
    r = api.upload(sid, ("../../escape.yaml", b"a: 1\n"), ("C:\\Users\\clerk\\数据.json", b"{}"), ("CON.csv", b"x\n"))
    assert r.status_code == 200, r.text
    assert sorted(r.json()["stored"]) == ["_CON.csv", "escape.yaml", "数据.json"]
    root = tmp_path / "sessions" / sid / "uploads"
    assert sorted(p.name for p in root.iterdir()) == ["_CON.csv", "escape.yaml", "数据.json"]
    assert not (tmp_path / "escape.yaml").exists() and not (tmp_path / "sessions" / "escape.yaml").exists()


def test_the_server_refuses_an_unknown_kind_an_over_limit_file_and_too_many_files(api, monkeypatch):
    from briefgen import limits

    sid = api.session()
    r = api.upload(sid, ("setup.exe", b"MZ"))
    assert r.status_code == 400 and "setup.exe" in r.json()["problems"][0]["text"]
    monkeypatch.setattr(limits, "MAX_DATA_FILE_BYTES", 1000)
    from briefgen.workdir import folder as workfolder

    monkeypatch.setitem(workfolder._SIZE_LIMITS, "data", 1000)
    r = api.upload(sid, ("big.yaml", b"#" * 2000))
    assert r.status_code == 400 and "big.yaml" in r.json()["problems"][0]["text"]
    r = api.upload(sid, *[(f"t{i}.csv", b"a\n") for i in range(limits.MAX_UPLOAD_FILES + 1)])
    assert r.status_code == 400 and str(limits.MAX_UPLOAD_FILES) in r.json()["problems"][0]["text"]
    assert not any((api.client.app.app.state.store.get(sid).uploads).iterdir())


def test_sessions_do_not_see_each_others_files_or_jobs(api):
    a, b = api.session(), api.session()
    api.upload(a, *office_files())
    assert api.client.get(f"/api/sessions/{b}", headers=api.headers).json()["files"] == []
    job = api.job(a)
    assert job["state"] == "done"
    other = api.client.get(f"/api/sessions/{b}/jobs/{job['id']}", headers=api.headers)
    assert other.status_code == 404
    name = job["files"][0]["name"]
    assert api.client.get(f"/api/sessions/{b}/jobs/{job['id']}/files/{quote(name)}", headers=api.headers).status_code == 404
    assert api.client.get("/api/sessions/no-such-session", headers=api.headers).status_code == 404


def test_old_sessions_are_removed(tmp_path):
    from briefgen.web.sessions import Store

    store = Store(root=tmp_path / "s", hours=1)
    old, new = store.new(), store.new()
    (old.uploads / "指标.xlsx").write_bytes(b"x")
    old.used -= 2 * 3600
    assert store.sweep() == [old.id]
    assert not old.root.exists() and new.root.exists() and store.get(old.id) is None
    store.close()


# ---- jobs, files, problems -----------------------------------------------------------------------------------------

def test_build_gives_the_files_and_the_pdf_downloads_with_its_chinese_name(api):
    sid = api.session()
    api.upload(sid, *office_files())
    job = api.job(sid)
    assert job["state"] == "done", job
    pdfs = [f for f in job["files"] if f["format"] == "pdf"]
    assert {f["template"] for f in pdfs} == {"summary", "tasks"} and all(f["pages"] >= 1 for f in pdfs)
    summary = next(f for f in pdfs if f["template"] == "summary")
    assert "主要经济指标" in summary["name"]
    r = api.client.get(f"/api/sessions/{sid}/jobs/{job['id']}/files/{quote(summary['name'])}", headers=api.headers)
    assert r.status_code == 200
    assert downloaded_name(r.headers["content-disposition"]) == summary["name"]
    assert r.headers["content-disposition"].startswith('attachment; filename="')
    text = pdf_text(r.content)
    assert "规上工业增加值" in text and "31.3" in text
    png = api.client.get(f"/api/sessions/{sid}/jobs/{job['id']}/pages/{quote(summary['name'])}/1", headers=api.headers)
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    image = Image.open(io.BytesIO(png.content))
    assert image.width > 300 and image.convert("L").getextrema()[0] < 100  # a page with ink
    assert api.client.get(f"/api/sessions/{sid}/jobs/{job['id']}/pages/{quote(summary['name'])}/9", headers=api.headers).status_code == 400


def test_the_zip_holds_every_file_and_the_manifest_with_chinese_names(api):
    sid = api.session()
    api.upload(sid, *office_files())
    job = api.job(sid, "pack", meeting="前江街道2022年下半年工作部署会")
    assert job["state"] == "done", job
    r = api.client.get(f"/api/sessions/{sid}/jobs/{job['id']}/zip", headers=api.headers)
    assert r.status_code == 200 and downloaded_name(r.headers["content-disposition"]).startswith("前江街道")
    z = zipfile.ZipFile(io.BytesIO(r.content))
    names = z.namelist()
    assert "manifest.json" in names and {f["name"] for f in job["files"]} <= set(names)
    manifest = json.loads(z.read("manifest.json"))
    pdf = next(n for n in names if n.endswith(".pdf"))
    assert pdf in json.dumps(manifest, ensure_ascii=False)
    assert "前江街道2022年下半年工作部署会" in pdf_text(z.read(pdf))


def test_a_bad_cell_is_shown_at_its_place_in_a_grid_of_the_sheet(api, tmp_path):
    sid = api.session()
    files = [f for f in office_files() if f[0] != "指标.xlsx"] + [("指标.xlsx", bad_indicators(tmp_path))]
    api.upload(sid, *files)
    job = api.job(sid)
    assert job["state"] == "failed" and not job["files"]
    problem = next(p for p in job["problems"] if p["cell"] == "Sheet1!D4")
    assert problem["where"] == "指标.xlsx：Sheet1!D4" or problem["where"] == "指标.xlsx:Sheet1!D4"
    assert "三十一点三" in problem["text"] or "D4" in problem["where"]
    place = problem["place"]
    assert place["kind"] == "cell" and place["sheet"] == "Sheet1"
    row, col = place["mark"]
    marked = dict((n, cells) for n, cells in place["rows"])[row][col]
    assert row == 4 and place["columns"][col] == "D" and marked == "三十一点三"


def test_a_yaml_problem_is_shown_at_its_line(api):
    sid = api.session()
    data = (OFFICE / "report.yaml").read_text("utf-8").replace("date: 2022-07-29", "date: 2022-13-45")
    assert "2022-13-45" in data
    api.upload(sid, *[f for f in office_files() if f[0] != "report.yaml"], ("report.yaml", data.encode()))
    job = api.job(sid)
    assert job["state"] == "failed"
    problem = next(p for p in job["problems"] if p["line"])
    place = problem["place"]
    assert place["kind"] == "line"
    line = dict((n, text[0]) for n, text in place["rows"])[place["mark"][0]]
    assert "2022-13-45" in line


def test_no_data_yet_is_a_problem_in_words_not_a_traceback(api):
    sid = api.session()
    job = api.job(sid)
    assert job["state"] == "failed"
    assert job["problems"][0]["text"].startswith("还没有报告数据") and "Traceback" not in json.dumps(job)


def test_batch_progress_arrives_as_server_sent_events_one_per_brief(api):
    sid = api.session()
    api.upload(sid, *office_files())
    r = api.client.post(f"/api/sessions/{sid}/jobs", headers=api.headers, json={"kind": "batch", "options": {}})
    jid = r.json()["id"]
    events = []
    with api.client.stream("GET", f"/api/sessions/{sid}/jobs/{jid}/events", headers=api.headers) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        kind = None
        for line in stream.iter_lines():
            if line.startswith("event: "):
                kind = line[7:]
            elif line.startswith("data: "):
                events.append((kind, json.loads(line[6:])))
                if kind == "done":
                    break
    progress = [e for k, e in events if k == "progress"]
    done = events[-1][1]
    assert done["state"] == "done", done
    units = {f["unit"] for f in done["files"]}
    assert len(progress) == len(units) >= 3
    assert [p["done"] for p in progress] == list(range(1, len(units) + 1)) and {p["unit"] for p in progress} == units
    assert done["sheet"] and api.client.get(f"/api/sessions/{sid}/jobs/{jid}/sheet", headers=api.headers).content[:4] == b"\x89PNG"


def test_a_batch_in_one_session_does_not_hold_up_a_build_in_another(api):
    a, b = api.session(), api.session()
    api.upload(a, *office_files())
    api.upload(b, *office_files())
    big = api.client.post(f"/api/sessions/{a}/jobs", headers=api.headers, json={"kind": "batch", "options": {}}).json()["id"]
    small = api.job(b, templates=["summary"])
    assert small["state"] == "done" and {f["template"] for f in small["files"]} == {"summary"}
    assert api.wait(a, big)["state"] == "done"


def test_the_served_folder_is_read_and_outputs_stay_out_of_it(folder_api):
    api, office = folder_api
    before = sorted(p.name for p in office.iterdir())
    sid = api.session()
    names = {f["name"] for f in api.client.get(f"/api/sessions/{sid}", headers=api.headers).json()["files"]}
    assert {"report.yaml", "指标.xlsx", "任务.xlsx", "briefgen.toml"} <= names
    job = api.job(sid)
    assert job["state"] == "done", job
    assert sorted(p.name for p in office.iterdir()) == before


# ---- from a report --------------------------------------------------------------------------------------------------

def test_a_report_becomes_a_draft_form_then_data_then_documents(api):
    sid = api.session()
    r = api.upload(sid, (REPORT_TXT.name, REPORT_TXT.read_bytes()), kind="report")
    assert r.status_code == 200, r.text
    draft = r.json()["draft"]
    fields = {f["label"]: f for f in draft["fields"]}
    doubts = [f for f in draft["fields"] if f["reason"]]
    assert fields["report.issuer"]["value"] == "前江街道" and len(doubts) >= 3
    lead = next(f for f in doubts if f["label"].endswith(".lead"))
    edits = {lead["label"]: "经济发展办公室", "report.title": "前江街道2022年上半年工作总结"}
    saved = api.client.post(f"/api/sessions/{sid}/draft", headers=api.headers, json={"report": draft["report"], "edits": edits})
    assert saved.status_code == 200, saved.text
    import yaml

    store = api.client.app.app.state.store
    data = yaml.safe_load((store.get(sid).uploads / saved.json()["saved"]).read_text("utf-8"))
    from briefgen.extract.form import _path

    node = data
    for step in _path(lead["label"]):
        node = node[step]
    assert node == "经济发展办公室" and data["report"]["title"] == "前江街道2022年上半年工作总结"
    job = api.job(sid, templates=["tasks"])
    assert job["state"] == "done", job
    pdf = next(f for f in job["files"] if f["format"] == "pdf")
    body = api.client.get(f"/api/sessions/{sid}/jobs/{job['id']}/files/{quote(pdf['name'])}", headers=api.headers).content
    assert "经济发展办公室" in "".join(pdf_text(body).split())  # a narrow column breaks the name over two lines


def test_a_password_is_asked_for_and_works_as_the_token(tmp_path):
    from briefgen.web.app import create_app
    from briefgen.web.sessions import Store
    from starlette.testclient import TestClient

    store = Store(root=tmp_path / "s")
    app = create_app(store, "办公室口令2024", password=True, hosts=None)  # --host 0.0.0.0 --password …
    with TestClient(app, base_url="http://192.168.1.20:8765") as c:
        asked = c.get("/")
        assert asked.status_code == 403 and 'type="password"' in asked.text and "办公室口令2024" not in asked.text
        assert c.get("/?token=wrong").status_code == 403
        assert c.get("/?token=" + quote("办公室口令2024"), follow_redirects=False).status_code == 303
        assert c.get("/").status_code == 200
    store.close()


def test_serve_prints_the_address_with_its_token_and_refuses_a_short_password(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "briefgen", "serve", "--host", "0.0.0.0", "--password", "short", "--no-browser"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--password" in done.stderr and "Traceback" not in done.stderr
    done = subprocess.run([sys.executable, "-m", "briefgen", "serve", str(tmp_path / "nowhere"), "--no-browser"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "nowhere" in done.stderr and "Traceback" not in done.stderr


def test_an_upload_larger_than_a_session_may_hold_is_refused_before_it_is_read(api):
    from briefgen import limits

    sid = api.session()
    r = api.client.post(f"/api/sessions/{sid}/files", headers={**api.headers, "Content-Length": str(limits.MAX_SESSION_BYTES + 1),
                                                                "Content-Type": "multipart/form-data; boundary=x"}, content=b"--x--\r\n")
    assert r.status_code == 413 and "200 MB" in r.json()["problems"][0]["text"]


def test_a_pdf_opens_in_the_browser_when_asked_inline(api):
    sid = api.session()
    api.upload(sid, *office_files())
    job = api.job(sid, templates=["summary"])
    pdf = next(f for f in job["files"] if f["format"] == "pdf")
    r = api.client.get(f"/api/sessions/{sid}/jobs/{job['id']}/files/{quote(pdf['name'])}?inline=1", headers=api.headers)
    assert r.headers["content-disposition"].startswith("inline;") and r.headers["content-type"] == "application/pdf"
