"""Hostile inputs too big (or too binary) to keep in the repository, made at test time.

Each generator writes the file named by its key in ``GENERATORS`` into a folder and returns its path; the
catalogue (``cases.toml``) lists the expected exit code and message for each. ``mini_yaml`` is a valid report
that the YAML cases extend.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

MINI = """\
report:
  title: 示例街道2022年上半年工作总结和下半年工作思路
  issuer: 示例街道
  date: 2022-07-29
  period: 2022年1—6月
indicators:
  - {name: 规上工业增加值, value: 31.3, unit: 亿元, yoy: 9.5}
plan:
  sections:
    - title: 加强稳链复链
      tasks:
        - {title: 加快优势产业复工提产, lead: 经济发展办公室, due: 年内}
"""


def mini_yaml(extra: str = "") -> str:
    return MINI + extra


def _text(text: str):
    """A maker that writes ``text`` as UTF-8 (a YAML or CSV case)."""
    def make(path: Path) -> None:
        path.write_text(text, encoding="utf-8")
    return make


def _big_yaml_string(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(MINI + "notes: ")
        chunk = "长" * (1024 * 1024 // 3)
        for _ in range(50):
            f.write(chunk)
        f.write("\n")


def _big_yaml_list(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(MINI + "notes:\n")
        line = "  - 一二三四五六七八九十\n"
        f.write(line * (50 * 1024 * 1024 // len(line.encode())))


def _many_tasks(path: Path) -> None:
    tasks = "".join(f"        - {{title: 任务{i}, lead: 经济发展办公室, due: 年内}}\n" for i in range(20_000))
    text = MINI.replace("        - {title: 加快优势产业复工提产, lead: 经济发展办公室, due: 年内}\n", tasks)
    path.write_text(text, encoding="utf-8")


def _many_aliases(path: Path) -> None:
    path.write_text(MINI + "x: &x 1\nnotes: [" + ", ".join(["*x"] * 20_000) + "]\n", encoding="utf-8")


def _symlink_loop(path: Path) -> None:
    os.symlink(path.name, path)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _json_huge_integer(path: Path) -> None:
    path.write_text('{"report": {"title": "t", "issuer": "i", "date": "2022-07-29", "period": "p"},'
                    ' "indicators": [{"name": "n", "value": ' + "9" * 5000 + "}]}", encoding="utf-8")


# --- tables --------------------------------------------------------------------------------------------------

INDICATOR_HEAD = ["指标名称", "单位", "完成值", "同比增长(%)"]
TASK_HEAD = ["序号", "工作任务", "牵头单位", "完成时限"]


def _xlsx(rows: list[list], path: Path, far: str | None = None, far_value=None) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    if far:
        ws[far] = far_value
        if far_value is None:
            from openpyxl.styles import Font
            ws[far].font = Font(bold=True)
    wb.save(path)


def _xlsx_far_cell(path: Path) -> None:
    _xlsx([INDICATOR_HEAD, ["规上工业增加值", "亿元", 31.3, 9.5]], path, far="XFD1048576", far_value="x")


def _xlsx_far_styled_cell(path: Path) -> None:
    _xlsx([INDICATOR_HEAD, ["规上工业增加值", "亿元", 31.3, 9.5]], path, far="XFD1048576")


def _xlsx_merged_sheet(path: Path) -> None:
    """Written into the XML: openpyxl itself would make 17 billion merged cells to save it."""
    _xlsx([INDICATOR_HEAD, ["规上工业增加值", "亿元", 31.3, 9.5]], path)
    _rewrite_sheet(path, lambda xml: xml.replace("</sheetData>", '</sheetData><mergeCells count="1">'
                                                 '<mergeCell ref="F1:XFD1048576"/></mergeCells>'))


def _xlsx_values(*cells):
    def make(path: Path) -> None:
        _xlsx([INDICATOR_HEAD] + [["指标%d" % i, "亿元", v, 9.5] for i, v in enumerate(cells)], path)
    return make


def _xlsx_inf_nan(path: Path) -> None:
    """Excel never writes infinity or NaN, but another program can: 1e999 reads as infinity, NaN as text."""
    _xlsx([INDICATOR_HEAD, ["指标1", "亿元", 1.5, 2.5], ["指标2", "亿元", 3.5, 4.5]], path)
    _rewrite_sheet(path, lambda xml: xml.replace("<v>1.5</v>", "<v>1e999</v>").replace("<v>4.5</v>", "<v>-1e999</v>"))


def _xlsx_nan_cell(path: Path) -> None:
    _xlsx([INDICATOR_HEAD, ["指标1", "亿元", 1.5, 2.5]], path)
    _rewrite_sheet(path, lambda xml: xml.replace("<v>1.5</v>", "<v>NaN</v>"))


def _rewrite_sheet(path: Path, change) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name] = change(parts[name].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def _xlsx_rows(path: Path) -> None:
    """100,000 rows written straight into the sheet's XML (openpyxl takes seconds to write them)."""
    _xlsx([INDICATOR_HEAD], path)
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>指标{r}</t></is></c><c r="C{r}"><v>{r}</v></c></row>'
                   for r in range(2, 100_002))
    _rewrite_sheet(path, lambda xml: xml.replace("</row></sheetData>", "</row>" + rows + "</sheetData>"))


def _xlsx_zip_bomb(size: int, level: int):
    def make(path: Path) -> None:
        _xlsx([INDICATOR_HEAD, ["规上工业增加值", "亿元", 31.3, 9.5]], path)
        with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
            with z.open("xl/media/padding.xml", "w", force_zip64=True) as f:
                block = b" " * (1024 * 1024)
                for _ in range(size // len(block)):
                    f.write(block)
    return make


def _not_a_zip(path: Path) -> None:
    path.write_text("指标名称,完成值\n规上工业增加值,31.3\n", encoding="utf-8")


def _csv_rows(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(",".join(INDICATOR_HEAD) + "\n")
        for i in range(100_000):
            f.write(f"指标{i},亿元,{i},1\n")


def _csv_big(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(",".join(INDICATOR_HEAD) + "\n")
        line = "规上工业增加值,亿元,31.3,9.5\n" * 1000
        for _ in range(50 * 1024 * 1024 // len(line.encode()) + 1):
            f.write(line)


def _csv_long_field(path: Path) -> None:
    path.write_text(",".join(INDICATOR_HEAD) + "\n规上工业增加值,亿元,31.3,\"" + "长" * 200_000 + "\"\n", encoding="utf-8")


def _csv_long_unquoted(path: Path) -> None:
    path.write_text(",".join(INDICATOR_HEAD) + "\n规上工业增加值" + "长" * 30_000 + ",亿元,31.3,9.5\n", encoding="utf-8")


def _csv_columns(path: Path) -> None:
    path.write_text(",".join(INDICATOR_HEAD + ["x"] * 5000) + "\n规上工业增加值,亿元,31.3,9.5\n", encoding="utf-8")


GENERATORS = {
    "yaml-50mb-string.yaml": _big_yaml_string,
    "yaml-50mb-list.yaml": _big_yaml_list,
    "yaml-20000-tasks.yaml": _many_tasks,
    "yaml-20000-aliases.yaml": _many_aliases,
    "yaml-huge-integer-value.yaml": _text(MINI.replace("value: 31.3", "value: " + "9" * 5000)),
    "yaml-huge-integer-growth.yaml": _text(MINI.replace("yoy: 9.5", "yoy: -" + "1" * 5000)),
    "yaml-huge-integer-tally.yaml": _text(MINI + "tally: {period: 一季度, green: " + "1" * 5000 + ", red: 1}\n"),
    "yaml-huge-float-digits.yaml": _text(MINI.replace("value: 31.3", "value: 3." + "1" * 5000)),
    "yaml-string-30000-chars.yaml": _text(MINI + "review: {intro: " + "长" * 30_000 + "}\n"),
    "json-huge-integer.json": _json_huge_integer,
    "symlink-loop.yaml": _symlink_loop,
    "fifo.yaml": _fifo,
    "xlsx-value-at-XFD1048576.xlsx": _xlsx_far_cell,
    "xlsx-styled-empty-cell-at-XFD1048576.xlsx": _xlsx_far_styled_cell,
    "xlsx-merged-F1-XFD1048576.xlsx": _xlsx_merged_sheet,
    "xlsx-infinite-cells.xlsx": _xlsx_inf_nan,
    "xlsx-nan-cell.xlsx": _xlsx_nan_cell,
    "xlsx-value-1e308.xlsx": _xlsx_values(1e308),
    "xlsx-value-1e-300.xlsx": _xlsx_values(1e-300),
    "xlsx-100000-rows.xlsx": _xlsx_rows,
    "xlsx-zip-bomb-ratio.xlsx": _xlsx_zip_bomb(50 * 1024 * 1024, 9),
    "xlsx-zip-bomb-1gb.xlsx": _xlsx_zip_bomb(1024 * 1024 * 1024, 1),
    "xlsx-not-a-zip.xlsx": _not_a_zip,
    "csv-100000-rows.csv": _csv_rows,
    "csv-50mb.csv": _csv_big,
    "csv-200k-character-field.csv": _csv_long_field,
    "csv-30000-character-cell.csv": _csv_long_unquoted,
    "csv-5000-columns.csv": _csv_columns,
}
