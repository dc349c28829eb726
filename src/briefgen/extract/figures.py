"""Figures in running text: indicators (name, value, unit, growth, estimate), rankings and light tallies.

Works sentence by sentence, clause by clause (see ``structure.clauses``):

    规上工业增加值实现31.3亿元，同比增长9.5%   -> 规上工业增加值 · 31.3 亿元 · yoy 9.5
    地区生产总值85.6亿元，同比下降2.1%        -> … yoy -2.1
    203套云水湾安置房已结算并交房             -> 云水湾安置房 · 203 套 (a count names what follows it)
    执法检查企业家数居全区第一名              -> ranking 执法检查企业家数 · 全区第一名
    亮灯考核实现14绿6红                      -> tally 14 green, 6 red

A ``预计：`` before a list marks every figure of that list as an estimate, also when the list runs on past a
full stop with sentences of the same shape. Figures inside quotes (“最后1公里”), plans (争取/力争 …) and plot
sizes (240亩地块) are not results and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .structure import clauses, sentences

# Longest first, so 万美元 wins over 美元 and 万方 over 方.
UNITS = (
    "万平方米", "平方公里", "万亩", "平方米", "万美元", "亿美元", "万人次", "亿元", "万元", "美元", "万方", "万吨", "公里",
    "亩", "家", "个", "人次", "人", "名", "件", "户", "次", "套", "起", "条", "辆", "项", "所", "宗", "场", "批", "处", "座", "元", "方",
    "吨", "%", "％", "个百分点",
)
# Units that count things: the noun after them names the figure (203套云水湾安置房).
COUNTERS = {"家", "个", "人次", "人", "名", "件", "户", "次", "套", "起", "条", "辆", "项", "所", "宗", "场", "批", "处", "座"}

_NUMBER = r"(?<![\d.\-—~～#Ⅰ-Ⅻa-zA-Z])(\d+(?:\.\d+)?)"
_QTY = re.compile(_NUMBER + r"\s*(" + "|".join(re.escape(u) for u in UNITS) + r")")
_GROWTH = re.compile(
    r"(?:同比|比上年|较上年|比去年同期)?(增长|增加|增幅为?|增速为?|提高|上升|下降|减少|回落|降低)了?(?:约)?"
    r"(-?\d+(?:\.\d+)?)\s*(%|％|个百分点)"
)
_NEGATIVE = ("下降", "减少", "回落", "降低")
_PROGRESS = re.compile(r"(?:完成|达到|占)(?:了)?(?:年度|全年)(?:目标|任务|计划)(?:任务)?的?$")
_FUTURE = ("争取", "力争", "计划", "确保", "拟", "目标", "将")

_LEAD_FILLER = re.compile(
    r"^(?:截至目前|截止目前|截至\S{0,6}底|截至|截止|目前|至今|今年以来|上半年|全年|累计|其中|共|已经|已|预计|辖区内?|"
    r"1-6月|1—6月|\d{1,2}-\d{1,2}月|重点关注|开展|组织|累计发放|发放|开设|登上|新建成|建成|完成了?|实现了?|全年共|共计)"
)
_TRAIL_FILLER = re.compile(r"(?:实现了?|完成了?|已完成|达到?了?|为|共计?|累计|(?<!签)约|超过?|近|突破|均为|合计|也已|已|的|居|位居|排名)$")
_NOUN_STOP = re.compile(r"(?:已|正|将|可|也|均|定期|顺利|成功|并|被|需|待|在|于|参加|提供|获批|完成|实现)")
_SUBJECT_VERBS = re.compile(
    r"^(?:强势|大力|全力|积极|持续|稳妥|深入|扎实|加快)?(?:推进|推动|办理|协调|开展|落实|完成|加强|加大|关注|发放|开设|启动|实施|组织|做好)"
)
# Attribute names that need their subject: 占地76亩 -> 云水湾二期安置房占地.
_ATTRIBUTES = ("占地", "计容建面", "建筑面积", "总投资", "注册资金", "补贴金额", "金额", "面积", "投资额", "总面积", "拆除", "资金")

_RANK = re.compile(
    r"(?:居|位居|位列|排名|排在|列|取得了?|获得?|稳居)?(?:[^，；。]{0,8}?的)?"
    r"((?:全国|全省|全市|全区|全县|全镇)?(?:乡镇街道|乡镇（街道）|街道)?中?)"
    r"(第[一二三四五六七八九十\d]+名?|前[一二三四五六七八九十\d]+名?)"
)
_SCOPE = re.compile(r"(?:全国|全省|全市|全区|全县)(?:乡镇街道|乡镇（街道）|街道|乡镇)?")
_TALLY = re.compile(r"(\d+)\s*绿\s*(?:(\d+)\s*黄\s*)?(\d+)\s*红")
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
    sentence: int = 0
    opening: str = ""  # the sentence's first clause, when the figure is in a later one  # index of the sentence within the text searched

    def as_dict(self, with_note: bool = True) -> dict:
        d: dict = {"name": self.name, "value": _num(self.value), "unit": self.unit}
        if self.yoy is not None:
            d["yoy"] = _num(self.yoy)
        if self.progress is not None:
            d["progress"] = _num(self.progress)
        if self.estimate:
            d["estimate"] = True
        if with_note and self.note:
            d["note"] = self.note
        return d


def _num(text: str) -> int | float:
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


def find_figures(text: str) -> Found:
    """All figures, rankings and tallies of one stretch of report text."""
    found = Found()
    estimate_list = False  # inside a 预计： list
    for si, sentence in enumerate(sentences(text)):
        if "预计：" in sentence or "预计:" in sentence:
            estimate_list = True
        elif estimate_list and not re.match(r"^[^，；。]{2,20}(?:实现|完成|达到?)\d", sentence):
            estimate_list = False
        _tallies_and_ranks(sentence, found)
        last: Figure | None = None
        parts = clauses(sentence)
        subject = _subject(parts[0]) if parts else ""
        in_list = False
        for ci, part in enumerate(parts):
            if part.startswith(("预计", "1-6月预计")):
                in_list = True
            g = _GROWTH.search(part)
            future = part.startswith(_FUTURE) or any(w in part[:4] for w in ("争取", "力争"))
            if "预计" in part and ("：" in sentence or ":" in sentence):
                in_list = True
            pos = 0
            before_growth = part[: g.start()] if g else part
            for m in _QTY.finditer(before_growth):
                if _is_plot(part, m.end()):
                    continue  # 50万元以上的村: part of the next figure's name
                if future or _quoted(part, m.start()) or m.group(2) in ("%", "％", "个百分点") and g:
                    pos = m.end()
                    continue
                if m.group(2) in ("%", "％") and last is not None and last.sentence == si and last.progress is None \
                        and _PROGRESS.search(part[: m.start()]):
                    last.progress = m.group(1)  # 实际利用外资1860万美元，完成年度目标的62%
                    pos = m.end()
                    continue
                if _TALLY.search(part):
                    break
                name = _name(part, pos, m, before_growth)
                pos = m.end()
                if not name:
                    continue
                if name in _ATTRIBUTES or len(name) <= 2:
                    name = _with_subject(name, subject, last)
                unit = "%" if m.group(2) == "％" else m.group(2)
                fig = Figure(name, m.group(1), unit, estimate=estimate_list or in_list or "预计" in part[: m.start()],
                             clause=part, sentence=si, opening=parts[0] if ci else "")
                found.figures.append(fig)
                last = fig
            if g and not future:
                pct = g.group(2)
                if g.group(1) in _NEGATIVE and not pct.startswith("-"):
                    pct = "-" + pct
                own = [f for f in found.figures if f.clause == part and f.sentence == si]
                target = own[-1] if own else (last if last is not None and last.yoy is None and last.sentence == si else None)
                if target is not None and target.yoy is None and g.group(3) != "个百分点":
                    target.yoy = pct
                elif target is None:
                    name = _strip_name(part[: g.start()])
                    if name and len(name) >= 2:
                        fig = Figure(name + ("增速" if not name.endswith(("增速", "增幅")) else ""), pct,
                                     "个百分点" if g.group(3) == "个百分点" else "%",
                                     estimate=estimate_list or in_list, clause=part, sentence=si)
                        found.figures.append(fig)
                        last = fig
            elif last is not None and last.sentence == si and last.note is None and ci > 0 and _remark(part):
                last.note = strip_remark(part)
    return found


def _remark(part: str) -> bool:
    return not _QTY.search(part) and part.startswith(("提前", "超额", "超过", "完成全年", "占全年", "居全"))


def strip_remark(part: str) -> str:
    return re.sub(r"考核任务$|任务$", "", part)


def _quoted(text: str, at: int) -> bool:
    return text[:at].count("“") > text[:at].count("”")


def _is_plot(text: str, end: int) -> bool:
    """240亩地块, 1078亩地块招商: a plot's size, not a result."""
    return text[end:end + 2] in ("地块", "区块", "以上", "左右")


def _strip_name(text: str) -> str:
    text = text.strip()
    for _ in range(4):
        new = _LEAD_FILLER.sub("", text).strip()
        new = _TRAIL_FILLER.sub("", new).strip()
        if new == text:
            break
        text = new
    return text.strip("，；：、 ")


def _noun_after(text: str) -> str:
    m = _NOUN_STOP.search(text)
    noun = text[: m.start()] if m else text
    return _TRAIL_FILLER.sub("", re.sub(r"(?:任务|工作)$", "", noun)).strip()


def _name(part: str, pos: int, m: re.Match, scope: str) -> str:
    before = _strip_name(part[pos: m.start()])
    nxt = _QTY.search(scope, m.end())
    after_raw = scope[m.end(): nxt.start() if nxt else len(scope)]
    after = _noun_after(after_raw)
    unit = m.group(2)
    if unit in COUNTERS and len(after) >= 2:
        return after  # 新建3个公园, 203套云水湾安置房: the counted noun follows

    if before and _ends_relational(part[pos: m.start()]) and after:
        return after if len(after) >= 3 else before + after
    if not before and after:
        return after
    if before and len(before) > 12 and after and len(after) >= 2:
        return after
    return before


def _ends_relational(text: str) -> bool:
    return text.rstrip().endswith(("所涉", "涉及", "所欠", "的", "发放", "惠及", "帮助", "带动"))


def _subject(first_clause: str) -> str:
    """The noun a sentence is about: '云水湾二期安置房也已出让完成' -> '云水湾二期安置房'."""
    text = _LEAD_FILLER.sub("", first_clause.strip())
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
    tally_at = None
    for ci, part in enumerate(parts):
        t = _TALLY.search(part)
        if t:
            p = _PERIODS.search(sentence[: sentence.find(part) + t.start()])
            found.tallies.append(TallyFound(p.group(1) if p else "", int(t.group(1)), int(t.group(3)), int(t.group(2) or 0), None))
            tally_at = (ci, part[: t.start()])
        for r in _RANK.finditer(part):
            if _quoted(part, r.start()):
                continue
            scope = r.group(1).rstrip("中")
            if not scope:  # 在全区乡镇街道中取得了来之不易的第一名
                sm = _SCOPE.search(part[: r.start()])
                scope = sm.group(0).rstrip("中") if sm else ""
            rank = scope + r.group(2)
            subject = _rank_subject(part[: r.start()])
            if tally_at is not None and ci > tally_at[0]:
                found.tallies[-1].rank = rank
                subject = _rank_subject(tally_at[1])
            elif not subject and ci > 0:
                subject = _rank_subject(parts[ci - 1])
            if subject and len(subject) <= 3 and parts[0] != part:
                subject = _context_noun(parts[0]) + subject
            if subject:
                found.rankings.append(Rank(subject, rank))


def _rank_subject(text: str) -> str:
    text = re.sub(r"^(?:在|辖区|今年以来|目前|至今)", "", text.strip())
    text = _SCOPE.sub("", text, count=1) if _SCOPE.match(text) else text
    text = re.sub(r"(?:实现|稳定|居|位居|位列|排名|取得了?|获得?|稳居|的|中)+$", "", text)
    text = re.sub(r"(?:稳定)$", "", text)
    text = re.sub(r"^(?:一季度|二季度|三季度|上半年|1-6月)", "", text) or text
    return text.strip()


def _context_noun(clause: str) -> str:
    """'对标对表全国文明典范城市测评体系标准' -> '全国文明典范城市测评'."""
    text = re.sub(r"^(?:对标对表|对照|围绕|按照|根据|对标|聚焦)", "", clause)
    return re.sub(r"(?:体系标准|标准|体系|要求|工作)$", "", text)
