"""Growth wording: each rule on sentences written for it (name, value, unit, growth)."""

from __future__ import annotations

import pytest

from briefgen.extract.figures import find_figures


def _figs(text: str) -> list[tuple]:
    return [(f.name, f.value, f.unit, f.yoy) for f in find_figures(text).figures]


@pytest.mark.parametrize("text, figures", [
    # growth before the value
    ("全年地区生产总值增长12.6%、达92.9亿元。", [("地区生产总值", "92.9", "亿元", "12.6")]),
    ("地区生产总值增长6.5%，达到92.9亿元；财政收入增长8%，达5.1亿元。",
     [("地区生产总值", "92.9", "亿元", "6.5"), ("财政收入", "5.1", "亿元", "8")]),
    # 名义增长, 实际增长, and an adverb before the growth
    ("社会消费品零售总额20亿元，名义增长13%。", [("社会消费品零售总额", "20", "亿元", "13")]),
    ("农业总产值3.4亿元，实际增长2.2%。", [("农业总产值", "3.4", "亿元", "2.2")]),
    ("其中产业税收12.5亿元，逆势增长5%。", [("产业税收", "12.5", "亿元", "5")]),
    # a change against last year, then its growth: the growth of the thing, no item named 比上年下降
    ("煤炭消费量比上年下降3.2万吨、下降4.1%。", [("煤炭消费量增速", "-4.1", "%", None)]),
    # paired figures
    ("农林牧渔业和工业增加值分别增长3.1%和8.2%。", [("农林牧渔业增加值增速", "3.1", "%", None), ("工业增加值增速", "8.2", "%", None)]),
    ("进出口总额和出口额分别下降2.1%和3.5%。", [("进出口总额增速", "-2.1", "%", None), ("出口额增速", "-3.5", "%", None)]),
    ("城镇和农村居民人均可支配收入完成39092元、17191元，分别增长3%、6.4%。",
     [("城镇居民人均可支配收入", "39092", "元", "3"), ("农村居民人均可支配收入", "17191", "元", "6.4")]),
    # a share between the value and its growth
    ("服务业增加值12亿元，占GDP比重45.2%，增长7.1%。", [("服务业增加值", "12", "亿元", "7.1"), ("占GDP比重", "45.2", "%", None)]),
    # an average over two years compares: no figure of its own
    ("实现GDP310.5亿元，同比增长10.6%，两年平均增速为4.3%。", [("GDP", "310.5", "亿元", "10.6")]),
    ("地区生产总值同比增长12.6%，总量达92.9亿元。", [("地区生产总值", "92.9", "亿元", "12.6")]),
    ("一般公共预算收入增长5.1%、完成6.2亿元；城镇居民人均可支配收入增长7.5%、达32156元。",
     [("一般公共预算收入", "6.2", "亿元", "5.1"), ("城镇居民人均可支配收入", "32156", "元", "7.5")]),
    # 可比增长; a change in an amount (同比增加0.6亿元) before the growth
    ("实现地区生产总值92.9亿元，可比增长12.6%。", [("地区生产总值", "92.9", "亿元", "12.6")]),
    ("一般公共预算收入5.2亿元，同比增加0.6亿元，增长13%。", [("一般公共预算收入", "5.2", "亿元", "13")]),
    # growths shared out after figures named each in its clause
    ("接待游客320万人次，实现旅游收入28亿元，分别增长15%和18%。", [("接待游客", "320", "万人次", "15"), ("旅游收入", "28", "亿元", "18")]),
    ("工业用电量3.2亿千瓦时，增长8%。", [("工业用电量", "3.2", "亿千瓦时", "8")]),
    ("全县生产总值（GDP）增长12.6%、达92.9亿元。", [("生产总值", "92.9", "亿元", "12.6")]),
    ("城乡居民人均可支配收入分别增长9.5%和11%、达36500元和12800元。",
     [("城镇居民人均可支配收入", "36500", "元", "9.5"), ("农村居民人均可支配收入", "12800", "元", "11")]),
    # 万 alone closing a clause
    ("限上零售业商品销售额2523.7万，同比增长61.98%。", [("限上零售业商品销售额", "2523.7", "万", "61.98")]),
])
def test_growth_wording(text, figures):
    assert _figs(text) == figures


def test_progress_between_value_and_growth():
    f = find_figures("固定资产投资53.72亿元，完成年计划的102.5%，同比增长14.6%。").figures
    assert [(x.name, x.value, x.progress, x.yoy) for x in f] == [("固定资产投资", "53.72", "102.5", "14.6")]


def test_wan_inside_words_is_no_unit():
    assert _figs("完成3万株苗木栽种。") == []


@pytest.mark.parametrize("text, figure", [
    ("地区生产总值由2010年的45.2亿元增加到2015年的92.9亿元，年均增长12.6%。", ("地区生产总值", "92.9", "亿元", "由45.2亿元到92.9亿元，年均增长12.6%")),
    ("财政收入从2010年的3.1亿元增长到2015年的8.2亿元。", ("财政收入", "8.2", "亿元", "由3.1亿元到8.2亿元")),
    ("森林覆盖率由45%提高到52%。", ("森林覆盖率", "52", "%", "由45%到52%")),
])
def test_from_a_to_b_takes_b(text, figure):
    assert [(f.name, f.value, f.unit, f.note) for f in find_figures(text).figures] == [figure]
