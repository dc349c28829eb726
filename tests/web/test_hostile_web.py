"""The page given what a browser (or a script on the office network) can send: files that name other paths on the
server, uploads past the form's limits or without a size. Read back as the page shows it: the problem's text in
Chinese, the status code, nothing read or stored outside the session."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .conftest import OFFICE, Api, make_client

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "qianjiang-2022-h1.yaml"
OUTSIDE = "不在网页所用的文件夹内：网页只读取拖放到网页上的文件和它打开的文件夹；请把这个文件拖放到网页上，并只写文件名、不写文件夹"


def _secret(tmp_path: Path) -> Path:
    """A table elsewhere on the server, in the shape the indicator loader takes (it would build into documents)."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    shutil.copy(OFFICE / "指标.xlsx", folder / "指标.xlsx")
    return folder / "指标.xlsx"


def test_an_uploaded_file_naming_a_path_elsewhere_on_the_server_is_refused_there(api, tmp_path):
    """An uploaded report.yaml with `sources: indicators: /…/指标.xlsx`, or an uploaded briefgen.toml with
    `data = "/…/plan.yaml"`, made the job read that file and show its figures on the page (anyone the printed address
    reached could read any table or YAML on the server). Now the job stops at that path, and shows nothing of it."""
    secret = _secret(tmp_path)
    plan = tmp_path / "elsewhere" / "plan.yaml"
    shutil.copy(SAMPLE, plan)
    data = SAMPLE.read_text("utf-8") + f"\nsources:\n  indicators: {secret}\n"
    cases = [[("report.yaml", data.encode())],
             [("briefgen.toml", f'data = "{plan}"\n'.encode())],
             [("briefgen.toml", f'data = "../../../{plan.relative_to(tmp_path)}"\n'.encode())]]
    for files in cases:
        sid = api.session()
        assert api.upload(sid, *files).status_code == 200
        state = api.job(sid, "build")
        assert state["state"] == "failed" and state["files"] == [], state
        assert [(p["text"], p["code"], p["place"]) for p in state["problems"]] == [(OUTSIDE, "BG013", None)], state
        assert "31.3" not in json.dumps(state, ensure_ascii=False)


def test_a_theme_elsewhere_on_the_server_is_refused(api, tmp_path):
    """The page's theme option, or an uploaded theme's `extends`, naming a .toml elsewhere: read before, refused now."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "局里.toml").write_text('extends = "official"\n', encoding="utf-8")
    sid = api.session()
    assert api.upload(sid, ("report.yaml", SAMPLE.read_bytes())).status_code == 200
    state = api.job(sid, "build", theme=str(elsewhere / "局里.toml"))
    assert state["state"] == "failed" and OUTSIDE in json.dumps(state["problems"], ensure_ascii=False), state
    assert api.upload(sid, ("mine.toml", f'extends = "{elsewhere / "局里.toml"}"\n'.encode()),
                      ("briefgen.toml", b'theme = "mine.toml"\n')).status_code == 200
    state = api.job(sid, "build")
    assert state["state"] == "failed" and OUTSIDE in json.dumps(state["problems"], ensure_ascii=False), state
    state = api.job(sid, "build", theme="handout")  # a built-in theme is the package's own
    assert state["state"] == "done", state
    assert api.upload(sid, ("mine.toml", b'extends = "handout"\n')).status_code == 200  # one beside the data is read
    assert api.job(sid, "build")["state"] == "done"


def test_the_served_folders_own_settings_still_reach_past_it(tmp_path, office):
    """The folder a clerk serves is hers: its briefgen.toml may name data kept beside it, as `briefgen build` takes it."""
    shared = tmp_path / "共享"
    shared.mkdir()
    shutil.move(office / "report.yaml", shared / "report.yaml")
    toml = (office / "briefgen.toml").read_text("utf-8")
    (office / "briefgen.toml").write_text(f'data = "../共享/report.yaml"\n{toml}' if "data" not in toml
                                          else toml.replace('"report.yaml"', '"../共享/report.yaml"'), "utf-8")
    client, store = make_client(tmp_path, office)
    with client:
        api = Api(client)
        state = api.job(api.session(), "build")
        assert state["state"] == "done", state
    store.close()


def test_an_upload_past_the_forms_limits_is_one_chinese_problem(api):
    """30 files or 40 fields in one upload got Starlette's English in plain text ("Too many files. Maximum number of
    files is 21."), which the page cannot show as a problem."""
    sid = api.session()
    for r in (api.upload(sid, *[(f"t{i}.csv", b"a\n") for i in range(30)]),
              api.client.post(f"/api/sessions/{sid}/files", headers=api.headers, data={f"f{i}": "x" for i in range(40)},
                              files=[("file", ("a.csv", b"a\n"))])):
        assert r.status_code == 400 and r.headers["content-type"] == "application/json", r.text
        assert [p["text"] for p in r.json()["problems"]] == [
            "上传的内容不是本页发出的表单（超过 20 个文件，或字段多于本页所发）；请重新把文件拖放到网页上"]
    assert not any(api.client.app.app.state.store.get(sid).uploads.iterdir())


def test_an_upload_without_its_size_is_refused_before_it_is_read(api):
    """A chunked upload (no Content-Length) passed the session's 200 MB check: Starlette spooled it to disk and the
    page read it whole into memory (600 MB sent: the server peaked at 637 MB) before refusing it by its size."""
    sid = api.session()
    sent = {"chunks": 0}

    def body():
        yield b'--xx\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n'
        for _ in range(100):
            sent["chunks"] += 1
            yield b"a," * (512 * 1024)
        yield b"\r\n--xx--\r\n"

    r = api.client.post(f"/api/sessions/{sid}/files", headers={**api.headers, "Content-Type": "multipart/form-data; boundary=xx"},
                        content=body())
    assert r.status_code == 411, r.text
    assert [p["text"] for p in r.json()["problems"]] == ["上传没有说明大小（缺少 Content-Length）；请像本页那样连同大小一起发送"]
    assert not any(api.client.app.app.state.store.get(sid).uploads.iterdir())


def test_a_served_folder_with_links_out_loops_and_pipes_is_listed_without_them(tmp_path, office):
    """A link that loops back on itself made every request for the folder's files an internal error (500: the page
    showed nothing); a templates/ folder that is a link out of the served folder offered and rendered the templates
    of another folder. Now the page lists the folder's own files and templates, and builds."""
    import os
    import time

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "别处.xml.j2").write_text("<p>别处</p>\n", encoding="utf-8")
    os.symlink("loop.yaml", office / "loop.yaml")
    os.symlink("/nonexistent/x.yaml", office / "dangling.yaml")
    os.symlink("/dev/zero", office / "zero.yaml")
    os.mkfifo(office / "pipe.csv")
    os.symlink(elsewhere, office / "templates")
    client, store = make_client(tmp_path, office)
    with client:
        api = Api(client)
        sid = api.session()
        began = time.monotonic()
        r = client.get(f"/api/sessions/{sid}", headers=api.headers)
        assert r.status_code == 200 and time.monotonic() - began < 20, r.text
        assert sorted(f["name"] for f in r.json()["files"]) == ["briefgen.toml", "report.yaml", "任务.xlsx", "指标.xlsx"]
        assert "别处" not in [t["name"] for t in r.json()["templates"]]
        state = api.job(sid, "build")
        assert state["state"] == "done", state
        state = api.job(sid, "build", templates=["别处"])
        assert state["state"] == "failed", state
    store.close()
