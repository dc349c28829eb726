"""A task table copied one cell a line, blank lines between cells, an owner cell of several units a line and two
tasks under one number (a table written for these tests)."""

from briefgen.extract import extract_text
from briefgen.extract.clean import rebuild_bare_cells

TABLE = """某县人民政府办公室关于印发2024年民生实事的通知

序号

民生实事

责任单位

完成时限

1

新建城区公园2个。

县住建局

县城管局

10月底前

2

改造老旧小区12个。

县住建局

年底前

3

新建养老中心1所。

县民政局

6月底前动工

新建托育机构2所。

12月底前

4

新增停车位800个。

县交通局

县公安局

12月底前

分享到：
"""


def test_cells_are_told_apart_by_what_they_hold():
    text, rows = rebuild_bare_cells(TABLE)
    assert "1 | 新建城区公园2个。 | 县住建局、县城管局 | 10月底前" in text
    assert "3 | 新建养老中心1所。 | 县民政局 | 6月底前动工" in text
    assert "3 | 新建托育机构2所。 | 县民政局 | 12月底前" in text
    assert "4 | 新增停车位800个。 | 县交通局、县公安局 | 12月底前" in text
    assert "分享到" in text.split("12月底前")[-1]  # the page's chrome after the table stays outside it
    assert rows == 6


def test_the_first_unit_of_an_owner_cell_leads_and_the_others_support():
    tasks = [t for s in extract_text(TABLE).data["plan"]["sections"] for t in s["tasks"]]
    assert [(t["title"], t["lead"], t["support"]) for t in tasks] == [
        ("新建城区公园2个", "县住建局", ["县城管局"]),
        ("改造老旧小区12个", "县住建局", []),
        ("新建养老中心1所", "县民政局", []),
        ("新建托育机构2所", "县民政局", []),
        ("新增停车位800个", "县交通局", ["县公安局"]),
    ]


def test_a_row_that_does_not_read_as_task_units_deadline_keeps_its_cells():
    text, _ = rebuild_bare_cells("序号\n重点任务\n牵头单位\n完成时限\n1\n推进道路建设\n县交通局\n年底前\n"
                                 "2\n完成改造\n推进工作\n县住建局\n年底前\n")
    assert "2 | 完成改造推进工作 | 县住建局 | 年底前" in text
