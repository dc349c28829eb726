"""Cell values as staff write them -> typed values (briefgen.model.values)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from briefgen.model import values


@pytest.mark.parametrize(
    "text, expected",
    [("31.3", "31.3"), (31.3, "31.3"), ("4,050", "4050"), ("９.５", "9.5"), ("−0.2", "-0.2"), (" 14 ", "14")],
)
def test_parse_number(text, expected):
    assert values.parse_number(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text, expected",
    [("9.5%", "9.5"), ("-0.2", "-0.2"), ("−0.2", "-0.2"), ("下降0.2%", "-0.2"), ("增长9.5%", "9.5"), ("９.５％", "9.5")],
)
def test_parse_percent(text, expected):
    assert values.parse_percent(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text, expected",
    [("年内", date(2022, 12, 31)), ("2022年10月底前", date(2022, 10, 31)), ("12月底前", date(2022, 12, 31)),
     ("2022年9月底前", date(2022, 9, 30)), ("三季度", date(2022, 9, 30))],
)
def test_parse_due(text, expected):
    assert values.parse_due(text, 2022) == expected


@pytest.mark.parametrize("text, expected", [("绿", "green"), ("绿灯", "green"), ("黄", "yellow"), (" 红 ", "red"), ("Red", "red")])
def test_parse_light(text, expected):
    assert values.parse_light(text) == expected


def test_parse_light_rejects_other_words():
    with pytest.raises(ValueError, match='"蓝" is not a light'):
        values.parse_light("蓝")


@pytest.mark.parametrize("text, expected", [("是", True), ("√", True), ("预计", True), (1, True), ("否", False), ("", False), (0, False)])
def test_parse_flag(text, expected):
    assert values.parse_flag(text) is expected


def test_parse_flag_rejects_other_words():
    with pytest.raises(ValueError):
        values.parse_flag("也许")


@pytest.mark.parametrize(
    "text, number, unit",
    [("31.3亿元", "31.3", "亿元"), ("4,050万美元", "4050", "万美元"), ("14", "14", ""), (62.5, "62.5", ""), ("2 家", "2", "家")],
)
def test_parse_quantity(text, number, unit):
    assert values.parse_quantity(text) == (Decimal(number), unit)


@pytest.mark.parametrize("text", ["九点五", "31.3现价", "约三十"])
def test_parse_quantity_rejects_words(text):
    with pytest.raises(ValueError, match="is not a number"):
        values.parse_quantity(text)


@pytest.mark.parametrize("text, expected", [("完成年度目标的52.3%", "52.3"), ("52.3%", "52.3"), (52.3, "52.3"), ("完成全年目标的105%", "105")])
def test_parse_progress(text, expected):
    assert values.parse_progress(text) == Decimal(expected)


def test_split_units():
    assert values.split_units("经济发展办公室、财政办公室，便民服务中心") == ["经济发展办公室", "财政办公室", "便民服务中心"]
    assert values.split_units("经发办 财政办;平安办") == ["经发办", "财政办", "平安办"]
    assert values.split_units("经发办和财政办") == ["经发办", "财政办"]
    assert values.split_units(None) == []


@pytest.mark.parametrize(
    "text, expected",
    [("（一）加强稳链复链，经济恢复中抢占先机", "加强稳链复链，经济恢复中抢占先机"), ("(二) 坚决攻坚克难", "坚决攻坚克难"),
     ("三、深化城乡融合", "深化城乡融合"), ("第四部分 提升民生保障", "提升民生保障"), ("1.加快征迁", "加快征迁"),
     ("（2）做优城市管理", "做优城市管理"),
     # not numbering: a figure, a quarter, a plain title
     ("1.5亿元投资", "1.5亿元投资"), ("第一季度亮灯", "第一季度亮灯"), ("加快征迁", "加快征迁")],
)
def test_strip_numbering(text, expected):
    assert values.strip_numbering(text) == expected


def test_split_title_detail():
    assert values.split_title_detail("加快优势产业复工提产。借势上海经济恢复契机。继续加大人才招引。") == (
        "加快优势产业复工提产", "借势上海经济恢复契机。继续加大人才招引。")
    assert values.split_title_detail("推进重大项目建设") == ("推进重大项目建设", "")
    assert values.split_title_detail("做优城市管理\n巩固垃圾分类成果") == ("做优城市管理", "巩固垃圾分类成果")


@pytest.mark.parametrize("text, expected", [("单位：亿元", "亿元"), ("单位:万元", "万元"), ("（计量单位：万美元）", "万美元"), ("填报单位：前江街道", None), (None, None)])
def test_caption_unit(text, expected):
    assert values.caption_unit(text) == expected


def test_looks_like_unit():
    assert all(values.looks_like_unit(u) for u in ("亿元", "万美元", "亩", "%", "家", "万方", "人次"))
    assert not any(values.looks_like_unit(u) for u in ("现价", "含税", "", "前江街道"))


def test_tidy_decimal():
    assert str(values.tidy_decimal(Decimal("9.500"))) == "9.5"
    assert str(values.tidy_decimal(Decimal("100.0"))) == "100"
    assert str(values.tidy_decimal(Decimal("4050"))) == "4050"


def test_is_blank():
    assert all(values.is_blank(v) for v in (None, "", "  ", "—", "-", "/"))
    assert not any(values.is_blank(v) for v in (0, "0", "年内"))


def test_deadlines_in_traditional_script_and_with_month_suffix():
    from datetime import date

    from briefgen.model.values import parse_due

    assert parse_due("年內", 2022) == date(2022, 12, 31)
    assert parse_due("6月份", 2022) == date(2022, 6, 30)
    assert parse_due("力争9月底前", 2022) == date(2022, 9, 30)


@pytest.mark.parametrize(
    "text, expected",
    [("2022.12", date(2022, 12, 31)), ("2022.12.31", date(2022, 12, 31)), ("2022/12", date(2022, 12, 31)),
     ("2022-12", date(2022, 12, 31)), ("2023.2", date(2023, 2, 28)), (2022.11, date(2022, 11, 30)),
     ("2022.06前", date(2022, 6, 30))],
)
def test_year_month_deadlines(text, expected):
    assert values.parse_due(text, 2021) == expected


def test_year_month_deadlines_reject_what_is_no_month_or_ambiguous():
    with pytest.raises(ValueError, match="month 13 does not exist"):
        values.parse_due("2022.13", 2022)
    with pytest.raises(ValueError, match="could be January or October"):
        values.parse_due(2022.1, 2022)  # typed 2022.10 in YAML or Excel, read as a number


def test_deadlines_without_a_year_need_the_reports_year():
    assert values.parse_due("2022年年内", None) == date(2022, 12, 31)
    assert values.parse_due("2022.12", None) == date(2022, 12, 31)
    for text in ("年内", "12月底前", "三季度"):
        with pytest.raises(ValueError, match="names no year"):
            values.parse_due(text, None)


@pytest.mark.parametrize("value, expected", [(2022, 2022), ("2022", 2022), (" 2022年 ", 2022), (2022.0, 2022),
                                             ("２０２２", 2022), (Decimal("2022"), 2022)])
def test_parse_year(value, expected):
    assert values.parse_year(value) == expected


@pytest.mark.parametrize("value", [True, 2022.5, "22", "二〇二二", "", None, "nan"])
def test_parse_year_rejects(value):
    with pytest.raises(ValueError, match="is not a year"):
        values.parse_year(value)


@pytest.mark.parametrize("value", ["2022-07-29", "2022年7月29日", "2022/7/29", "2022.07.29", " ２０２２-07-29 ",
                                   date(2022, 7, 29), "2022-07-29T09:30:00"])
def test_parse_date(value):
    assert values.parse_date(value) == date(2022, 7, 29)


def test_parse_date_rejects():
    with pytest.raises(ValueError, match="is not a date"):
        values.parse_date("七月")
    with pytest.raises(ValueError, match="day 30 does not exist"):
        values.parse_date("2022-02-30")


def test_report_year():
    assert values.report_year(None, "2021-07-29") == 2021
    assert values.report_year("2020", date(2021, 7, 29)) == 2020
    assert values.report_year("x", "2021-07-29") == 2021  # a bad year is reported by the model; the date still says
    assert values.report_year(None, "七月") is None


@pytest.mark.parametrize("light", ["绿色", "G", "green", "●绿", "红灯"])
def test_parse_light_accepts_what_tables_and_yaml_both_use(light):
    assert values.parse_light(light) in ("green", "red")


@pytest.mark.parametrize("text", ["合计", "合 计", "总计", "小计", "合计：", "全区合计"])
def test_is_total(text):
    assert values.is_total(text)


@pytest.mark.parametrize("text", ["合计完成投资", "统计局", None, 3, "规上工业增加值"])
def test_is_total_not(text):
    assert not values.is_total(text)
