"""The one list of block kinds (ir.BLOCKS): every kind has a handler in both renderers, and a document holding one
block of every kind comes out of both with each block's words, in order."""

from __future__ import annotations

import dataclasses
import io

import docx
import pytest

from briefgen import ir
from briefgen.compose.markup import parse
from briefgen.render import render_document
from briefgen.render.docx.writer import DocxBuilder
from briefgen.render.pdf import _Layout
from briefgen.theme import load_theme
from readback import pdf_text

EVERY_KIND = """<document title="各种块">
<title>各种块的标题</title>
<h1>一、一级标题</h1>
<p>正文段落甲。</p>
<table widths="1,2"><tr><th>表头一</th><th>表头二</th></tr><tr><td>单元甲</td><td>单元乙</td></tr></table>
<ul><li>列表第一项</li><li>列表第二项</li></ul>
<spacer lines="1"/>
<chart kind="bar" title="图表标题"><bar label="柱一" value="3.5"/></chart>
<contents/>
<page-break/>
<p>分页之后的段落。</p>
</document>"""


def test_every_block_kind_has_a_handler_in_both_renderers():
    for kind in ir.BLOCKS:
        name = ir.handler_name(kind)
        assert callable(getattr(DocxBuilder, name, None)), f"the DOCX writer has no {name} for {kind}"
        assert callable(getattr(_Layout, name, None)), f"the PDF writer has no {name} for {kind}"


def test_a_document_of_every_kind_renders_in_both_formats(tmp_path):
    doc = parse(EVERY_KIND, "every.xml")
    blocks = list(doc.blocks)
    blocks.insert(-1, ir.SectionBreak(page_numbers=True))
    doc = dataclasses.replace(doc, blocks=tuple(blocks))
    assert {ir.kind_of(b) for b in doc.blocks} == set(ir.BLOCKS)
    rendered = render_document(doc, load_theme("official"), ("docx", "pdf"))
    pdf = tmp_path / "every.pdf"
    pdf.write_bytes(rendered.files["pdf"])
    text = pdf_text(pdf).replace("\n", "").replace(" ", "")
    words = ["各种块的标题", "一级标题", "正文段落甲", "表头一", "单元乙", "列表第一项", "列表第二项", "图表标题", "柱一",
             "分页之后的段落"]
    positions = [text.find(w) for w in words]
    assert all(p >= 0 for p in positions), dict(zip(words, positions))
    assert positions == sorted(positions)
    assert rendered.pages >= 2  # the page break and the section break each start a page

    word = docx.Document(io.BytesIO(rendered.files["docx"]))
    body = "".join(p.text for p in word.paragraphs) + "".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    for w in ["各种块的标题", "一级标题", "正文段落甲", "表头一", "单元乙", "列表第一项", "分页之后的段落"]:
        assert w in body, w
    assert len(word.sections) >= 2  # the section break is a real section
    assert any("chart" in rel.reltype for rel in word.part.rels.values())


@pytest.mark.parametrize("kind", sorted(ir.BLOCKS))
def test_kind_of_names_each_kind(kind):
    cls = ir.BLOCKS[kind]
    fields = {f.name: f for f in dataclasses.fields(cls)}
    needed = {n: () for n, f in fields.items() if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    if "level" in needed:
        needed["level"] = 1
    if "columns" in needed:
        needed["columns"] = (ir.Column(1.0),)
    assert ir.kind_of(cls(**needed)) == kind
