"""Tables typed as text (or read from a Word table) -> indicator figures.

A table arrives as lines whose cells are separated by tabs, by runs of two or more spaces or by ``|`` (the
Word reader joins cells so). An indicator table has a heading row whose first cell names the indicator
(指标名称, 指标, 项目) and whose other cells say what the columns hold:

    指标名称（亿元）  全年目标  1-3月完成  同比增长（%）  完成进度（%）
    规上工业总产值    160       41.2       7.8            25.8
    其中：区级税收    5.2       1.4        2.1            26.9

The unit is taken from the row's 单位 column, else from the heading's bracket (指标名称（亿元）, 完成值（万元）),
else from a caption above the table (单位：亿元). Each row becomes an indicator with value, target, growth
and progress where the table has them; the lines used are returned so that the text search skips them.
"""

from __future__ import annotations

import re

from .structure import Line

_SPLIT = re.compile(r"\t|\s*\|\s*|[ \u3000\u00a0]{2,}")
_NUMBER = re.compile(r"^[-−－—]?\d+(?:\.\d+)?$")
_UNIT_IN = re.compile(r"[（(]\s*([^（）()]{1,6}?)\s*[)）]")
_CAPTION = re.compile(r"^单位\s*[：:]\s*([^\s、，,；;]+)")
_ROW_PREFIX = re.compile(r"^(?:其中\s*[：:]?|\d{1,2}\s*[.．、]\s*|[（(]\d{1,2}[)）]\s*)")


def cells(text: str) -> list[str]:
    """A line -> its cells (empty cells between two tabs or bars kept), or [] when it is no table row."""
    parts = _SPLIT.split(text.strip().strip("|"))
    parts = [p.strip() for p in parts]
    return parts if len(parts) >= 2 else []


def spaced_cells(text: str) -> list[str]:
    """A row of a table copied with one space between its cells (a PDF's table: '1 全区生产总值(亿元) 1000 1008.5
    完成'): the cells, with the space inside a heading's year closed up (2020 年目标值 -> 2020年目标值)."""
    text = re.sub(r"(\d)\s+(年|月)", r"\1\2", text.strip())
    parts = text.split()
    if parts and re.match(r"^(序号|编号)(.+)$", parts[0]):  # 序号指标名称: the cleaning closed the space up
        parts[:1] = [parts[0][:2], parts[0][2:]]
    return parts if len(parts) >= 3 else []


def _role(head: str) -> str | None:
    h = re.sub(r"\s", "", head)
    if re.search(r"进度|完成率|占全年|占年度|完成年度", h):
        return "progress"
    if re.search(r"同比|增长|增速|增幅|增减", h):
        return "yoy"
    if re.fullmatch(r"单位|计量单位", h):
        return "unit"
    if re.search(r"目标|计划|任务数", h):
        return "target"
    if re.search(r"完成|累计|实际|本期|本年|当期|\d{4}年|\d{1,2}\s*[-—～~至]\s*\d{1,2}月|\d{1,2}月|数值|总量|金额|值", h):
        return "value"
    if re.fullmatch(r"序号|排名|名次|备注|亮灯|说明", h):
        return None
    return None


def _name_column(row: list[str]) -> int | None:
    """The column that names the indicator: the first (or the one after 序号) saying 指标, 项目 or 名称."""
    for k, cell in enumerate(row[:2]):
        if re.search(r"指标|项目名称|^项目|名称", cell):
            return k
        if not re.fullmatch(r"序号|编号|No\.?", cell.strip()):
            return None
    return None


def _is_heading(row: list[str]) -> bool:
    k = _name_column(row)
    return (k is not None and len(row) >= k + 3
            and sum(1 for c in row[k + 1:] if _role(c)) >= 2 and any(_role(c) == "value" for c in row[k + 1:]))


def _number(text: str) -> str | None:
    t = text.strip().replace("−", "-").replace("－", "-").replace("—", "-").rstrip("%％")
    m = re.fullmatch(r"(?:下降|减少)\s*(\d+(?:\.\d+)?)", t)
    if m:
        return "-" + m.group(1)
    return t if _NUMBER.match(t) else None


def _num(text: str) -> int | float:
    return int(text) if re.fullmatch(r"-?\d+", text) else float(text)


def find_tables(lines: list[Line]) -> tuple[list[dict], set[int]]:
    """Indicator rows of every text table in ``lines`` (as indicator dicts) and the line numbers used."""
    figures: list[dict] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        split = cells
        row = cells(lines[i].text)
        if not row or not _is_heading(row):
            row = spaced_cells(lines[i].text)
            split = spaced_cells
            if not row or not _is_heading(row):
                i += 1
                continue
        at = _name_column(row)
        roles = [None] * (at + 1) + [_role(c) for c in row[at + 1:]]
        if "value" in roles:  # the first value column is the figure; later ones (上年同期) are left out
            first = roles.index("value")
            roles = [r if r != "value" or k == first else None for k, r in enumerate(roles)]
        unit = ""
        for head in (row[at], row[roles.index("value")] if "value" in roles else ""):
            m = _UNIT_IN.search(head)
            if m and m.group(1) not in ("%", "％"):
                unit = m.group(1)
                break
        if not unit:
            for back in lines[max(0, i - 3): i]:
                m = _CAPTION.match(back.text.strip())
                if m:
                    unit = m.group(1)
                    used.add(back.number)
        used.add(lines[i].number)
        i += 1
        while i < len(lines):
            row = split(lines[i].text)
            if len(row) <= at or not re.search(r"[\u4e00-\u9fff]", row[at]) or _is_heading(row):
                break
            name = _ROW_PREFIX.sub("", row[at]).strip()
            row_unit = unit
            m = _UNIT_IN.search(name)
            if m:
                row_unit = m.group(1)
                name = _UNIT_IN.sub("", name).strip()
            values: dict[str, str] = {}
            numeric = 0
            for k, cell in enumerate(row[at + 1:], start=at + 1):
                role = roles[k] if k < len(roles) else None
                if role == "unit":
                    if cell:
                        row_unit = cell
                    continue
                n = _number(cell) if cell else None
                if n is not None:
                    numeric += 1
                    if role:
                        values[role] = n
            if not numeric:
                break
            used.add(lines[i].number)
            i += 1
            if "value" not in values and "yoy" in values and name:
                # 规模以上工业增加值 | 亿元 | — | 6.2: a row that gives only the growth is the growth's figure
                figures.append({"name": name if name.endswith(("增速", "增幅")) else name + "增速",
                                "value": _num(values["yoy"]), "unit": "%"})
                continue
            if "value" not in values or not name:
                continue
            fig: dict = {"name": name, "value": _num(values["value"]), "unit": row_unit}
            if "target" in values:
                fig["target"] = _num(values["target"])
            if "yoy" in values:
                fig["yoy"] = _num(values["yoy"])
            if "progress" in values:
                fig["progress"] = _num(values["progress"])
            figures.append(fig)
    return figures, used
