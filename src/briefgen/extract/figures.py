"""Figures in running text: indicators (name, value, unit, growth, estimate), rankings and light tallies.

Works sentence by sentence, clause by clause (see ``structure.clauses``):

    规上工业增加值实现31.3亿元，同比增长9.5%   -> 规上工业增加值 · 31.3 亿元 · yoy 9.5
    地区生产总值85.6亿元，同比下降2.1%        -> … yoy -2.1
    203套云水湾安置房已结算并交房             -> 云水湾安置房 · 203 套 (a count names what follows it)
    执法检查企业家数居全区第一名              -> ranking 执法检查企业家数 · 全区第一名
    亮灯考核实现14绿6红                      -> tally 14 green, 6 red

A ``预计：`` before a list marks every figure of that list as an estimate, also when the list runs on past a
full stop with sentences of the same shape. Figures inside quotes (“最后1公里”), plans (争取/力争 …) and plot
sizes (240亩地块) are not results and are skipped, and so are amounts inside a …的 phrase (超50万元的村,
总投资5亿元的产业园: a threshold or a size that describes a noun).

    新增市场主体412户（其中企业187户、…）     -> 新增市场主体 412户; 企业 187户 (a breakdown, note 属新增市场主体412户)
    新招引落地项目9个（总投资2.3亿元）         -> 新招引落地项目总投资 2.3亿元 (an attribute takes its figure's name)
    工业总产值突破50亿元，达到51.3亿元        -> 工业总产值 51.3 亿元 (the exact figure after a threshold wins)
    提供岗位2300余个 / 新增企业两家           -> 2300 个 (value_text 2300余) / 2 家 (一…十, 两 at a clause's end)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .structure import clauses, sentences

# Matched longest first (sorted below), so 万美元 wins over 美元, 家次 over 家 and 万方 over 方.
UNITS = tuple(sorted((
    "万平方米", "平方公里", "万亩", "平方米", "万美元", "亿美元", "万人次", "亿元", "万元", "美元", "万方", "万吨", "公里",
    "万辆次", "辆次", "万人", "万户", "万份", "万件", "万册", "家次", "人次", "台次", "批次", "台", "份", "册",
    "亩", "家", "个", "张", "幢", "栋", "人", "名", "件", "户", "次", "套", "起", "条", "辆", "项", "所", "宗", "场", "批", "处", "座", "元", "方",
    "吨", "%", "％", "个百分点", "万", "千瓦时", "万千瓦时", "亿千瓦时", "千瓦", "万千瓦", "万标箱", "标箱", "立方米", "万立方米",
    "公斤", "万公斤", "亿", "公顷", "万公顷", "千公顷", "万头", "头", "万只", "只", "万羽", "亿立方米", "万吨标准煤",
), key=len, reverse=True))
# Units that count things: the noun after them names the figure (203套云水湾安置房).
COUNTERS = {"家", "个", "张", "幢", "栋", "人次", "人", "名", "件", "户", "次", "套", "起", "条", "辆", "项", "所", "宗", "场", "批", "处", "座",
            "家次", "台", "台次", "辆次", "批次", "份", "册", "头", "只", "万头", "万只", "万羽"}
# Count units a Chinese number word may carry (新增省级专精特新企业两家): 起/次 are left out (一起, 一次性).
_CN_COUNTERS = ("家", "个", "项", "所", "座", "名", "人", "户", "件", "套", "条", "处", "台", "辆", "批", "场")
_CN_DIGITS = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")} | {"两": 2}

_NUMBER = r"(?:(?<![\d.\-—~～#Ⅰ-Ⅻa-zA-Z])|(?<=[^A-Za-z][A-Z]{3})|(?<=[^A-Za-z][A-Z]{2}))(\d+(?:\.\d+)?)"
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
# 2300余个, 300多家, 1.2万余人次: the 余/多 is kept apart (value_text), the number is the value.
_QTY = re.compile(_NUMBER + r"\s*(?:([万亿千])?(余|多))?\s*(" + _UNIT_RE + r")")
# 两家, 三个: a number word with a count unit, only where it ends the clause (新增省级专精特新企业两家), not in
# running words such as 两个村建设 or 第一名.
_CN_QTY = re.compile(r"(?<![一二三四五六七八九十两百千万亿第前几数多每各这那同单双统唯])([一二三四五六七八九十两])("
                     + "|".join(_CN_COUNTERS) + r")(?=$|[）)])")
# Words that make the figure after them a threshold (突破50亿元), which a more exact figure may follow (达到51.3亿元).
_THRESHOLD = re.compile(r"(?:突破|超过|超|逾|近|约|力争|目标)$")
_OPEN, _CLOSE = "（(", "）)"


@dataclass
class Qty:
    """A quantity found in a clause: where it is, its value and unit, and a qualifier such as 余."""

    start: int
    end: int
    value: str
    unit: str
    qual: str = ""

    def text(self) -> str:
        return self.value + self.qual


def _quantities(text: str, limit: int | None = None) -> list[Qty]:
    """The quantities of a clause before ``limit`` (where its growth figure starts)."""
    limit = len(text) if limit is None else limit
    out = []
    for m in _QTY.finditer(text[:limit]):
        unit = m.group(4)
        if unit in ("万", "亿") and (m.group(2) or not re.match(r"\s*(?:[，；。、,;]|$)", text[m.end():])):
            continue  # 万 alone is a unit only where it closes a clause (销售额2523.7万，)
        if m.group(2):  # 1.2万余人次 -> 1.2 万人次, 余
            unit = m.group(2) + unit
        out.append(Qty(m.start(), m.end(), m.group(1), unit, m.group(3) or ""))
    for m in _CN_QTY.finditer(text):  # the clause's end, not the growth's start, ends a 两家
        if m.end() <= limit:
            out.append(Qty(m.start(), m.end(), str(_CN_DIGITS[m.group(1)]), m.group(2)))
    return sorted(out, key=lambda q: q.start)


_GROWTH = re.compile(
    r"(?:同比|比上年|较上年|比去年同期)?(?:名义|实际|可比|同口径|自然)?(负增长|增长率?|增加|增幅|增速|提高|提升|上升|下降|减少|回落|降低|递增|增产|减产|降幅|比增|比降|比减|增|减|降)"
    r"(?:为|达到?|是)?了?(?:约|近|超过?|逾)?(-?\d+(?:\.\d+)?)\s*(%|％|个百分点|倍)"
)
# The words before a growth figure that name no subject of their own: 同比增长, 其中增长, 分别增长.
_NO_SUBJECT = re.compile(r"(?:同比|(?:比|较)\S{0,7}|[与同和]\S{0,6}相比|分别|均|其中|增速|增幅|逆势|逆市|稳步|持续|快速|大幅|小幅|较快|平稳|"
                         r"按可比价格?计算|可比价|，|、|\s)*")
# A growth that compares with another place or period is no indicator: 增速高于全市0.4个百分点.
_COMPARISON = re.compile(r"^(?:增速|增幅)?(?:分别)?(?:高于|低于|快于|慢于|比|较|提高|回落|收窄|扩大)|^(?:[两三四五]|近[两三五])年平均|^年均$")
# A change against another time is no indicator of its own: 比上年末增加18家, 较年初减少3个.
_CHANGE = re.compile(r"^(?:(?:同比|比|较)[^，；\d]{0,8}?(?:增加|减少|新增|增收|减收|多收|少收|增产|减产|多|少|增|减)|增收|减收|净增|净减|增加|减少)了?$")
_CHANGE_AFTER = re.compile(r"^(?P<subject>.*?)(?:比|较)[^，；\d]{0,8}?(?:增加|减少|增长|下降|提高|降低|新增|增收|减收|增产|减产|多|少)了?$")
# A label and its value apart by a colon: 地区生产总值：45.6亿元 (a name of 2-20 characters, no number in it).
_LABEL_COLON = re.compile(r"(^|[，；。]|——|—|\d[.．、]|[一二三四五六七八九十]、|[（(][一二三四五六七八九十\d]{1,2}[)）])"
                          r"([^\d，；：:。、（）()]{2,20})[：:]\s*(?=(?:完成|实现|达到?|为)?\s*-?\d)")
_SHARE = re.compile(r"^占|比重|占比")
_SHARED_GROWTHS = re.compile(r"[，,；]\s*(?:同比|比上年)?(?:分别|依次)?(?:比上年|较上年|比去年)?(?:同期)?(?:同比)?"
                             r"(?P<verb>增长|增加|提高|上升|下降|减少|回落)"
                             r"(?P<pcts>-?\d+(?:\.\d+)?\s*%(?:\s*[、和及与]\s*-?\d+(?:\.\d+)?\s*%)+)")
# Words that name no figure of their own, only "the amount" of the one before: 增长12.6%，总量达92.9亿元.
_AMOUNT_WORDS = ("总量", "总额", "规模", "总规模", "总值", "总计")
_NEGATIVE = ("下降", "减少", "回落", "降低", "减产", "降幅", "比降", "比减", "减", "降", "负增长")
_PROGRESS = re.compile(r"(?:完成|达到|占|为)(?:了)?(?:年度|全年|年初|年|本年|上级下达|[市区县]下达)(?:目标|任务|计划|预算)(?:任务)?(?:[（(][^（）()]*[)）])?的?$")
_FUTURE = ("争取", "力争", "计划", "确保", "拟", "目标", "将")
# A target or a forecast inside a clause: 确保目标增长12%, 产值目标201亿元, 预测上半年将完成投资34亿元.
_TARGET = re.compile(r"目标(?:任务)?(?:为|是|值)?(?:增长|增速)?\s*\d|(?:将|拟)(?:完成|实现|达到|新增)")

_LEAD_FILLER = re.compile(
    r"^(?:(?:社区|村|镇|乡|区|县)(?=新增|完成|实现|开展|累计|共|发放|办结|引进|新建|新引进|签约)|实施|召开|举行|举办|\d{4}年(?:\d{1,2}[-—]\d{1,2}月)?|预测|年末|年初|期末|月末|共有|现有|(?:全年)?可(?:实现|完成|达到?)|拥有|全镇|全区|全县|全市|全乡|全街道|全街|街道|我镇|我街道|我区|我县|本镇|辖区内?|截至目前|截止目前|截至\S{0,6}底|截至|截止|目前|至今|今年以来|上半年|全年|当年|当月|累计|其中|共|已经|已|预计|辖区内?|"
    r"1-6月|1—6月|\d{1,2}-\d{1,2}月|重点关注|开展|组织|累计发放|发放|开设|登上|新建成|建成|完成了?|实现了?|全年共|共计|"
    r"[一二三四五六七八九十]是|其[一二三四五])"
)
_NAME_VERBS = "开展|组织|举办|发放|开设|建成|新建成|召开|排查|化解"
_TRAIL_FILLER = re.compile(r"(?:(?:稳定|控制|保持)在|预计(?:实现|完成|达到)?|实现了?|完成了?|已完成|达到?了?|为|共计?|累计|(?<!签)约|超过?|近|突破|均为|合计|也已|已|的|居|位居|排名)$")
_NOUN_STOP = re.compile(r"(?:全部|全面|基本|陆续|相继|先后|分别|同时|已|正|将|可|也|均|定期|顺利|成功|并|被|需|待|在|于|参加|提供|获批|完成|实现|建成|投产)")
_SUBJECT_VERBS = re.compile(
    r"^(?:强势|大力|全力|积极|持续|稳妥|深入|扎实|加快)?(?:推进|推动|办理|协调|开展|落实|完成|加强|加大|关注|发放|开设|启动|实施|组织|做好)"
)
# Attribute names that need their subject: 占地76亩 -> 云水湾二期安置房占地.
_ATTRIBUTES = ("占地", "计容建面", "建筑面积", "总投资", "投资", "注册资金", "补贴金额", "金额", "面积", "投资额", "总面积", "拆除", "资金")

# A ranking phrase: a ranking verb (居全区第一, 排名第二, 位列前三), a scope (全市第6) or 名 (第一名) with the place.
# An ordinal word is none: 第一产业, 第二届, 第二次会议, 前三季度, 第三批, 第一时间 (what follows the number says so).
_RANK = re.compile(
    r"(居|位居|位列|名列|排名|排在|排|列|取得了?|获得?|荣获|稳居|保持)?(?:[^，；。]{0,8}?的)?"
    r"((?:全国|全省|全市|全区|全县|全镇)?(?:乡镇街道|乡镇（街道）|街道)?中?)"
    r"(第[一二三四五六七八九十\d]+名?|前[一二三四五六七八九十\d]+名?)"
    r"(?![一二三四五六七八九十\d.]|[产届次批季轮期个条项款部阶年天号位类级代章节条把手线时梯])"
)
_RANK_WORD = re.compile(r"第[一二三四五六七八九十\d]|前[一二三四五六七八九十\d]")
_SCOPE = re.compile(r"(?:全国|全省|全市|全区|全县)(?:乡镇街道|乡镇（街道）|街道|乡镇)?")
_TALLY_NUM = r"((?<!\d)\d{1,6}(?!\d)|[一二三四五六七八九十两]{1,3})"  # a count from its first digit, of at most 6
_TALLY = re.compile(_TALLY_NUM + r"\s*[个项盏]?绿\s*(?:" + _TALLY_NUM + r"\s*[个项盏]?黄\s*)?" + _TALLY_NUM + r"\s*[个项盏]?红")
_PERIODS = re.compile(r"(一季度|二季度|三季度|四季度|第[一二三四]季度|上半年|下半年|1-6月|1—6月|全年|\d{1,2}月份?)")


@dataclass
class Figure:
    name: str
    value: str
    unit: str
    yoy: str | None = None
    progress: str | None = None
    estimate: bool = False
    note: str | None = None
    clause: str = ""
    sentence: int = 0  # index of the sentence within the text searched
    opening: str = ""  # the sentence's first clause, when the figure is in a later one
    value_text: str | None = None  # the value as written, when it says more than the number (2300余)
    part: int = 0  # index of the clause within its sentence
    threshold: bool = False  # written after 突破/超/近/约 …: a more exact figure may follow
    sub_of: str | None = None  # after 其中: the name of the figure this one is a part of (第二产业增加值)
    target: bool = False  # in a sentence that sets targets (主要预期目标：地区生产总值增长9%): a goal, not a result

    def as_dict(self, with_note: bool = True) -> dict:
        d: dict = {"name": self.name, "value": _num(self.value), "unit": self.unit}
        if self.value_text is not None:
            d["value_text"] = self.value_text
        if self.yoy is not None:
            d["yoy"] = _num(self.yoy)
        if self.progress is not None:
            d["progress"] = _num(self.progress)
        if self.estimate:
            d["estimate"] = True
        if with_note and self.note:
            d["note"] = self.note
        return d


def _num(text: str) -> int | float | str:
    """A figure's number as the draft writes it; one of more digits than any figure has (a run of thousands of digits:
    int() refuses past 4,300) stays the text it was, for the data's own check to name."""
    if len(text.lstrip("-").replace(".", "")) > 30:
        return text
    return int(text) if re.fullmatch(r"-?\d+", text) else float(text)


@dataclass
class Rank:
    subject: str
    rank: str


@dataclass
class TallyFound:
    period: str
    green: int
    red: int
    yellow: int
    rank: str | None


@dataclass
class Found:
    figures: list[Figure] = field(default_factory=list)
    rankings: list[Rank] = field(default_factory=list)
    tallies: list[TallyFound] = field(default_factory=list)


_LONGEST_SENTENCE = 2000  # characters: a report's longest sentences (lists of projects) are some hundreds
_LONGEST_SUBJECT = 200  # characters of a sentence's first clause searched for its subject (a pattern there is quadratic)


def _of_sentence(found: Found, si: int) -> list[Figure]:
    """The figures of sentence ``si``, in order: the tail of ``found.figures`` (figures are found sentence by sentence),
    so that a report of many sentences is not scanned whole for each growth (that was quadratic: 320,000 characters
    took 11 s)."""
    start = len(found.figures)
    while start and found.figures[start - 1].sentence == si:
        start -= 1
    return found.figures[start:]


# A sentence that sets the year's goals: 主要预期目标为：地区生产总值增长6%以上, 2019年经济社会发展主要预期目标：….
_TARGETS = re.compile(r"预期目标|主要目标[为是：:]|目标任务[为是：:]|奋斗目标[为是：:]")


def find_figures(text: str) -> Found:
    """All figures, rankings and tallies of one stretch of report text."""
    found = Found()
    estimate_list = False  # inside a 预计： list
    for si, sentence in enumerate(sentences(text)):
        if "预计：" in sentence or "预计:" in sentence:
            estimate_list = True
        elif estimate_list and not re.match(r"^[^，；。]{2,20}(?:实现|完成|达到?)\d", sentence):
            estimate_list = False
        sentence = _LABEL_COLON.sub(r"\1\2", sentence)  # 地区生产总值：45.6亿元 -> 地区生产总值45.6亿元
        # The list and from-to patterns scan a sentence from every position for a subject; they are tried only on a
        # sentence with their words and of a report's length (a line of 20,000 digits took them 3 minutes)
        if len(sentence) <= _LONGEST_SENTENCE and ("分别" in sentence or "依次" in sentence):
            listed, sentence = _respectively(sentence, si, estimate_list)
            found.figures += listed
        if len(sentence) <= _LONGEST_SENTENCE and ("由" in sentence or "从" in sentence):
            moved, sentence = _from_to(sentence, si)
            found.figures += moved
        # 接待游客320万人次，实现旅游收入28亿元，分别增长15%和18%: growths of the figures before, in their order
        shared = _SHARED_GROWTHS.search(sentence)
        shared_pcts: list[str] = []
        if shared:
            shared_pcts = re.findall(r"-?\d+(?:\.\d+)?", shared.group("pcts"))
            if shared.group("verb") in _NEGATIVE:
                shared_pcts = [p if p.startswith("-") else "-" + p for p in shared_pcts]
            sentence = sentence[: shared.start()] + sentence[shared.end():]
        _tallies_and_ranks(sentence, found)
        last: Figure | None = None
        parts = clauses(sentence)
        # the sentence's opening: its first clause, or the whole list when that clause is a list's first item
        # (新发展茶叶、中药材等特色产业基地3个，面积约3500亩)
        lead = parts[0] if parts else ""
        if parts and "、" in sentence and not re.search(r"\d", lead):
            lead = clauses(sentence, "，；：。！？")[0]
        subject = _subject(lead) if parts else ""
        subject_part = 0
        if not subject and len(parts) > 1:  # 其中，总投资5亿元的新材料产业园一期建成投产，…
            subject = _subject(parts[1])
            subject_part = 1
        in_list = False
        change: tuple[str, str] | None = None  # 煤炭消费量比上年下降3.2万吨: (subject, clause) of a change awaiting its growth
        for ci, part in enumerate(parts):
            if part.startswith(("预计", "1-6月预计")):
                in_list = True
            g = _GROWTH.search(part)
            future = part.startswith(_FUTURE) or any(w in part[:4] for w in ("争取", "力争")) or bool(_TARGET.search(part))
            if "预计" in part and ("：" in sentence or ":" in sentence):
                in_list = True
            pos = 0
            before_growth = part[: g.start()] if g else part
            in_clause: list[tuple[int, Figure]] = []  # (where, figure) in this clause
            for m in _quantities(part, len(before_growth)):
                if _is_plot(part, m.end) or _attributive(part, m):
                    continue  # 50万元以上的村, 总投资5亿元的产业园: part of a name, not a result
                if future or _quoted(part, m.start) or m.unit in ("%", "％", "个百分点") and g \
                        or m.unit == "个百分点" and _COMPARISON.search(_strip_name(part[pos: m.start])) \
                        or _CHANGE.match(part[pos: m.start].strip()):
                    pos = m.end
                    continue
                moved = _CHANGE_AFTER.match(part[pos: m.start].strip()) if m.unit not in ("%", "％", "个百分点") else None
                if moved and _strip_name(moved.group("subject")):
                    change = (_strip_name(moved.group("subject")), part)  # a change, not the level: its growth follows
                    pos = m.end
                    continue
                if m.unit in ("%", "％") and last is not None and last.sentence == si and last.progress is None \
                        and _PROGRESS.search(part[: m.start]):
                    last.progress = m.value  # 实际利用外资1860万美元，完成年度目标的62%
                    pos = m.end
                    continue
                if _TALLY.search(part):
                    break
                unit = "%" if m.unit == "％" else m.unit
                remark = None
                opened = _open_bracket(part, m.start)
                parent = next((f for at, f in reversed(in_clause) if at < opened), None) if opened >= 0 else None
                if opened >= 0:  # 412户（其中企业187户、个体工商户225户）: named inside the bracket
                    name = _bracket_name(part[max(opened + 1, pos): m.start])
                else:
                    name, remark = _name(part, pos, m, before_growth)
                if m.unit in COUNTERS and name and part.endswith(name) and opened < 0:
                    name += _enumeration_tail(sentence, part)  # 60项市委、市政府重点工作
                pos_before = pos
                pos = m.end
                if (not name or name in _AMOUNT_WORDS) and last is not None and last.sentence == si and last.part == ci - 1 \
                        and last.yoy is None and last.unit == "%" and last.name.endswith("增速") and unit not in ("%", "个百分点"):
                    # 地区生产总值增长12.6%、达92.9亿元 (…，总量达92.9亿元): the growth came first, the value follows
                    last.name, last.yoy, last.value, last.unit = last.name[:-2], last.value, m.value, unit
                    last.value_text, last.clause = _value_text(m), f"{last.clause}，{part}"
                    continue
                if not name:
                    if last is not None and last.threshold and last.sentence == si and last.unit == unit \
                            and last.part >= ci - 1 and last.yoy is None:
                        # 工业总产值突破50亿元，达到51.3亿元: the exact figure replaces the threshold
                        last.value, last.value_text, last.threshold = m.value, _value_text(m), False
                        if last.clause != part:
                            last.clause = f"{last.clause}，{part}"
                        continue
                    if last is not None and last.sentence == si and last.unit == unit and last.part == ci - 1 \
                            and re.match(r"^(?:累计|总数|总量|共计|合计)", part[pos_before:].lstrip()):
                        # 新增高新技术企业46家，累计达到312家: the running total of the same thing
                        base = re.sub(r"^(?:新增|新认定|新培育|新引进|新建|新)", "", last.name) or last.name
                        fig = Figure(base + "累计", m.value, unit, clause=part, sentence=si, part=ci, value_text=_value_text(m))
                        found.figures.append(fig)
                        in_clause.append((m.start, fig))
                        last = fig
                    continue
                if parent is not None:
                    if name in _ATTRIBUTES:  # 新招引落地项目9个（总投资2.3亿元）
                        name = _with_subject(name, parent.name, None)
                    else:  # a breakdown of the figure before the bracket
                        remark = f"属{parent.name}{parent.value_text or parent.value}{parent.unit}"
                elif name in _ATTRIBUTES or len(name) <= 2:
                    verb = re.search(rf"(完成|实现|到位|累计完成){re.escape(name)}\s*$", part[pos_before: m.start]) if name else None
                    # an attribute belongs to the count just before it (新注册企业80家，注册资金3亿元), unless
                    # it continues the sentence's subject (办理返岗补贴，…，补贴金额147.5万元)
                    if last is not None and last.sentence == si and last.part == ci - 1 and last.unit in COUNTERS \
                            and name in _ATTRIBUTES and not any(subject.endswith(name[:k]) for k in range(2, len(name) + 1)):
                        owner = last.name
                    elif name in _ATTRIBUTES or not any(f.part == subject_part for f in _of_sentence(found, si)):
                        owner = subject if subject_part <= ci else ""  # 云水湾二期安置房也已出让完成，占地76亩
                    else:
                        owner = ""  # a short name of its own after other figures: 实现税收3.2亿元
                    if _after_list_mark(sentence, part):
                        owner = ""  # 新建公园3个、绿道5公里: an item of a list, not an attribute
                    if verb and len(name) <= 2 and owner and owner != name:
                        name = verb.group(1) + name
                    name = _with_subject(name, owner, last)
                    if len(name) <= 2:  # 开展活动24场: a bare noun keeps the verb it came with
                        kept = re.search(rf"({_NAME_VERBS}){re.escape(name)}\s*$", part[pos_before: m.start])
                        if kept:
                            name = kept.group(1) + name
                opening = (lead if part not in lead else parts[0]) if ci else ""
                fig = Figure(name, m.value, unit, estimate=estimate_list or in_list or bool(re.search("预计|预测", part[: m.start])),
                             note=remark, clause=part, sentence=si, opening=opening, value_text=_value_text(m), part=ci,
                             threshold=bool(_THRESHOLD.search(part[: m.start].rstrip())))
                found.figures.append(fig)
                in_clause.append((m.start, fig))
                last = fig
            if g and not future:
                pct = g.group(2)
                if g.group(3) == "倍":  # 增长1.2倍: 120%
                    pct = f"{float(pct) * 100:g}"
                if g.group(1) in _NEGATIVE and not pct.startswith("-"):
                    pct = "-" + pct
                own = [f for f in _of_sentence(found, si) if f.clause == part]
                # a growth with a subject of its own (…，信访总量同比下降17.2%) is a figure of its own
                named = _strip_name(part[: g.start()])
                if own or _NO_SUBJECT.fullmatch(named):
                    target = own[-1] if own else (last if last is not None and last.yoy is None and last.sentence == si else None)
                    if target is not None and not own and target.unit == "%" and _SHARE.search(target.name):
                        # 服务业增加值12亿元，占GDP比重45.2%，增长7.1%: the growth is the value's, not the share's
                        target = next((f for f in reversed(_of_sentence(found, si)) if f.yoy is None
                                       and not _SHARE.search(f.name) and f.unit not in ("%", "个百分点")), None)
                    if change is not None and not own:  # 比上年下降3.2万吨、下降4.1%: the growth of the changed thing
                        target = None
                        named = change[0]
                else:
                    target = None
                if target is None and named == "年均" and g.group(3) == "%" and last is not None and last.sentence == si \
                        and last.yoy is None and last.unit not in ("%", "个百分点") and last.part == ci - 1:
                    # 地区生产总值达到92.9亿元，年均增长12.6%: an average over the years is no year-on-year growth;
                    # it goes beside the figure as its note (the summary's 备注), the growth column stays empty
                    last.note = last.note or "年均" + g.group(0)
                elif target is not None and target.yoy is None and g.group(3) != "个百分点":
                    target.yoy = pct
                elif target is None and not _COMPARISON.match(named) and not (change is None and _NO_SUBJECT.fullmatch(named)):
                    # (a growth naming no subject whose figure has its growth already is a comparison: 增幅较上年提高2个百分点)
                    name = named
                    if name and len(name) >= 2:
                        fig = Figure(name + ("增速" if not name.endswith(("增速", "增幅")) else ""), pct,
                                     "个百分点" if g.group(3) == "个百分点" else "%",
                                     estimate=estimate_list or in_list or bool(re.search("预计|预测", part[: g.start()])), clause=part, sentence=si,
                                     part=ci, note=change[1] if change is not None and name == change[0] else None)
                        found.figures.append(fig)
                        last = fig
                        change = None
            elif last is not None and last.sentence == si and last.note is None and ci > 0 and _remark(part):
                last.note = strip_remark(part)
        # 按2017年平均汇率计算为5791美元，增长0.2%: the growth is the figure's before, restated in another currency
        restated = _of_sentence(found, si)
        for a, b in zip(restated, restated[1:]):
            if re.search(r"汇率计算", b.name) and a.yoy is None and b.yoy is not None and a.part < b.part:
                a.yoy = b.yoy
        # 其中 opens a breakdown of the figure before it: the figures from there on (to the next 其中) are its parts
        # (第二产业增加值65585万元，其中工业增加值40653万元; a sentence opening 其中： breaks down the one before)
        marks = [ci for ci, part in enumerate(parts) if part.lstrip("，：:").startswith("其中")]
        if marks:
            here = _of_sentence(found, si)
            k = len(found.figures) - len(here)
            previous = []  # the figures of the sentence before (a sentence opening 其中： breaks down its last)
            while k and found.figures[k - 1].sentence == si - 1:
                k -= 1
                previous.insert(0, found.figures[k])
            for n, ci in enumerate(marks):
                before = [f for f in here if f.part < ci] or (previous if ci == 0 else [])
                if not before:
                    continue
                stop = marks[n + 1] if n + 1 < len(marks) else len(parts) + 99
                for f in here:
                    if ci <= f.part < stop:
                        f.sub_of = before[-1].name
        if shared_pcts:
            open_ones = [f for f in _of_sentence(found, si) if f.yoy is None and f.unit not in ("%", "个百分点")]
            if len(open_ones) >= len(shared_pcts):
                for f, pct in zip(open_ones[-len(shared_pcts):], shared_pcts):
                    f.yoy = pct
    # 各项存贷款余额达7338万元和4022万元: the value after 和 names nothing of its own; it is the pair's second
    # (存贷款 -> 存款, 贷款; otherwise the name before)
    for a, b in zip(found.figures, found.figures[1:]):
        if b.name in ("和", "与", "及", "、") and a.sentence == b.sentence:
            if "存贷款" in a.name:
                a.name, b.name = a.name.replace("存贷款", "存款"), a.name.replace("存贷款", "贷款")
            else:
                b.name = a.name
    aims = {si for si, sentence in enumerate(sentences(text)) if _TARGETS.search(sentence)}
    for f in found.figures:
        f.target = f.sentence in aims
    return found


_Q = r"(\d+(?:\.\d+)?)\s*(" + _UNIT_RE + r")"
_LIST_SEP = r"\s*[、和及与]\s*"
_RESPECTIVELY = re.compile(
    r"(?P<subj>[^，；：。]*?)(?:分别|依次)(?:为|是|达到?|实现|完成)?(?P<noun>[^\d，；。]{0,8}?)"
    r"(?P<vals>" + _Q + r"(?:" + _LIST_SEP + _Q + r")+)"
    r"(?:[，,]?(?:同比|比上年)?(?:分别|依次)?(?P<verb>增长|增加|提高|上升|下降|减少|回落)(?P<pcts>-?\d+(?:\.\d+)?%?(?:" + _LIST_SEP + r"-?\d+(?:\.\d+)?%?)+))?")
# Values listed first, their growths after 分别: 城镇和农村居民人均可支配收入29092元、17191元，分别增长3%、6.4%.
_VALUES_RESPECTIVELY = re.compile(
    r"(?P<subj>(?:(?!分别|依次)[^，；：。\d])*?)(?:完成|实现|达到?|为)?(?P<noun>)(?P<vals>" + _Q + r"(?:" + _LIST_SEP + _Q + r")+)"
    r"[，,]?(?:同比|比上年)?(?:分别|依次)(?P<verb>增长|增加|提高|上升|下降|减少|回落)(?P<pcts>-?\d+(?:\.\d+)?%?(?:" + _LIST_SEP + r"-?\d+(?:\.\d+)?%?)+)")
# Growths only, of things listed: 农林牧渔业和工业增加值分别增长3.1%和8.2%.
_GROWTHS_RESPECTIVELY = re.compile(
    r"(?P<subj>[^，；：。\d]*?)(?:同比|比上年)?(?:分别|依次)(?P<verb>增长|增加|提高|上升|下降|减少|回落)"
    r"(?P<pcts>-?\d+(?:\.\d+)?%(?:" + _LIST_SEP + r"-?\d+(?:\.\d+)?%)+)"
    r"(?:[，、,]\s*(?:分别)?(?:达到?|为|完成|实现)(?P<vals>" + _Q + r"(?:" + _LIST_SEP + _Q + r")+))?")
# The noun a list of subjects shares, written once after the last one: 批发业、零售业销售额.
_HEAD_NOUNS = ("人均可支配收入", "可支配收入", "营业收入", "销售额", "营业额", "增加值", "产值", "投资", "收入", "支出", "总额",
               "比重", "产量", "余额", "人数", "面积")


# Nouns that end a whole aggregate's name (地区生产总值, 税收): an item so ended shares no head noun of the list.
_OWN_HEADS = ("总值", "税收", "进出口", "出口", "进口", "利润", "存款", "贷款", "GDP", "消费", "零售额")


def _respectively(sentence: str, si: int, estimate: bool) -> tuple[list[Figure], str]:
    """'批发业、零售业销售额分别为1025.3亿元、168.2亿元，分别增长6.1%和3.9%' -> two figures, each with its
    growth; 城乡居民人均可支配收入分别达到…、… -> 城镇居民… and 农村居民…; values listed before their 分别增长;
    growths alone (A和B分别增长x%和y%) -> A增速, B增速. The text used is taken out."""
    for pattern in (_VALUES_RESPECTIVELY, _RESPECTIVELY, _GROWTHS_RESPECTIVELY):
        m = pattern.search(sentence)
        figures = _listed(m, si, estimate, pattern is _GROWTHS_RESPECTIVELY) if m else []
        if figures:
            return figures, sentence[: m.start()] + sentence[m.end():]
    return [], sentence


def _listed(m: re.Match, si: int, estimate: bool, growths_only: bool) -> list[Figure]:
    pcts = re.findall(r"-?\d+(?:\.\d+)?", m.group("pcts") or "")
    if growths_only and m.group("vals") and len(re.findall(_Q, m.group("vals"))) == len(pcts):
        growths_only = False  # 分别增长9.5%和11%、达36500元和12800元: the values follow their growths
    values = [(p, "%") for p in pcts] if growths_only else re.findall(_Q, m.group("vals"))
    subject = _strip_name(m.group("subj"))
    noun = "" if growths_only else _strip_name(m.groupdict().get("noun") or "")
    if not growths_only and re.fullmatch(r"(?:增长|增加|提高|上升|下降|减少|回落)", noun):
        return []  # 分别增长3%、6.4%: growths, read as such
    items = [i for i in re.split(r"[、和及与]", subject) if i] if "、" in subject else [subject]
    if len(items) != len(values):  # 城镇和农村居民…: two subjects joined by 和
        both = [i for i in re.split(r"[和及与]", subject) if i]
        items = both if len(both) == len(values) else items
    if len(items) == len(values) and len(items) > 1 and noun:
        names = [i + noun for i in items]  # 化工、医药分别实现产值…
    elif len(items) == len(values) and len(items) > 1:
        last = items[-1] + noun
        head = next((h for h in _HEAD_NOUNS if last.endswith(h) and len(last) > len(h)), "")
        # an item with a head noun of its own (规上工业增加值、固定资产投资、社会消费品零售总额) takes none of the last's
        if not head and last.endswith(("增速", "增幅")):  # 规上工业增加值和固定资产投资增速分别为…
            head = last[-2:]
        names = [i + (head if head and (head in ("增速", "增幅") or not i.endswith(_HEAD_NOUNS + _OWN_HEADS)) else "")
                 + (noun if i is not items[-1] else "") for i in items[:-1]] + [last]
        if head and items[0] in ("城镇", "城市") and last.startswith("农村") and last.endswith(head):
            names[0] = items[0] + last[2:-len(head)] + head  # 城镇和农村居民人均可支配收入: 城镇居民…
    elif len(items) == 1 and len(values) == 3 and re.match(r"^(?:三次产业|一二三产业?|一、二、三产业?)", subject):
        rest = re.sub(r"^(?:三次产业|一二三产业?|一、二、三产业?)", "", subject) + noun
        names = [f"第{k}产业{rest}" for k in "一二三"]  # 三次产业增加值分别完成…、…、…
    elif len(values) == 2 and subject.startswith("城乡"):
        names = ["城镇" + subject[2:] + noun, "农村" + subject[2:] + noun]
    else:
        return []
    negative = m.group("verb") in _NEGATIVE if m.group("verb") else False
    figures = []
    for k, ((value, unit), name) in enumerate(zip(values, names)):
        if growths_only:
            value = ("-" + value) if negative and not value.startswith("-") else value
            figures.append(Figure(name + "增速", value, "%", clause=m.group(0), sentence=si, estimate=estimate))
            continue
        fig = Figure(name, value, "%" if unit == "％" else unit, clause=m.group(0), sentence=si, estimate=estimate)
        if len(pcts) == len(values):
            fig.yoy = ("-" + pcts[k]) if negative and not pcts[k].startswith("-") else pcts[k]
        figures.append(fig)
    return figures


_YEAR_AT = r"(?:\d{4}\s*年(?:末|底|初)?的?)?"
# From A to B: 地区生产总值由2010年的45.2亿元增加到2015年的92.9亿元(，年均增长12.6%) -> B, the figure now.
_FROM_TO = re.compile(
    r"(?P<subj>[^，；：。]*?)(?:由|从)" + _YEAR_AT + r"(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>" + _UNIT_RE + r")"
    r"(?:增加|增长|提高|提升|上升|扩大|跃升|下降|减少|降低|缩小|发展|增)?(?:到|至)" + _YEAR_AT +
    r"(?P<b>\d+(?:\.\d+)?)\s*(?P<ub>" + _UNIT_RE + r")(?:[，,]\s*(?P<avg>年均(?:增长|增速|递增)\d+(?:\.\d+)?%))?")


def _from_to(sentence: str, si: int) -> tuple[list[Figure], str]:
    """'财政收入从2010年的3.1亿元增长到2015年的8.2亿元' -> 财政收入 8.2 亿元 (note: 由3.1亿元到8.2亿元): the figure
    is where the change ended, not where it began. The text used is taken out."""
    figures = []
    for m in _FROM_TO.finditer(sentence):
        name = _strip_name(re.sub(r"^.*?[、]", "", m.group("subj")))
        if not name or len(name) < 2:
            continue
        note = f"由{m.group('a')}{m.group('ua')}到{m.group('b')}{m.group('ub')}" + (f"，{m.group('avg')}" if m.group("avg") else "")
        unit = "%" if m.group("ub") == "％" else m.group("ub")
        figures.append(Figure(name, m.group("b"), unit, note=note, clause=m.group(0), sentence=si))
    if not figures:
        return [], sentence
    return figures, _FROM_TO.sub(lambda m: "" if _strip_name(re.sub(r"^.*?[、]", "", m.group("subj"))) else m.group(0), sentence)


def _after_list_mark(sentence: str, part: str) -> bool:
    at = sentence.find(part)
    return at > 0 and sentence[at - 1] == "、"


def _enumeration_tail(sentence: str, part: str) -> str:
    """The rest of a list of nouns that a 、 split off a counted noun: '60项市委' in '60项市委、市政府重点工作，…'
    -> '、市政府重点工作'; empty when the list holds figures of its own."""
    at = sentence.find(part)
    end = at + len(part)
    if at < 0 or sentence[end: end + 1] != "、":
        return ""
    stop = re.search(r"[，；。！？：,;]", sentence[end:])
    tail = sentence[end: end + stop.start()] if stop else sentence[end:]
    return "" if re.search(r"\d", tail) else tail


def _remark(part: str) -> bool:
    return not _QTY.search(part) and part.startswith(("提前", "超额", "超过", "完成全年", "占全年", "居全"))


def strip_remark(part: str) -> str:
    return re.sub(r"考核任务$|任务$", "", part)


def _quoted(text: str, at: int) -> bool:
    return text[:at].count("“") > text[:at].count("”")


def _is_plot(text: str, end: int) -> bool:
    """240亩地块, 1078亩地块招商: a plot's size, not a result."""
    return text[end:end + 2] in ("地块", "区块", "以上", "左右")


def _attributive(text: str, q: Qty) -> bool:
    """超50万元的村, 总投资5亿元的新材料产业园: an amount or size inside a …的 phrase describes a noun (a
    threshold, a project's size); it is no result. A count stays one: 完成3个村的整治提升."""
    if not re.match(r"(?:以上|以下|左右)?的", text[q.end:]):
        return False
    return q.unit not in COUNTERS or bool(_THRESHOLD.search(text[: q.start]))


def _value_text(q: Qty) -> str | None:
    return q.text() if q.qual else None


def _open_bracket(text: str, at: int) -> int:
    """Where the bracket enclosing ``text[at]`` opens, or -1."""
    stack: list[int] = []
    for i, ch in enumerate(text[:at]):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE and stack:
            stack.pop()
    return stack[-1] if stack else -1


def _bracket_name(text: str) -> str:
    """The words before a figure inside a bracket: '其中企业' -> '企业', '、个体工商户' -> '个体工商户'."""
    text = re.split(r"[，；：、,;:]", text)[-1]
    text = re.sub(r"^(?:其中|含|包括|包含|主要是|分别为)", "", text.strip())
    return _strip_name(text)


def _strip_name(text: str) -> str:
    text = text.strip().lstrip("—－-–·• ")  # ——商品房销售面积: a list's dash is no part of the name
    text = re.sub(r"[（(][A-Za-z]{2,8}[)）]", "", text)  # 生产总值（GDP）: an abbreviation in brackets
    # a numbered item's mark left before the name ((一)全县规模以上工业增加值 -> 一）全县…) and a basis of
    # computation (按常住人口计算人均地区生产总值) are no part of the name
    text = re.sub(r"^[（(]?[一二三四五六七八九十]{1,3}[)）]\s*|^按[^，；。\d]{1,10}?计算", "", text)
    for _ in range(4):
        new = _LEAD_FILLER.sub("", text).strip()
        new = _TRAIL_FILLER.sub("", new).strip()
        if new == text:
            break
        text = new
    text = re.sub(r"(?<=总值|收入|总额)总量$", "", text)  # 地区生产总值总量为52.22亿元: the total is the figure itself
    return text.strip("，；：、 （）()")


def _noun_after(text: str) -> str:
    m = _NOUN_STOP.search(text)
    noun = text[: m.start()] if m else text
    return _TRAIL_FILLER.sub("", re.sub(r"(?:任务|工作)$", "", noun)).strip()


def _name(part: str, pos: int, m: Qty, scope: str) -> tuple[str, str | None]:
    """A figure's name from the words before it in its clause or, for a count, the noun after it; and the
    remark of a bracket inside those words before (清理卫生死角（含楼道堆物）1380处 -> 含楼道堆物)."""
    before_raw = part[pos: m.start]
    # (a numbered item's mark, （三）, is no remark)
    remarks = [r for r in re.findall(r"[（(]([^（）()]*)[）)]", before_raw) if not re.fullmatch(r"[一二三四五六七八九十\d]{1,3}", r)]
    before = _strip_name(re.sub(r"[（(][^（）()]*[）)]", "", before_raw))
    nxt = _QTY.search(scope, m.end)
    after_raw = re.split(r"[（(]", scope[m.end: nxt.start() if nxt else len(scope)])[0]
    after = _noun_after(after_raw)
    if m.unit in COUNTERS and len(after) >= 2:
        return after, None  # 新建3个公园, 203套云水湾安置房: the counted noun follows

    if before and _ends_relational(before_raw) and after:
        return (after if len(after) >= 3 else before + after), None
    if not before and after:
        return after, None
    if before and len(before) > 12 and after and len(after) >= 2:
        return after, None
    return before, ("；".join(remarks) or None) if before else None


def _ends_relational(text: str) -> bool:
    return text.rstrip().endswith(("所涉", "涉及", "所欠", "的", "发放", "惠及", "帮助", "带动"))


def _subject(first_clause: str) -> str:
    """The noun a sentence is about: '云水湾二期安置房也已出让完成' -> '云水湾二期安置房'."""
    text = _LEAD_FILLER.sub("", first_clause.strip()[:_LONGEST_SUBJECT])  # the subject opens the clause
    text = re.sub(r"^[^，；]*?\d[^，；]*?的", "", text)  # 总投资5亿元的新材料产业园 -> 新材料产业园
    text = _SUBJECT_VERBS.sub("", text)
    m = re.search(r"\d", text)
    if m:
        text = text[: m.start()]
    return _noun_after(text)


def _with_subject(name: str, subject: str, last: Figure | None) -> str:
    """A bare attribute (占地, 注册资金) or a 2-character name gets the sentence's subject in front."""
    if len(name) <= 2 and last is not None and last.name[:2] != name[:2] and len(last.name) > 2 and \
            re.match(r"^(?:受理|审核|办理|发放|完成|签约|帮扶|服务|走访|检查|处理)", last.name):
        return name + last.name[2:]  # 受理企业634家，审核284家 -> 审核企业
    if not subject or subject == name:
        return name
    for k in range(min(len(subject), len(name)), 1, -1):  # 职工留甬返岗补贴 + 补贴金额 -> …补贴金额
        if subject.endswith(name[:k]):
            return subject + name[k:]
    return subject + name


def _tallies_and_ranks(sentence: str, found: Found) -> None:
    parts = clauses(sentence)
    # each clause's stretch of the sentence, between ； marks: 规上工业增加值11.6亿元，增长7.2%，增速排名全县第三
    starts: list[str] = []
    if "；" in sentence and _RANK_WORD.search(sentence):
        for segment in clauses(sentence, "；。！？"):
            seg_parts = clauses(segment)
            starts += [seg_parts[0]] * len(seg_parts)
    if len(starts) != len(parts):
        starts = [parts[0] if parts else ""] * len(parts)
    tally_at = None
    for ci, part in enumerate(parts):
        t = _TALLY.search(part)
        if t:
            p = _PERIODS.search(sentence[: sentence.find(part) + t.start()])
            found.tallies.append(TallyFound(p.group(1) if p else "", _count(t.group(1)), _count(t.group(3)),
                                            _count(t.group(2)) if t.group(2) else 0, None))
            tally_at = (ci, part[: t.start()])
        for r in _RANK.finditer(part):
            if _quoted(part, r.start()):
                continue
            if not (r.group(1) or r.group(2).rstrip("中") or r.group(3).endswith("名")):
                continue  # an ordinal, no ranking phrase
            scope = r.group(2).rstrip("中")
            if not scope:  # 在全区乡镇街道中取得了来之不易的第一名
                sm = _SCOPE.search(part[: r.start()])
                scope = sm.group(0).rstrip("中") if sm else ""
            rank = scope + r.group(3)
            subject = _rank_subject(part[: r.start()])
            peers = _PEERS.search(subject)
            if peers and not scope:  # 六县市排名第三: the group ranked in is part of the rank
                rank, subject = peers.group(1) + r.group(3), subject[: peers.start()]
            if tally_at is not None and ci > tally_at[0]:
                found.tallies[-1].rank = rank
                subject = _rank_subject(tally_at[1])
            elif (not subject or _NOT_SUBJECT.search(subject)) and ci > 0:
                # 增速排名全市第二 / 比去年同期加快2.2个百分点，六县市排名第三: the ranked one is the figure the
                # sentence opens with (its growth when 增速 is what ranks)
                speed = "增速" if re.search(r"增速|增幅", part[: r.start()]) else ""
                first = max(k for k in range(ci + 1) if parts[k] == starts[ci] or k == 0)
                base = next((parts[k] for k in range(first, ci) if _QTY.search(parts[k]) and not _NOT_SUBJECT.search(
                    re.sub(r"\d+(?:\.\d+)?\s*(?:亿|万)?元.*$", "", parts[k]))), starts[ci])
                subject = re.sub(r"总量$", "", _strip_name(re.sub(r"\d.*$", "", base)) or _rank_subject(_lead_noun(base)))
                if re.search(r"(?:同比)?(?:增长|下降)$", subject):  # 规上工业增加值同比增长7.5%…排名第五: its growth ranks
                    subject, speed = re.sub(r"(?:同比)?(?:增长|下降)$", "", subject), "增速"
                subject = subject + speed if subject else _rank_subject(parts[ci - 1])
            elif subject and len(subject) <= 3 and starts[ci] != part:
                subject = _lead_noun(starts[ci]) + subject
            if subject:
                found.rankings.append(Rank(subject, rank))


def _count(text: str) -> int:
    """12 or 十二 -> 12 (a tally may be written in Chinese numerals: 十二绿五红)."""
    from .structure import cn_number

    text = text.replace("两", "二")
    n = cn_number(text)
    return n if n is not None else int(text)


# What is no subject of a rank: a comparison or a growth (较去年同期回落0.9个百分点, 增速).
_NOT_SUBJECT = re.compile(r"^(?:较|比|与|同比)|\d+(?:\.\d+)?(?:%|个百分点)|^(?:增速|增幅|总量|总额)$")

# A group of peers a rank is taken in, written before 排名 (六县市排名第三, 13个乡镇中排名第二).
_PEERS = re.compile(r"((?:[一二三四五六七八九十\d]+个?)(?:县市区?|县区|区县|市县|县（市、区）|乡镇（?街道）?|镇街|街道|乡镇))中?$")


def _rank_subject(text: str) -> str:
    text = re.sub(r"^(?:今年以来|目前|至今)", "", text.strip())
    text = re.sub(r"^[（(][一二三四五六七八九十\d]{1,3}[)）]\s*", "", text)  # a numbered item's mark
    text = re.sub(r"^根据[^，]{0,20}?结果", "", text)  # 根据地区生产总值统一核算结果, … : the source, no subject
    text = re.sub(r"(?:同比)?(?:增长|下降|增速|增幅)$", "", text)  # …同比增长六县市排名第五: the growth is no name
    text = re.sub(r"^(?:(?:我|本)?(?:街道|镇|乡|社区|村|区|县)?在|辖区)", "", text)  # 街道在全区…考评中位列第二
    text = _SCOPE.sub("", text, count=1) if _SCOPE.match(text) else text
    text = re.sub(r"(?:实现|稳定|居|位居|位列|排名|取得了?|获得?|稳居|的|中)+$", "", text)
    text = re.sub(r"(?:稳定)$", "", text)
    text = re.sub(r"^(?:一季度|二季度|三季度|上半年|1-6月)", "", text) or text
    return text.strip()


def _lead_noun(clause: str) -> str:
    """The noun a stretch of a sentence opens with: '规上工业增加值11.6亿元' -> '规上工业增加值';
    without a figure, the context named ('对标对表全国文明典范城市测评体系标准' -> '全国文明典范城市测评')."""
    if not re.search(r"\d", clause):
        return _context_noun(clause)
    text = re.sub(r"^(?:全年|今年以来|上半年|一季度|1-\d{1,2}月|\d{1,2}-\d{1,2}月)", "", clause.strip())
    return _subject(text)


def _context_noun(clause: str) -> str:
    """'对标对表全国文明典范城市测评体系标准' -> '全国文明典范城市测评'."""
    text = re.sub(r"^(?:对标对表|对照|围绕|按照|根据|对标|聚焦)", "", clause)
    return re.sub(r"(?:体系标准|标准|体系|要求|工作)$", "", text)
