"""An indicator table (指标名称 · 单位 · 目标值 · 完成值 · 同比增长 · 完成进度 · 排名 · 亮灯) -> Indicator dicts with the cell each
value came from. Units from their column, from the name (全区生产总值(亿元)) or from a caption (单位：亿元); 预计 marks an
estimate; group rows (一、工业) name the indicators under them."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..model import values
from .. import messages as M
from ..errors import Location, Problem
from .source import SourceMap
from .sheets import Cell, _ref
from .headings import INDICATORS, Table
from .rows import _FAILED, _Row, _display_number, _is_empty, _is_footnote, _is_total, _missing_formula, _not_a_number, _parse, _percent_cell, _tidy, _title_row, _why


_NAME_UNIT = re.compile(r"[(（]([^()（）]+)[)）]\s*$")


_ESTIMATE_MARK = re.compile(r"^\s*(?:预计|约)\s*|\s*[(（]?\s*预计\s*[)）]?\s*$")


def _same_unit(written: str, unit: str) -> bool:
    """Whether a unit written with the figure (3亿) agrees with the column's (亿元): the same, or one the other's start."""
    return written == unit or unit.startswith(written) or written.startswith(unit)


def read_indicators(table: Table, problems: list[Problem], warnings: list[Problem] | None = None) -> tuple[list[dict], SourceMap]:
    name = table.sheet.file
    sources = SourceMap(name)
    sources.add((INDICATORS,), Location(name, cell=_ref(table.sheet.name, table.first_data_row, table.span[0] + 1)))
    out: list[dict] = []
    warnings = [] if warnings is None else warnings
    caption = table.caption_unit
    group: tuple[str, Location] | None = None
    group_start = 0
    for r in range(table.first_data_row, len(table.sheet.rows)):
        row = _Row(table, r)
        if _is_empty(row) or _is_footnote(row) or _is_total(row):
            continue
        lone = [c for c in row.span_cells() if not c.blank]
        if len(lone) == 1 and (unit := values.caption_unit(lone[0].value)):
            caption = unit  # a "单位：万元" row between blocks changes the unit below it
            continue
        heading = _title_row(row)
        if heading is not None and _bare_name(row, heading):
            heading = None  # a name alone in its own column is an indicator whose figures are missing: reported below
        if heading is not None:
            # A group heading such as "二、招商引资": the indicators below it stand in that group.
            _empty_group(group, out[group_start:], warnings)
            title = values.strip_numbering(heading.text)
            group = (title, Location(name, cell=heading.ref)) if title else None
            group_start = len(out)
            continue
        i = len(out)
        path = (INDICATORS, i)
        item: dict[str, Any] = {}
        spots: dict[str, Location] = {}
        for f in table.columns:
            if f != "id":
                spots[f] = row.loc(f)

        raw_name = row.text("name")
        name_unit = ""
        if raw_name:
            m = _NAME_UNIT.search(raw_name)
            if m and (values.caption_unit(m.group(1)) or values.looks_like_unit(m.group(1))):
                name_unit = values.caption_unit(m.group(1)) or m.group(1).strip()
                raw_name = raw_name[: m.start()].strip()
            item["name"] = raw_name
        else:
            _missing_formula(row, "name", problems)

        if group is not None:
            item["group"], spots["group"] = group
        value_unit = ""
        about = None  # "约3亿": the figure read from a wording that only says it is about so much
        raw_value = row.raw("value")
        if raw_value is not None and not values.is_blank(raw_value):
            cell = row.cell("value")
            if isinstance(raw_value, str):
                text = raw_value.strip()
                stripped = _ESTIMATE_MARK.sub("", text)
                if stripped != text:
                    item["estimate"] = True
                try:
                    number, value_unit = values.parse_quantity(stripped)
                    item["value"] = number
                    if stripped == text:
                        item["value_text"] = text
                    # else the mark (预计, 约) is the estimate flag, shown as 预计; the figure is shown as a figure
                    if text.startswith("约"):
                        about = (text, number)
                except ValueError:
                    problems.append(Problem(row.loc("value"), row.label("value"), _not_a_number(raw_value)))
                    item["value"] = Decimal(0)
            else:
                try:
                    number = values.parse_number(raw_value)
                except ValueError as exc:
                    problems.append(Problem(row.loc("value"), row.label("value"), _why(exc)))
                    number = Decimal(0)
                if cell is not None and "%" in cell.number_format:
                    number, value_unit = number * 100, "%"
                try:
                    number = _tidy(number)
                except ValueError as exc:
                    problems.append(Problem(row.loc("value"), row.label("value"), _why(exc)))
                    number = Decimal(0)
                item["value"] = number
                shown = _display_number(number, cell.number_format if cell else "")
                if shown:
                    item["value_text"] = shown
        elif "value" in table.columns:
            _missing_formula(row, "value", problems)

        unit = row.text("unit")
        if values.is_blank(unit):
            unit = ""
        heading_unit = table.columns["value"].unit if "value" in table.columns else ""
        stated = unit or heading_unit or name_unit or caption or ""
        item["unit"] = stated or value_unit
        if "unit" not in spots:
            spots["unit"] = row.loc("value") or row.loc("name")
        if value_unit and stated and not _same_unit(value_unit, stated):
            problems.append(Problem(row.loc("value"), row.label("value"),
                                    M.unit_disagrees(value=raw_value, written=value_unit, unit=stated)))
        unit_cell = row.cell("unit")
        if "unit" in table.columns and not item["unit"] and "name" in item and (unit_cell is None or unit_cell.blank):
            warnings.append(Problem(row.loc("unit"), row.label("unit"), M.unit_empty(name=item["name"])))
        if about is not None:
            text, number = about
            warnings.append(Problem(row.loc("value"), row.label("value"),
                                    M.about_estimate(text=text, number=number, unit=item["unit"])))

        if "yoy" in table.columns:
            got = _parse(row, "yoy", problems, lambda v: _percent_cell(row.cell("yoy"), v))
            if got is _FAILED:
                pass  # reported; leave the optional field out
            elif got is not None:
                item["yoy"], text = got
                if text is not None:
                    item["yoy_text"] = text
        if "target" in table.columns:
            got = _parse(row, "target", problems, lambda v: _tidy(values.parse_quantity(v)[0]))
            if got is not None and got is not _FAILED:
                item["target"] = got
        if "progress" in table.columns:
            def progress(v: Any) -> Decimal:
                if isinstance(v, str):
                    return values.parse_progress(v)
                return _percent_cell(row.cell("progress"), v)[0]

            got = _parse(row, "progress", problems, progress)
            if got is not None and got is not _FAILED:
                item["progress"] = got
        rank = row.text("rank")
        if rank and not values.is_blank(rank):
            item["rank"] = rank
        if "light" in table.columns:
            got = _parse(row, "light", problems, values.parse_light)
            if got is not None and got is not _FAILED:
                item["light"] = got
            elif got is None and (cell := row.cell("light")) is not None and cell.fill:
                item["light"] = cell.fill
        note = row.text("note")
        if note and not values.is_blank(note):
            item["note"] = note
            if note in ("预计", "预计数", "预计值", "估计"):
                item["estimate"] = True  # the source report marks its estimates this way
        if "estimate" in table.columns:
            got = _parse(row, "estimate", problems, values.parse_flag)
            if got is True:
                item["estimate"] = True
            elif got is False and "estimate" not in item:
                item["estimate"] = False
        if "value_text" in item:
            spots["value_text"] = row.loc("value")
        if "yoy_text" in item:
            spots["yoy_text"] = row.loc("yoy")

        out.append(item)
        sources.add(path, row.loc("name") or Location(name, cell=_ref(table.sheet.name, r + 1, table.span[0] + 1)))
        for f, loc in spots.items():
            if loc is not None:
                sources.add(path + (f,), loc)
    _empty_group(group, out[group_start:], warnings)
    return out, sources


def _bare_name(row: "_Row", cell: Cell) -> bool:
    """Whether a lone cell is a plain name in the name column (not merged across, not numbered like 二、招商引资)."""
    name = row.cell("name")
    merged_across = bool(cell.merged and cell.merged[3] > cell.merged[1])
    return name is cell and not merged_across and not values.has_numbering(cell.text)


def _empty_group(group: tuple[str, Location] | None, under: list[dict], warnings: list[Problem]) -> None:
    """A group heading with no indicator ``under`` it: perhaps an indicator whose figures are missing."""
    if group is None:
        return
    title, where = group
    if not under:
        warnings.append(Problem(where, "", M.group_alone(title=title)))
