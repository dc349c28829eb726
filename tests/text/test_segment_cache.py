"""The title-word cache: a batch worker's chunk writes the titles it segmented once, when the chunk is done."""

from __future__ import annotations

import json

from briefgen.jobs.engine import Made, _guarded_all
from briefgen.text import segment

TITLES = ["社区治理第一工作组重点工作推进情况", "安全生产第二服务中心重点工作推进情况", "民生保障第三管理站重点工作推进情况"]


def _fresh(monkeypatch, tmp_path):
    """This process's title cache emptied, the user cache in tmp_path, and every write of the cache file noted."""
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(segment, "_segmented", None)
    monkeypatch.setattr(segment, "_pending", {})
    writes = []
    real = segment.write_atomic
    monkeypatch.setattr(segment, "write_atomic", lambda path, data: (writes.append(path), real(path, data))[1])
    return writes


def _stored(tmp_path) -> dict:
    files = list(tmp_path.glob("title-words-*.json"))
    assert len(files) == 1
    return json.loads(files[0].read_text(encoding="utf-8"))


def _render_title(title: str) -> Made:
    """What the render road does per document: segment its title, then flush."""
    inside = segment._segment(title)
    segment.flush_segments()
    return Made(title, {"txt": ",".join(map(str, inside)).encode()}, 1, 1.0, 1.0, [], "", ())


def test_a_document_alone_writes_its_title_at_once(monkeypatch, tmp_path):
    writes = _fresh(monkeypatch, tmp_path)
    _render_title(TITLES[0])
    assert len(writes) == 1
    assert TITLES[0] in _stored(tmp_path)


def test_a_chunk_writes_its_titles_once_when_done(monkeypatch, tmp_path):
    writes = _fresh(monkeypatch, tmp_path)
    made = _guarded_all(_render_title, TITLES, TITLES, "zh")
    assert [m.unit for m in made] == TITLES and not any(m.error for m in made)
    assert len(writes) == 1  # not one per document
    stored = _stored(tmp_path)
    assert set(TITLES) <= set(stored)
    for m in made:  # the cache holds what each document was made with
        assert ",".join(map(str, stored[m.unit])) == m.files["txt"].decode()
    assert any(stored[t] for t in TITLES)  # the titles were really cut into words


def test_within_a_hold_nothing_is_written_until_it_ends(monkeypatch, tmp_path):
    writes = _fresh(monkeypatch, tmp_path)
    with segment.held_flushes():
        with segment.held_flushes():
            _render_title(TITLES[0])
        _render_title(TITLES[1])
        assert writes == []
    assert len(writes) == 1
    assert set(TITLES[:2]) <= set(_stored(tmp_path))
