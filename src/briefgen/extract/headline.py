"""Which figures go to the draft's headline list (``indicators``): the figures a one-page summary shows.

A report's headline figures are its indicator table or block, and, in its opening summary and in the part on the
economy, the economic aggregates: a figure with its growth (地区生产总值85.6亿元，增长6.2%), an amount of an
aggregate (引进外资1017万美元), the growth of an aggregate written alone (规上工业增加值增长10.1%). Every other
figure (counts of firms, events, meetings, shares, rates) stays with its section. In a later section only an
aggregate with its growth is a headline figure.

    reason(figure, "opening") -> "growth" | "aggregate" | None
"""

from __future__ import annotations

import re

from .figures import COUNTERS, Figure

# The words an economic aggregate's name holds (production, income, revenue, investment, trade, consumption).
_AGGREGATE = re.compile(
    r"生产总值|GDP|增加值|产值|营业收入|营收|收入|税收|财政|预算|投资|零售|消费品|销售额|营业额|进出口|出口|进口|外资|外贸|"
    r"引资|内资|资金|利润|利税|存款|贷款|可支配|消费"
)
_MONEY = re.compile(r"元$")
# A firm's own amounts are no aggregate of the place's economy: 新注册企业注册资金1.1亿元.
_OWN = re.compile(r"注册资金|注册资本")
# An amount given only roughly or as a threshold (7400余万元, 突破50亿元) is no headline figure.

# The aggregates a summary of a place's economy always shows, by their whole name: the growth of one written alone
# (规模以上工业增加值增长6.9%) is a headline figure in whichever part it stands; a part of one (工业投资, 民间投资) is not.
_CORE = re.compile(
    r"^(?:全[区县市镇乡]|全社会|全口径|地方|我[区县市镇]|全体居民|城镇(?:常住)?居民|农村(?:常住)?居民)?"
    r"(?:地区生产总值|生产总值|GDP|(?:规模以上|规上)工业增加值|固定资产投资|社会消费品零售总额|(?:一般公共预算|地方财政|财政总)收入|"
    r"税收收入|(?:外贸)?进出口总?额|人均可支配收入)$"
)

# Amounts of goods and land (粮食产量80.3万吨, 播种面积324.3万亩, 出栏生猪116万头): a sector's detail, not a figure of
# the place's economy as a whole, whichever part they stand in.
_GOODS = re.compile(r"(?:吨|亩|公顷|头|只|羽|立方米|标准煤|斤|担|千瓦时|千瓦)$")

# A value that is no figure of the period: the one compared with (…，比2022年的32.02亿元，增长53.66%) and the
# figure before restated in another currency (按2017年平均汇率计算为5791美元).
_NOT_A_FIGURE = re.compile(r"^(?:比|较)(?:\d{4}年|上年|去年)(?:同期)?的?$|汇率计算")

# The three sectors of the GDP (第一产业增加值).
_SECTOR = re.compile(r"^第[一二三]产业(?:增加值)?(?:增速)?$")

REASONS = ("table", "growth", "aggregate")
PLACES = ("opening", "head", "section", "chapter")


def is_aggregate(name: str) -> bool:
    return bool(_AGGREGATE.search(name)) and not _OWN.search(name)


_CORE_END = re.compile(r"(?:地区生产总值|生产总值|GDP|(?:规模以上|规上)工业增加值|固定资产投资|社会消费品零售总额|"
                       r"(?:一般公共预算|地方财政|财政总)收入|人均可支配收入)$")


def names_core(name: str) -> bool:
    """A name that ends with a core aggregate's (国民经济全年实现地区生产总值): which part is the economy's."""
    return bool(_CORE_END.search(name))


def is_core(name: str) -> bool:
    """One of the aggregates a summary of a place's economy always shows, by its whole name."""
    return bool(_CORE.match(name))


def reason(fig: Figure, place: str) -> str | None:
    """Why ``fig`` is a headline figure in ``place`` ("opening": the text before the first section, "head": the
    section on the economy, "section": any other), or None when it stays with its section."""
    if _NOT_A_FIGURE.search(fig.name):
        return None  # the value compared with (比2022年的32.02亿元) or the figure before in another currency
    if fig.sub_of and re.sub(r"(?:增速|增幅)$", "", fig.sub_of) == re.sub(r"(?:增速|增幅)$", "", fig.name):
        return None  # the same figure again for a part of the period or place (其中，当月规模以上工业增加值增长9.9%)
    if fig.sub_of and _SECTOR.match(fig.sub_of):
        return None  # a part of a sector (第二产业增加值…，其中工业增加值…): the sector is shown, its parts stay
    if getattr(fig, "target", False) or _GOODS.search(fig.unit):
        return None  # a goal set for the year (主要预期目标：…增长9%) and amounts of goods stay with their part
    if (fig.threshold or fig.value_text is not None) and (fig.yoy is None or not is_aggregate(fig.name)):
        return None  # a rough amount or a threshold is a headline figure only as an aggregate with its growth
    growth_only = fig.unit in ("%", "个百分点") and fig.name.endswith(("增速", "增幅"))
    if growth_only:
        if fig.unit != "%" or not is_aggregate(fig.name):
            return None
        # outside the opening only an aggregate by its whole name: a breakdown (采矿业增加值增长67.9%, 民间投资增长46%)
        # stays with its part
        return "growth" if place == "opening" or is_core(fig.name[:-2]) else None
    if fig.unit in ("%", "个百分点"):  # a rate or a share (接种率达89.23%, 占比35%)
        return None
    if place == "chapter":  # a statistics bulletin's chapter (二、农业): only a core aggregate
        return "growth" if fig.yoy is not None and is_core(fig.name) else None
    if fig.yoy is not None:
        if place != "section" or (is_aggregate(fig.name) and fig.unit not in COUNTERS):
            return "growth"
        return None
    if place != "section" and _MONEY.search(fig.unit) and is_aggregate(fig.name):
        return "aggregate"
    return None
