"""Briefing markup -> IR: the vocabulary, whitespace, and one-line errors for template authors."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen import ir
from briefgen.compose.markup import MarkupError, parse


def doc(body: str, attrs: str = 'title="T" author="前江街道" date="2022-07-29"') -> ir.Document:
    return parse(f"<document {attrs}>{body}</document>", "t.xml.j2")


def test_blocks_inlines_and_metadata():
    d = doc("""
      <title>前江街道<br/>工作总结</title>
      <h1>一、总体情况</h1>
      <p align="center" indent="0" role="h2" before="0.5">前江街道　2022年7月29日</p>
      <p>规上工业增加值实现<b>31.3亿元</b>，同比增长<i>9.5%</i><u>。</u></p>
      <ul><li>甲</li><li>乙</li></ul>
      <page-break/>
      <spacer lines="0.5"/>
    """, 'title="T" author="前江街道" subject="S" date="2022-07-29" one-page="true" mark="内部资料"')
    assert d.meta == ir.Meta("T", "前江街道", "S", "", date(2022, 7, 29), "内部资料")
    assert d.one_page
    kinds = [type(b).__name__ for b in d.blocks]
    assert kinds == ["Title", "Heading", "Paragraph", "Paragraph", "ListBlock", "PageBreak", "Spacer"]
    title = d.blocks[0]
    assert isinstance(title.inlines[1], ir.LineBreak)
    p = d.blocks[2]
    assert (p.align, p.indent, p.role, p.space_before) == ("center", False, "h2", 0.5)
    runs = d.blocks[3].inlines
    assert [(r.text, r.bold, r.italic, r.underline) for r in runs] == [
        ("规上工业增加值实现", False, False, False), ("31.3亿元", True, False, False),
        ("，同比增长", False, False, False), ("9.5%", False, True, False), ("。", False, False, True)]


def test_layout_whitespace_is_dropped_but_spaces_kept():
    d = doc("<p>\n   第一行\n   接着写  Tesla   Shanghai\n</p>")
    assert ir.plain_text(d.blocks[0].inlines) == "第一行接着写 Tesla Shanghai"


def test_tables():
    d = doc("""<table widths="1,3,1" align="center,left,right" decimals="-,-,1">
      <caption>单位：亿元</caption>
      <thead><tr><th>序号</th><th>指标</th><th>完成值</th></tr></thead>
      <tbody><tr group="true"><td colspan="3">（一）经济</td></tr>
             <tr><td>1</td><td>规上工业增加值</td><td align="center">31.3</td></tr></tbody></table>""")
    t = d.blocks[0]
    assert [c.width for c in t.columns] == [1, 3, 1] and [c.align for c in t.columns] == ["center", "left", "right"]
    assert t.columns[2].decimals == 1 and t.header_rows == 1
    assert [r.kind for r in t.rows] == ["header", "group", "body"]
    assert t.rows[1].cells[0].colspan == 3 and t.rows[2].cells[2].align == "center"
    assert ir.plain_text(t.caption) == "单位：亿元"


@pytest.mark.parametrize("body, words", [
    ("<p><table/></p>", "<table> is not allowed inside <p>"),
    ("<blink>x</blink>", "<blink> is not a block"),
    ('<p align="middle">x</p>', "align='middle'"),
    ('<table widths="1,2"><tr><td>a</td><td>b</td><td>c</td></tr></table>', "widths has 2 values but the table has 3 columns"),
    ('<table><tr><td>a</td></tr><tr><td colspan="2">b</td></tr></table>', "row 1 of a table spans 1 column, but the table has 2"),
    ('<spacer lines="a lot"/>', "lines='a lot' is not a number"),
    ("<p>x", "which is still open: add </p> before it"),
])
def test_mistakes_are_one_line_naming_the_template(body, words):
    with pytest.raises(MarkupError) as info:
        doc(body)
    message = str(info.value)
    assert message.startswith("t.xml.j2") and words in message and "\n" not in message


def test_root_and_date_are_checked():
    with pytest.raises(MarkupError, match="<document> at its root"):
        parse("<page/>", "t.xml.j2")
    with pytest.raises(MarkupError, match="not a date"):
        doc("", 'date="29/07/2022"')
