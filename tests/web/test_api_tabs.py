"""The JSON API of the 督办 and 档案 tabs, in process: what is refused and why, and what a returned form or an
uploaded file may not change (the plan, the catalogue, where files are written)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import TOKEN, Api, make_client
from .test_tabs import fill_form


def forms_of(api: Api, sid: str, period: str = "2022-09") -> dict[str, bytes]:
    state = api.job(sid, "track-forms", period=period)
    assert state["state"] == "done", state["problems"]
    return {f["name"]: api.client.get(f"/api/sessions/{sid}/jobs/{state['id']}/files/{f['name']}", headers=api.headers).content for f in state["files"]}


def test_a_returned_form_is_never_the_plan_and_the_wrong_kind_is_refused(folder_api):
    api, office = folder_api
    sid = api.session()
    forms = forms_of(api, sid)
    name, data = next(iter(forms.items()))
    r = api.upload(sid, (name, fill_form(data)), ("说明.pdf", b"%PDF-1.4"), kind="progress")
    assert r.json()["stored"] == [name]
    [refused] = r.json()["problems"]
    assert refused["where"] == "说明.pdf" and ".xlsx" in refused["text"] and "这里不接收" in refused["text"]
    info = api.client.get(f"/api/sessions/{sid}", headers=api.headers).json()
    assert [f["name"] for f in info["track"]["progress"]] == [name]
    assert name not in [f["name"] for f in info["files"]]  # not a file of the folder: the plan stays 任务.xlsx
    assert [f["name"] for f in info["files"] if f["used"] and f["role"] == "tasks"] == ["任务.xlsx"]
    # the briefs are made from the plan as before
    assert api.job(sid, "build")["state"] == "done"
    r = api.client.post(f"/api/sessions/{sid}/progress/clear", headers=api.headers)
    assert r.json() == {"removed": 1}
    state = api.job(sid, "track-report", period="2022-09", as_of="2022-09-30")
    assert state["state"] == "failed"  # nothing returned: said so in the page's words, nothing made
    assert [p["text"] for p in state["problems"]] == ["还没有收回的进度表：请把各单位交回的进度表拖到“二、收回进度表”"]
    assert state["files"] == []


@pytest.mark.parametrize("options, words", [
    ({"period": "2022-09", "as_of": "九月底"}, "九月底"),
    ({"period": "2022-13", "as_of": "2022-09-30"}, "2022-13"),
    ({"period": "2022-09", "as_of": "2022-09-30", "rule": "不存在的规则"}, "序时进度"),
    ({"period": "2022-09", "as_of": "2022-09-30", "thresholds": {"return_day": 1}}, "return_day 不是判定规则的阈值"),
    ({"period": "2022-09", "as_of": "2022-09-30", "thresholds": {"near_days": "1.5"}}, "0 到 366 之间的整数"),
    ({"period": "2022-09", "as_of": "2022-09-30", "thresholds": {"behind_points": "NaN"}}, "（behind_points）填了 NaN"),
    ({"period": "2022-09", "as_of": "2022-09-30", "thresholds": {"behind_points": [1]}}, "0 到 100 之间的数"),
])
def test_a_wrong_date_period_or_rule_is_one_located_line(folder_api, options, words):
    api, office = folder_api
    sid = api.session()
    name, data = next(iter(forms_of(api, sid).items()))
    api.upload(sid, (name, fill_form(data)), kind="progress")
    state = api.job(sid, "track-report", **options)
    assert state["state"] == "failed"
    [problem] = state["problems"]
    assert words in problem["text"] and "\n" not in problem["text"] and "Traceback" not in problem["text"]


def test_without_a_folder_the_months_stay_in_the_session(api, office):
    sid = api.session()
    api.upload(sid, *[(p.name, p.read_bytes()) for p in (office / "report.yaml", office / "任务.xlsx")])
    forms = forms_of(api, sid)
    assert len(forms) == 7
    store = api.client.app.app.state.store
    session = store.get(sid)
    assert sorted(p.name for p in (session.out / "track" / "2022-09" / "进度表").glob("*.xlsx")) == sorted(forms)


@pytest.fixture
def archived_office(tmp_path, office):
    with open(office / "briefgen.toml", "a", encoding="utf-8") as f:
        f.write('catalog = "档案.sqlite"\n')
    done = subprocess.run([sys.executable, "-m", "briefgen", "build", "--archive"], cwd=office, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return office


def test_the_catalogue_is_the_served_folders_and_a_changed_archive_page_is_not_shown(tmp_path, archived_office):
    client, store = make_client(tmp_path, archived_office)
    with client:
        api = Api(client)
        sid = api.session()
        # a briefgen.toml dropped on the page names another catalogue: the page keeps the folder's
        api.upload(sid, ("briefgen.toml", f'catalog = "{tmp_path / "other.sqlite"}"\n'.encode()))
        state = client.get(f"/api/sessions/{sid}/catalog", headers=api.headers).json()
        assert state["exists"] and state["path"] == "档案.sqlite" and state["documents"] == 4
        found = client.get(f"/api/sessions/{sid}/catalog/search", params={"q": "工业"}, headers=api.headers).json()
        hit = next(h for h in found["hits"] if h["pdf"])
        assert hit["match"] == "工业" and found["figure"] == []
        page = client.get(f"/api/sessions/{sid}/catalog/pages/{hit['document']}/{hit['page']}", headers=api.headers)
        assert page.status_code == 200 and page.content.startswith(b"\x89PNG")
        # a unit's tasks
        tasks = client.get(f"/api/sessions/{sid}/catalog/search", params={"q": "经济发展办公室"}, headers=api.headers).json()
        assert len(tasks["tasks"]) == 3 and {t["lead"] for t in tasks["tasks"]} == {"经济发展办公室"}
        # too long a query, an unknown figure: one line each
        r = client.get(f"/api/sessions/{sid}/catalog/search", params={"q": "工" * 101}, headers=api.headers)
        assert r.status_code == 400 and "101" in r.json()["problems"][0]["text"]
        r = client.get(f"/api/sessions/{sid}/catalog/figure.xlsx", params={"name": "没有的指标"}, headers=api.headers)
        assert r.status_code == 400 and "没有的指标" in r.json()["problems"][0]["text"]
        # the archived PDF changed after it was added: its page is not shown as if it were the archive's (not even
        # the picture this page made of it before)
        pdf = archived_office / "out" / hit["name"]
        pdf.write_bytes(pdf.read_bytes() + b"\n% changed\n")
        r = client.get(f"/api/sessions/{sid}/catalog/pages/{hit['document']}/{hit['page']}", headers=api.headers)
        assert r.status_code == 400
        assert pdf.name in r.json()["problems"][0]["text"] and "SHA-256" in r.json()["problems"][0]["text"]
        r = client.get(f"/api/sessions/{sid}/catalog/pages/999999/1", headers=api.headers)
        assert r.status_code == 400
        # without the token: nothing
        r = client.get(f"/api/sessions/{sid}/catalog/search", params={"q": "工业"}, headers={"X-Briefgen-Token": TOKEN[:-1]})
        assert r.status_code == 403
    store.close()


def test_a_returned_form_dropped_with_the_folders_files_goes_to_the_track_tab(folder_api):
    api, office = folder_api
    sid = api.session()
    name, data = next(iter(forms_of(api, sid).items()))
    r = api.upload(sid, (name, fill_form(data)))  # on the 简报材料 tab's drop, by mistake
    assert r.status_code == 200 and r.json()["stored"] == [name]
    [note] = r.json()["problems"]
    assert note["ok"] and note["text"] == f"{name} 是交回的进度表：已放到“督办”页的已收回进度表中，不作为任务表"
    info = api.client.get(f"/api/sessions/{sid}", headers=api.headers).json()
    assert [f["name"] for f in info["track"]["progress"]] == [name]
    assert [f["name"] for f in info["files"] if f["used"] and f["role"] == "tasks"] == ["任务.xlsx"]
    # the same form saved in the served folder itself is listed for what it is, and is not the plan either
    (office / name).write_bytes(fill_form(data))
    info = api.client.get(f"/api/sessions/{sid}", headers=api.headers).json()
    assert {f["name"]: f["role"] for f in info["files"]}[name] == "progress"
    assert [f["name"] for f in info["files"] if f["used"] and f["role"] == "tasks"] == ["任务.xlsx"]
    assert api.job(sid, "build")["state"] == "done"


def test_an_archive_kept_inside_the_served_folder_is_not_its_data(tmp_path, office):
    """`briefgen build --archive --out 归档/2022上半年` in the folder: its manifest.json is no report data."""
    done = subprocess.run([sys.executable, "-m", "briefgen", "build", "--archive", "--out", "归档/2022上半年"], cwd=office,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (office / "归档" / "2022上半年" / "manifest.json").is_file()
    client, store = make_client(tmp_path, office)
    with client:
        api = Api(client)
        sid = api.session()
        info = client.get(f"/api/sessions/{sid}", headers=api.headers).json()
        assert [f["name"] for f in info["files"] if f["role"] == "data"] == ["report.yaml"]
        assert api.job(sid, "build")["state"] == "done"
    store.close()


def test_a_kept_archive_is_a_whole_copy_and_a_period_kept_again_replaces_its_copy(tmp_path):
    from briefgen.web.jobs import keep_archive

    run = tmp_path / "session" / "2022-09"
    run.mkdir(parents=True)
    (run / "manifest.json").write_text("{}", "utf-8")
    (run / "督办通报_第1期_2022-09.pdf").write_bytes(b"%PDF-1.7 first")
    (run / "elsewhere").symlink_to(tmp_path)  # a link is never copied
    shelf = tmp_path / "shelf"
    first = keep_archive(run, shelf, "督办-2022-09", replace=True)
    assert sorted(p.name for p in first.iterdir()) == ["manifest.json", "督办通报_第1期_2022-09.pdf"]
    (run / "督办通报_第1期_2022-09.pdf").write_bytes(b"%PDF-1.7 again")
    again = keep_archive(run, shelf, "督办-2022-09", replace=True)
    assert again == first and (again / "督办通报_第1期_2022-09.pdf").read_bytes() == b"%PDF-1.7 again"
    one, two = keep_archive(run, shelf, "x-build"), keep_archive(run, shelf, "x-build")
    assert (one.name, two.name) == ("x-build", "x-build-2")
    assert not [p for p in shelf.iterdir() if p.name.startswith(".")]  # no half-copied folder left
