"""Property-based test (hypothesis) of the whole build, for issue 11: whatever text and numbers a data file holds,
`briefgen build` either writes both documents in both formats, with every text it prints present in the text read
back from the DOCX (python-docx) and the PDF (pdfium), or refuses with a located BriefgenError. Nothing else
escapes, and a refused build leaves no file.

Text fields get arbitrary Unicode (markup-like text, ``{{ }}``, control, zero-width and bidi characters, emoji,
characters outside the BMP, long unbroken runs); numeric fields arbitrary numbers (huge, negative, NaN, infinity);
lists are empty, short or long. Texts are compared with whitespace removed (line breaking splits them), and the PDF
without the characters the build reports no font can draw and without format characters (zero-width spaces and
joiners, bidi marks, soft hyphens: nothing is drawn for them, so a PDF's text layer need not hold them), in order
but not necessarily together (a table cell's wrapped lines come between its neighbours'); the DOCX names fonts and
keeps every character, and is compared exactly.

Examples: 30 in CI (the module runs in about a minute), many more with ``HYPOTHESIS_PROFILE=fuzz``
(``make fuzz``).
"""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from briefgen.errors import BriefgenError

FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
EXAMPLES = 1000 if FUZZ else 120
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=not FUZZ, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])

# Characters an office's data holds, and those an attacker tries: markup, template syntax, entities, controls,
# zero-width and bidi marks, emoji and other characters outside the BMP, and anything else Unicode has.
TRICKY = list("<>&\"'{}%#;/\\") + ["{{ 7*7 }}", "{% for %}", "&amp;", "<b>", "]]>", "<![CDATA[", "\u200b", "\u200d",
                                   "\u202e", "\u2066", "\ufeff", "\u00ad", "😀", "👨‍👩‍👧", "𠀀", "𝐀", "\t", "\n", "\x1b", "\x00",
                                   "\u2028", "\uffff"]
CJK = "前江街道经济发展办公室规上工业增加值亿元同比增长重点工作任务加快项目建设牵头单位配合完成时限年内月底"
PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn"))  # what a document can show


def _texts(chars, tricky: list[str], required: bool):
    runs = st.one_of(
        st.text(st.one_of(chars, st.sampled_from(list(CJK)), st.sampled_from(list("abcXYZ019 "))), max_size=24),
        st.lists(st.one_of(st.text(chars, max_size=6), st.sampled_from(tricky), st.sampled_from(list(CJK))), max_size=6).map("".join),
        st.sampled_from(["x" * 10_000, "长" * 3_000, "𠀀" * 500, "<b>粗</b>{{ report }}{% if 1 %}", "&lt;&#x41;&amp;"]),
    )
    return runs.filter(lambda t: t.strip()) if required else st.one_of(st.just(""), runs)


SAFE_TRICKY = [t for t in TRICKY if all(ch.isprintable() or ch in "\u200b\u200d\u202e\u2066\ufeff\u00ad" for ch in t)]
SAFE = {True: _texts(PRINTABLE, SAFE_TRICKY, True), False: _texts(PRINTABLE, SAFE_TRICKY, False)}
ANY = {req: _texts(st.characters(blacklist_categories=("Cs",)), TRICKY, req) for req in (True, False)}
NUMBER = st.one_of(
    st.integers(min_value=-(10 ** 20), max_value=10 ** 20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -0.0, 31.3, 1e308, -1e-300, 10 ** 15, 10 ** 16, 1.23456789012345678, "NaN", "1" * 29, "inf"]),
)
GOOD_NUMBER = st.one_of(st.integers(min_value=-(10 ** 12), max_value=10 ** 12),
                        st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda f: round(f, 4)))


LONG = st.integers(min_value=20, max_value=40)


@st.composite
def reports(draw) -> dict:
    """A report: one example in five may hold anything (and is then mostly refused), the others what a document
    can show, with numbers a report can have; a quarter of them have one long list."""
    hostile = draw(st.integers(0, 4)) == 0
    texts = ANY if hostile else SAFE
    number = NUMBER if hostile or draw(st.integers(0, 3)) == 0 else GOOD_NUMBER
    name, text = texts[True], texts[False]
    indicator = st.fixed_dictionaries({"name": name, "value": number},
                                      optional={"unit": st.one_of(text, st.sampled_from(["亿元", "%", "家"])),
                                                "yoy": number, "note": text, "estimate": st.booleans()})
    task = st.fixed_dictionaries({"title": name, "lead": name, "due": st.one_of(st.sampled_from(["年内", "2022年10月底前"]), name)},
                                 optional={"detail": text, "support": st.lists(name, max_size=3)})
    section = st.fixed_dictionaries({"title": name, "tasks": st.lists(task, max_size=4)})
    indicators = draw(st.lists(indicator, max_size=6))
    sections = draw(st.lists(section, max_size=3))
    if draw(st.integers(0, 3)) == 0:
        n = draw(LONG)
        if draw(st.booleans()):
            indicators = [{"name": f"指标{i}", "value": i, "unit": "亿元"} for i in range(n)]
        else:
            sections = [{"title": "加强稳链复链", "tasks": [{"title": f"任务{i}", "lead": "经济发展办公室", "due": "年内"} for i in range(n)]}]
    return {
        "report": {"title": draw(name), "issuer": draw(name), "date": "2022-07-29", "period": draw(st.one_of(name, st.just("2022年1—6月")))},
        "indicators": indicators,
        "plan": {"intro": draw(text), "sections": sections},
    }


def _plain(text: str) -> str:
    return "".join(str(text).split())


def _shown(data: dict) -> dict[str, list[str]]:
    """The texts each template prints as written, by template."""
    summary = [data["report"]["issuer"]]
    for i in data["indicators"]:
        summary += [i["name"], i.get("unit") or "", i.get("note") or ""]
    tasks = [data["plan"]["intro"] or ""]
    for s in data["plan"]["sections"]:
        tasks.append(s["title"])
        for t in s["tasks"]:
            tasks += [t["title"], t.get("detail") or "", t["lead"], *(t.get("support") or [])]
    return {"summary": [t for t in summary if _plain(t)], "tasks": [t for t in tasks if _plain(t)]}


def _in_order(expected: str, text: str) -> bool:
    """``expected``'s characters in ``text`` in order: a PDF's text layer gives a table row line by line, so the
    lines of a cell's wrapped text come between those of its neighbours (and a soft hyphen that broke a line is
    drawn as "-"); the DOCX is compared exactly."""
    if expected in text:
        return True
    at = text.find(expected[:1])
    for ch in expected[1:]:
        if at < 0:
            return False
        at = text.find(ch, at + 1)
    return at >= 0


def _missing(warnings) -> set[str]:
    """Characters the build says no font can draw."""
    out: set[str] = set()
    for w in warnings:
        m = re.search(r"no font can draw (.*?); add a font", str(w))
        if m:
            out |= set(m.group(1).replace("、", ""))
    return out


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("build-properties")


@SETTINGS
@given(data=reports())
def test_build_succeeds_with_every_text_in_both_outputs_or_fails_located(folder, data):
    import briefgen
    from readback import docx_text, pdf_text

    case = folder / uuid.uuid4().hex[:12]
    case.mkdir()
    source = case / "data.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = case / "out"
    try:
        result = briefgen.build(briefgen.Settings(data=source, out=out, names="{template}"))
    except BriefgenError as exc:
        lines = exc.lines()
        event("refused")
        assert lines and all(re.match(r"^[^:\n]+:", line) and "\n" not in line for line in lines), lines
        assert not out.exists() or not any(out.iterdir()), f"a refused build wrote {list(out.iterdir())}"
        return
    event("built")
    missing = _missing(result.warnings)
    for template, texts in _shown(data).items():
        in_docx = _plain(docx_text(out / f"{template}.docx"))
        in_pdf = _plain(pdf_text(out / f"{template}.pdf"))
        for text in texts:
            assert _plain(text) in in_docx, (template, "docx", text)
            expected = "".join(ch for ch in _plain(text) if ch not in missing and unicodedata.category(ch) != "Cf")
            assert _in_order(expected, in_pdf), (template, "pdf", text)
