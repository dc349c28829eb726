"""A work report as staff have it (.txt, .docx or a .pdf with text, often damaged) -> a draft data file in the model's shape.

    result = extract(Path("report.txt"))
    result.data        # plain dict that validates (owners and deadlines are placeholders: 待定 / 年内)
    result.findings    # a short human report: what was found, what is uncertain
    result.uncertain   # field paths such as "plan.sections[1].tasks[2].lead"
    to_yaml(result)    # readable YAML draft, uncertain values marked "# 待核实: reason"

Steps: read (``read_text``) -> clean (``clean.clean_text``) -> structure (``structure``) -> figures (``figures``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import messages as M
from ..errors import DataError, Location, Problem
from ..i18n import Message
from .clean import CleanResult, clean_text
from .figures import Found, find_figures
from .headline import names_core, reason as headline_reason
from .meta import (
    CRUMBS,
    PLACEHOLDER,
    _PLAN_DOCUMENT,
    _closing_line,
    _compose_title,
    _date_in,
    _date_line,
    _done_plan_part,
    _front_line,
    _signature_line,
    _title_index,
    _year_named_most,
)
from .read import STDIN, decode_text, read_text
from .tables import find_tables
from ..model.values import split_units
from .tasks import _BRACKETED, _UNIT_END, _verb_bracket, find_tasks, parse_labels, split_title
from .structure import (
    cn_number,
    Line,
    find_deadline,
    header_fields,
    opens_plan,
    part_kind,
    split_points,
    split_sections,
    split_glued_heading,
    split_tasks,
    strip_end,
)

__all__ = ["ExtractResult", "extract", "extract_input", "extract_text", "read_text", "decode_text", "to_yaml",
           "PLACEHOLDER", "clean_text"]

OPENING_SECTION = "总体情况"
GOALS_SECTION = "主要预期目标"  # the plan's section of the year's goals (地区生产总值增长8.5%)  # the title of the section that keeps the opening's figures other than headline ones
DEFAULT_DUE = "年内"


@dataclass
class ExtractResult:
    data: dict
    summary: list[Message]  # the findings' lines before the uncertain fields
    uncertain: list[str] = field(default_factory=list)
    reasons: dict[str, Message] = field(default_factory=dict)  # field path -> why it is uncertain
    cleaning: CleanResult | None = None
    source: str = ""
    headline: list[tuple] = field(default_factory=list)  # per part: (place, title, to the headline list, {why: n}, kept)

    @property
    def findings(self) -> str:
        """What was found (figures, sections, tasks), what is uncertain, and which parts gave nothing: worded in
        the current language, with the reasons of the uncertain fields other than each task's lead and due."""
        lines = [str(line) for line in self.summary]
        lines += [f"  {M.finding_field(path=path, why=why)}" for path, why in self.reasons.items()
                  if not re.search(r"tasks\[\d+\]\.(lead|due)$", path)]
        return "\n".join(lines)

    @property
    def report(self) -> str:
        """The findings (the older name)."""
        return self.findings

    @property
    def headline_report(self) -> str:
        """Per part of the report, how many figures went to the headline list and why, how many stayed with it
        (``briefgen extract --report``)."""
        lines = [str(M.report_headline(n=sum(h[2] for h in self.headline)))]
        whys = {"growth": M.report_why_growth, "aggregate": M.report_why_aggregate, "table": M.report_why_table,
                "only": M.report_why_only}
        for place, title, n, why, kept in self.headline:
            part = {"table": M.report_part_table(), "opening": M.report_part_opening(),
                    "head": M.report_part_head(title=title[:20]), "section": M.report_part_section(title=title[:20]),
                    "chapter": M.report_part_section(title=title[:20])}[place]
            reasons = [whys[k](n=v) for k, v in why.items() if v] or [M.report_why_none()]
            lines.append(f"  {M.report_part(part=part, headline=n, why=reasons, kept=kept)}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- extraction

def extract(path: Path | str, keep_script: bool = False) -> ExtractResult:
    """Read, clean and take apart one report file, or standard input for ``-`` (see the module docstring)."""
    source = "<stdin>" if str(path) == STDIN else str(path)
    return extract_text(read_text(path), source=source, keep_script=keep_script)


extract_input = extract  # the name the CLI may use: a path, or "-" for standard input


def extract_text(text: str, source: str = "<text>", keep_script: bool = False) -> ExtractResult:
    from .. import limits
    from ..errors import DataError, Location, Problem

    if len(text) > limits.MAX_REPORT_CHARS:  # taking apart is linear, but seconds per 100,000 characters
        raise DataError([Problem(Location(source), "", M.report_too_long(n=f"{len(text):,}", limit=f"{limits.MAX_REPORT_CHARS:,}"))])
    cleaned = clean_text(text)
    result = _Extractor(cleaned, source).run()
    if keep_script:
        # The report is taken apart in Simplified (the patterns are written in it); each string of the
        # result is then put back into the input's own script: cut from the same place of the text
        # cleaned without conversion, or, for strings composed here (a name plus 增速), converted.
        original = clean_text(text, keep_script=True)
        result.data = _back_to_script(result.data, cleaned.text, original.text)
        result.cleaning = original
    return result


def _back_to_script(value, simplified: str, original: str):
    if isinstance(value, dict):
        # deadlines stay as values.parse_due reads them (年内, not 年內)
        return {k: v if k in ("due", "due_text") else _back_to_script(v, simplified, original) for k, v in value.items()}
    if isinstance(value, list):
        return [_back_to_script(v, simplified, original) for v in value]
    if not isinstance(value, str) or not re.search(r"[\u4e00-\u9fff]", value):
        return value
    if len(simplified) == len(original):
        at = simplified.find(value)
        if at >= 0:
            return original[at: at + len(value)]
    from .clean import to_traditional

    return to_traditional(value)


class _Extractor:
    def __init__(self, cleaned: CleanResult, source: str):
        self.cleaned = cleaned
        self.source = source
        self.reasons: dict[str, Message] = {}
        self.notes: list[Message] = []
        raw_lines = cleaned.text.split("\n")
        self.lines = []
        for i, t in enumerate(raw_lines):
            if not t.strip():
                continue
            glued = split_glued_heading(t.strip())  # 二、2023年工作打算一是… -> the heading, its first sentence
            self.lines += [Line(p, i + 1) for p in glued] if glued else [Line(t.strip(), i + 1)]

    def unsure(self, path: str, reason: Message) -> None:
        self.reasons.setdefault(path, reason)

    def run(self) -> ExtractResult:
        meta_fields, header_lines = header_fields(self.lines)
        first = {id(l) for l in self.lines[:8]}  # a site's breadcrumbs among the first lines go
        body = [l for l in self.lines if l.number not in header_lines and not (id(l) in first and CRUMBS.search(l.text))]
        # Tables and task lists first: they take their lines out of the running text.
        task_groups, task_lines = find_tasks(body)
        table_figures, table_lines = find_tables(body)
        body = [l for l in body if l.number not in task_lines | table_lines]
        title_at = _title_index(body)
        title_line = body[title_at] if title_at is not None else None
        front = body[: title_at + 1] if title_at is not None else []
        rest = body[title_at + 1:] if title_at is not None else body

        # the parts: review (also text before any part heading), plan, problems (left out)
        review_lines: list[Line] = []
        plan_lines: list[Line] = []
        review_heading = plan_heading = ""
        kind = None
        closing: list[Line] = []
        kinds = [part_kind(line.text) for line in rest]
        for i, k in enumerate(kinds):
            if k == "plan" and _done_plan_part(rest, kinds, i):
                kinds[i] = "review"
        if title_line is not None and _PLAN_DOCUMENT.search(title_line.text) and "review" not in kinds \
                and not re.search(r"总结|回顾|情况|报告|通报|分析|简报", title_line.text.replace("政府工作报告", "")):
            kind = "plan"  # a document that is a plan as a whole (…任务分解方案, …工作要点): its sections are the plan's
        review_heads: list[Line] = []
        for line, k in zip(rest, kinds):
            if k is None and kind != "plan" and opens_plan(line.text):
                kind = "plan"
                plan_heading = plan_heading or ""
                plan_lines.append(line)
                continue
            if k is not None:
                kind = k
                if k == "review":
                    review_heads.append(line)
                if k == "review" and not review_heading:
                    review_heading = line.text
                elif k == "plan" and not plan_heading:
                    plan_heading = line.text
                continue
            if _front_line(line.text) and not review_lines and not plan_lines:
                front.append(line)
                continue
            if _closing_line(line.text) or _signature_line(line.text):
                closing.append(line)
                continue
            if kind == "plan":
                plan_lines.append(line)
            elif kind != "problems":
                review_lines.append(line)

        cn_mark = re.compile(r"^([一二三四五六七八九十]+)、")
        head_mark = cn_mark.match(review_heads[0].text) if review_heads else None
        next_mark = next((m for m in (cn_mark.match(l.text) for l in review_lines if l.number > review_heads[0].number) if m),
                         None) if head_mark else None
        if head_mark and next_mark and cn_number(next_mark.group(1)) == cn_number(head_mark.group(1)) + 1:
            # 一、经济运行情况 … 二、项目建设情况: the review part's heading is its first section, not a heading above them
            review_lines = sorted(review_lines + review_heads, key=lambda l: l.number)
        meta = self.meta(meta_fields, title_line, front, closing, review_heading, plan_heading, review_lines)
        self.report_date = meta["date"]
        self.report_period = meta["period"]
        self.task_document = bool(task_groups)
        review, indicators, tally, rankings = self.review(review_lines, review_heading, table_figures)
        m = re.search(r"(\d{4})年", plan_heading)
        plan_year = int(m.group(1)) if m else meta.get("year")
        plan = self.plan(plan_lines, plan_heading, plan_year, year_prefix=plan_year != meta.get("year"))
        departments: list[str] = []
        if task_groups:
            plan["sections"] += self.task_sections(task_groups, meta.get("year"), len(plan["sections"]), departments)
        n_figures = len(indicators) + sum(len(s["results"]) for s in review["sections"])
        n_tasks = sum(len(s["tasks"]) for s in plan["sections"])
        if not n_figures and not n_tasks and not tally and not rankings and not review["sections"] and not plan["sections"]:
            # a plan of paragraphs that no other shape reads (no numbers, no 一是, headings not alike): rather than
            # nothing, each paragraph is a task named by its first sentence, owners and deadlines to fill in
            paragraphs = [l.text for l in plan_lines if len(l.text) >= 15 and re.search(r"[。；]", l.text)]
            if len(paragraphs) >= 2:
                tasks = []
                for ti, text in enumerate(paragraphs):
                    title, detail = split_title(text)
                    tasks.append({"title": title or strip_end(text), "detail": detail, "lead": PLACEHOLDER,
                                  "support": [], "due": DEFAULT_DUE})
                    self.unsure(f"plan.sections[1].tasks[{ti + 1}].lead", M.why_no_lead())
                    self.unsure(f"plan.sections[1].tasks[{ti + 1}].due", M.why_no_due())
                plan["sections"] = [{"title": strip_end(plan_heading) or "重点工作", "intro": "", "tasks": tasks}]
                self.reasons.pop("plan.sections", None)
                n_tasks = len(tasks)
        if not n_figures and not n_tasks and not tally and not rankings and not review["sections"] and not plan["sections"]:
            raise DataError([Problem(Location(self.source), "", M.extract_nothing())])
        data: dict = {"report": meta}
        data["indicators"] = indicators
        if tally:
            data["tally"] = tally
        data["rankings"] = rankings
        data["review"] = review
        data["plan"] = plan
        if departments:
            data["departments"] = [{"name": d} for d in departments]
            self.unsure("departments", M.why_departments_listed())
        else:
            data["departments"] = [{"name": PLACEHOLDER}]
            self.unsure("departments", M.why_no_departments())
        uncertain = list(self.reasons)
        return ExtractResult(data, self.findings(data), uncertain, dict(self.reasons), self.cleaned, self.source,
                             list(getattr(self, "headline", [])))

    # ----------------------------------------------------------------- task documents
    def task_sections(self, groups, year, offset: int, departments: list[str]) -> list[dict]:
        sections = []
        for gi, group in enumerate(groups):
            tasks = []
            for ti, item in enumerate(group.items):
                where = f"plan.sections[{offset + gi + 1}].tasks[{ti + 1}]"
                title, detail = split_title(item.text)
                due_text = item.due_text or find_deadline(item.text)
                due = _normal_due(due_text) if due_text else DEFAULT_DUE
                if not due_text:
                    self.unsure(f"{where}.due", M.why_list_no_due())
                elif not item.due_text:
                    self.unsure(f"{where}.due", M.why_due_from_text(due=due_text))
                try:
                    from ..model.values import parse_due

                    parse_due(due, year)
                except ValueError:
                    self.unsure(f"{where}.due", M.why_due_unread(due=due_text))
                    due = DEFAULT_DUE
                lead = item.lead
                if lead is None:
                    lead = PLACEHOLDER
                    self.unsure(f"{where}.lead", M.why_list_no_lead())
                elif not item.units.get("lead"):
                    self.unsure(f"{where}.lead", M.why_first_unit_leads())
                elif len(item.units["lead"]) > 1:  # 牵头单位：A、B (the model keeps one lead a task)
                    self.unsure(f"{where}.lead", M.why_co_leads(others="、".join(item.units["lead"][1:])))
                for unit in [lead] + item.support:
                    if unit not in departments and unit != PLACEHOLDER:
                        departments.append(unit)
                tasks.append({"title": title or strip_end(item.text), "detail": detail, "lead": lead,
                              "support": item.support, "due": due})
            sections.append({"title": group.title or "重点工作任务", "intro": "", "tasks": tasks})
        return sections

    # ----------------------------------------------------------------- metadata
    def meta(self, fields: dict, title_line: Line | None, front: list[Line], closing: list[Line],
             review_heading: str, plan_heading: str, review_lines: list[Line]) -> dict:
        out: dict = {}
        issuer = fields.get("issuer", ("", 0))[0]
        title = strip_end(title_line.text) if title_line is not None else ""
        title = re.sub(r"^(?:标\s*题|题\s*目|名\s*称)\s*[：:]\s*", "", title)
        when = None
        if "date" in fields:
            when = _date_in(fields["date"][0])
        if when is None:  # a date line: under the title in brackets, on a line of its own, or the signature's
            for line in front + closing:
                if _date_line(line.text):
                    when = _date_in(line.text)
                    if when:
                        break
        if when is None:  # 发布时间：2024-07-20, ——2024年1月18日在…会议上
            for line in self.lines[:12] + self.lines[-4:]:
                if re.match(r"^\s*(?:——|—|-{2})?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在", line.text) or \
                        re.match(r"^\s*(?:发布|成文|印发|发文)(?:时间|日期)\s*[：:]", line.text) or _date_line(line.text):
                    when = _date_in(line.text)
                    if when:
                        break
        if when is None and "published" in fields:
            when = _date_in(fields["published"][0])
        if when is None:  # a signature dated by month only: 2024年4月
            for line in closing + front + self.lines[-3:]:
                m = re.fullmatch(r"\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*", line.text)
                if m and 1 <= int(m.group(2)) <= 12:
                    when = date(int(m.group(1)), int(m.group(2)), 1)
                    self.unsure("report.date", M.why_month_only())
                    break
        if not issuer:
            signed = ""
            for line in closing + front:
                m = re.fullmatch(r"([^，。：:《》“”]{2,16}(?:街道办事处|人民政府办公室|人民政府|办事处|街道|镇|乡|局|办公室))", line.text.strip())
                if m and not _date_in(line.text):
                    signed = m.group(1)
                    break
            m = re.match(r"(?:关于)?([^《》“”，]{1,12}?(?:街道|镇|乡|区|县|市)(?:人民政府|办事处)?)(?:\d{4}|关于)", title)
            # the title's own issuer (某街道2023年…) before the signature; a notice (关于印发…) is signed
            issuer = (m.group(1) if m and not title.startswith("关于") else "") or signed or (m.group(1) if m else "")
            gov = re.match(r"^\d{4}\s*年\s*([^《》“”，]{2,10}?(?:县|区|市|镇|乡))(?:人民)?政府工作报告", title)
            if not issuer and gov:  # 2024年某县政府工作报告
                issuer = gov.group(1) + "人民政府"
            unit = re.match(r"^(?:[^《》]*《)?([^《》“”，、\d〔〕]{2,24}?(?:局|委员会|委|办公室|办公厅|办事处|中心|管委会|人民政府))关于", title)
            if not issuer and unit:  # 某区统计局关于2021年全区经济运行情况的报告
                issuer = unit.group(1)
            session = next((re.search(r"在([^，。《》“”\d]{1,12}?(?:县|区|市|镇|乡))(?:第[一二三四五六七八九十]+届)?人民代表大会", l.text)
                            for l in self.lines[:12] if "人民代表大会" in l.text), None)
            if not issuer and session and re.search(r"政府工作报告", title):  # ——…在某县第十八届人民代表大会…上
                issuer = session.group(1) + "人民政府"
        source = fields.get("source", ("", 0))[0].strip()
        if issuer == PLACEHOLDER or not issuer:
            if re.fullmatch(r"[^，。：:\s]{2,24}(?:街道办事处|人民政府办公室|人民政府|办事处|街道|镇|乡|局|委员会|委|办公室|管委会|中心)", source):
                issuer = source  # 来源：某区统计局 (a unit, not a newspaper)
        if not title:
            stem = Path(self.source).stem
            # a file name is a title only when it reads like one: a year and the kind of report
            if re.search(r"\d{4}\s*年", stem) and re.search(r"(总结|思路|计划|报告|情况|分析|通报|方案|清单)", stem):
                title = stem
                self.unsure("report.title", M.why_title_from_file())
            else:
                title = _compose_title(issuer, review_heading, plan_heading)
                self.unsure("report.title", M.why_title_composed())
        if issuer and _GENERIC_UNIT.fullmatch(issuer):
            issuer = ""  # 乡镇, 街道 (a page's category in the title): no one's name
        if not issuer:  # 在县委、县政府的坚强领导下，某街道深入贯彻…: the unit the text's opening speaks of
            issuer = _opening_subject("\n".join(l.text for l in review_lines[:4]))
        if not issuer:
            issuer = PLACEHOLDER
            self.unsure("report.issuer", M.why_no_issuer())
        year, why = self._year(title, review_heading, review_lines, when)
        if year is None:
            year = when.year if when else date.today().year
            self.unsure("report.year", why)
        elif why:
            self.unsure("report.year", why)
        if when is None:
            when = date(year, 12, 31)
            self.unsure("report.date", M.why_no_date())
        out["title"] = title
        out["issuer"] = issuer
        out["date"] = when
        out["period"] = self.period(year, review_heading, title)
        out["year"] = year
        if "index_no" in fields:
            out["index_no"] = fields["index_no"][0]
        if "doc_no" in fields:
            out["doc_no"] = fields["doc_no"][0]
        if "category" in fields:
            out["category"] = fields["category"][0]
        return out

    def _year(self, title: str, review_heading: str, review_lines: list[Line], when) -> tuple[int | None, Message | None]:
        """The report's year, and a reason when it is a guess. In order: a 政府工作报告's title (the session's
        year), the review's heading (2023年工作回顾), the title, the first year that opens the review text
        (2022年1-9月，…), the date's, the year the text names most."""
        title_year = re.search(r"(\d{4})\s*年", title)
        gov_report = bool(re.search(r"政府工作报告(?:[（(][^）)]*[）)])?$", title))
        if title_year and gov_report:  # the session's year (2024年某县政府工作报告 reviews 2023 and plans 2024)
            return int(title_year.group(1)), None
        if gov_report and when is not None:  # 政府工作报告 / ——2024年1月10日在…人民代表大会…上: the session's day
            return when.year, None
        m = re.search(r"(\d{4})年", review_heading)
        if m:
            return int(m.group(1)), None
        if title_year:
            return int(title_year.group(1)), None
        for line in review_lines[:6]:
            m = re.match(r"^(?:[（(]?[一二三四五六七八九十\d]+[、）).．]\s*)?(?:截至|截止|今年|全年)?(\d{4})\s*年", line.text) or \
                re.search(r"(\d{4})\s*年(?:\d{1,2}\s*[-—～~至]\s*\d{1,2}月|上半年|前三季度|一季度|全年|以来)", line.text)
            if m:
                return int(m.group(1)), None
        named = _year_named_most("\n".join(l.text for l in review_lines), when) or _year_named_most(self.cleaned.text, when)
        if named is not None:
            return named, M.why_year_from_text(year=named)
        said = _year_said(self.cleaned.text)
        if said is not None:  # 今年是全面贯彻落实党的二十大精神的开局之年 (a text that writes no year)
            return said[0], M.why_year_from_phrase(year=said[0], phrase=said[1])
        if when is not None:
            return when.year, M.why_year_from_date()
        return None, M.why_no_year()

    def period(self, year: int, review_heading: str, title: str = "") -> str:
        text = self.cleaned.text
        months = r"(?<!\d)(\d{1,2})\s*[-—～~至]\s*(\d{1,2})月"
        # the period is the report's own, not one it compares with (比1-8月, 较1-5月)
        m = re.search(months, title) or next((x for x in re.finditer(months, text)
                                               if not re.search(r"(?:比|较|与|同)$", text[max(0, x.start() - 2): x.start()])), None)
        if m and int(m.group(1)) == 1 and int(m.group(2)) <= 12:
            return f"{year}年{int(m.group(1))}—{int(m.group(2))}月"
        where = review_heading + title
        if "上半年" in where:
            return f"{year}年1—6月"
        if "前三季度" in where:
            return f"{year}年1—9月"
        if "一季度" in where:
            return f"{year}年1—3月"
        self_year = re.search(r"(\d{4})年", review_heading)
        if self_year:
            return f"{self_year.group(1)}年"
        if not re.search(r"年度|全年|\d{4}年工作|年终", where):
            self.unsure("report.period", M.why_no_period())
        return f"{year}年"

    # ----------------------------------------------------------------- review
    def review(self, lines: list[Line], heading: str, table_figures: list[dict] | None = None):
        intro, blocks, _ = split_sections(lines)
        if not blocks and any(re.match(r"^一、", l.text) for l in lines[1:]):
            intro, blocks, _ = split_sections(lines, min_marks=1)  # an opening, then a review of one part (一、…)
        sections = []
        per_section: list[Found] = []
        # figures before the first section: an opening paragraph or an indicator block (主要指标完成情况：…)
        intro_found = find_figures(intro) if intro.strip() else Found()
        for block in blocks:
            s_intro, points = split_points(block.body)
            # a numbered line whose first sentence is a figure ((三)全县社会消费品零售总额24.22亿元，同比增长7.4%。):
            # the heading's figures are read with the body's
            found = find_figures(block.heading + "。" + block.body) if _FIGURE_IN_HEADING.search(block.heading) \
                else find_figures(block.body)
            per_section.append(found)
            sections.append({
                "title": block.heading,
                "intro": s_intro,
                "points": [{"title": p.title, "text": p.text} for p in points],
            })
        if lines and not blocks:
            self.notes.append(M.note_review_no_sections())
            self.unsure("review.sections", M.why_review_no_sections())
        # headline indicators: a table, the opening figures, and the section with the most growth figures
        # (usually the first, on the economy) unless the opening already gave the growth figures
        # (a statistics bulletin's 一、综合 with the GDP before 二、农业 with many growth figures of crops): the
        # section naming the most core aggregates first, then the one with the most growth figures
        def core(found: Found) -> int:
            return sum(1 for f in found.figures if names_core(re.sub(r"(?:增速|增幅)$", "", f.name)))

        # (between parts naming as many core aggregates, the first: a bulletin's 综合 before its 财政金融)
        head = max(range(len(per_section)), key=lambda i: (core(per_section[i]), 0 if core(per_section[i]) else sum(
            1 for f in per_section[i].figures if f.yoy is not None), -i)) if per_section else None
        if head is not None and not any(f.yoy is not None for f in per_section[head].figures):
            head = 0
        if any(f.yoy is not None for f in intro_found.figures) and head is not None and \
                sum(1 for f in intro_found.figures if f.yoy is not None) >= sum(1 for f in per_section[head].figures if f.yoy is not None):
            head = None
        # the headline list: the table, then the figures a one-page summary shows (headline.reason); the opening's
        # other figures make a section of their own (总体情况), each section's stay with it
        indicators: list[dict] = list(table_figures or [])
        self.headline = [("table", "", len(indicators), {"table": len(indicators)} if indicators else {}, 0)] if indicators else []
        opening_rest = self._pick(intro_found.figures, "opening", "", indicators)
        rankings: list[dict] = [{"subject": r.subject, "rank": r.rank} for r in intro_found.rankings]
        tally = None
        if intro_found.tallies:
            per_section.insert(0, Found(tallies=intro_found.tallies))
            sections.insert(0, None)
        for i, (section, found) in enumerate(zip(sections, per_section)):
            if section is None:
                pass
            else:
                place = "head" if i - (sections[0] is None) == head else \
                    "chapter" if _CHAPTER.fullmatch(re.sub(r"\s", "", section["title"])) else "section"
                section["results"] = self._pick(found.figures, place, section["title"], indicators)
            for r in found.rankings:
                rankings.append({"subject": r.subject, "rank": r.rank, "section": i + 1 - (sections[0] is None)})
            if found.tallies and tally is None:
                t = found.tallies[0]
                tally = {"period": t.period or "", "green": t.green, "red": t.red}
                if t.yellow:
                    tally["yellow"] = t.yellow
                if t.rank:
                    tally["rank"] = t.rank
                if not t.period:
                    tally["period"] = self.report_period
                    self.unsure("tally.period", M.why_tally_period())
        if sections and sections[0] is None:
            sections.pop(0)
            per_section.pop(0)
        self.empty_sections = [i for i, (section, found) in enumerate(zip(sections, per_section))
                               if not found.figures and not found.rankings and not found.tallies and not section["points"]]
        for section in sections:
            section.setdefault("results", [])
        if opening_rest and len(indicators) == len(table_figures or []) and not any(s["results"] for s in sections) \
                and not getattr(self, "task_document", False):
            # a report whose only figures are its opening's, none an aggregate (a community's brief): they are its
            # headline figures
            # headline figures (goals set for the year stay in the opening's section)
            only = [f for f in intro_found.figures if not f.target]
            indicators += [f.as_dict() for f in only]
            self.headline[-1] = ("opening", "", len(only), {"only": len(only)}, len(intro_found.figures) - len(only))
            opening_rest = [_result(f) for f in intro_found.figures if f.target]
        if opening_rest:  # the opening's figures that are not headline ones: a section before the others
            sections.insert(0, {"title": OPENING_SECTION, "intro": "", "points": [], "results": opening_rest})
            self.empty_sections = [i + 1 for i in self.empty_sections]
            for r in rankings:
                if "section" in r:
                    r["section"] += 1
        # intro text before the first section, also figures there
        review = {"intro": intro.replace("\n", ""), "sections": sections}
        for k, ind in enumerate(indicators):
            if ind.get("estimate"):
                self.unsure(f"indicators[{k + 1}].estimate", M.why_estimate())
        return review, indicators, tally, rankings

    def _pick(self, figures: list, place: str, title: str, indicators: list[dict]) -> list[dict]:
        """Put the headline figures of one part into ``indicators``; return the others as the part's results.
        What went where is kept for ``extract --report`` (self.headline: place, title, headline, reasons, kept)."""
        kept: list[dict] = []
        why: dict[str, int] = {}
        for f in figures:
            r = headline_reason(f, place)
            if r:
                indicators.append(f.as_dict())
                why[r] = why.get(r, 0) + 1
            else:
                kept.append(_result(f))
        if figures:
            self.headline.append((place, title, sum(why.values()), why, len(kept)))
        return kept

    # ----------------------------------------------------------------- plan
    def plan(self, lines: list[Line], heading: str, year: int | None, year_prefix: bool = False) -> dict:
        """``year_prefix``: the plan is for another year than the report's (2023年工作总结和2024年工作计划),
        so deadlines without a year get the plan's year written in (年内 -> 2024年内)."""
        intro, blocks, _ = split_sections(lines)
        if not blocks and lines and re.match(r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d{1,2}\s*[.．、](?!\d))", lines[0].text):
            intro, blocks, _ = split_sections(lines, min_marks=1)  # a plan of one section (or of one numbered task)
        elif not blocks and len(lines) >= 2 and re.search(r"[：:]$", lines[0].text) and \
                re.match(r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)", lines[1].text):
            # 2024年将重点推进五方面工作： / （一）聚焦产业提质，…。: the plan's opening line, then its numbered parts
            # (a copy that ends after the first)
            intro, blocks, _ = split_sections(lines[1:], min_marks=1)
            intro = lines[0].text + intro
        if not blocks:
            blocks, intro = _parallel_paragraphs(lines) or (blocks, intro)
        if not blocks and intro.strip():
            # a plan without numbered sections: its 一是/二是 points (or task sentences) make one section
            from .structure import Block

            opening, _, body = intro.partition("：") if re.match(r"^[^。]{0,40}：", intro) else ("", "", intro)
            if split_tasks(body)[1]:
                title = strip_end(re.sub(r"^[^，]*，", "", opening)) if opening else (strip_end(heading) or "重点工作")
                title = re.sub(r"^[一二三四五六七八九十]+、\s*", "", title)
                blocks = [Block(1, title or "重点工作", body, lines[0].number)]
                intro = ""
        sections = []
        for si, block in enumerate(blocks):
            s_intro, tasks, how = split_tasks(block.body)
            owners_heading = _unit_list(block.heading)
            if not tasks and owners_heading and re.match(r"^\s*\d{1,3}\s*[.．、]", block.body):
                # a unit's section of one numbered task (三、区卫生健康局 / 5.完成…。)
                from .structure import PlanTask

                one, rest = split_title(re.sub(r"^\s*\d{1,3}\s*[.．、]\s*", "", block.body.replace("\n", "")))
                tasks, s_intro = [PlanTask(strip_end(one), rest)], ""
            if not tasks:
                self.unsure(f"plan.sections[{si + 1}].tasks", M.why_no_tasks())
            out_tasks = []
            for ti, task in enumerate(tasks):
                where = f"plan.sections[{si + 1}].tasks[{ti + 1}]"
                due_text = find_deadline(task.title + "。" + task.detail)
                due = DEFAULT_DUE
                if due_text:
                    due = _normal_due(due_text)
                if year_prefix and year and not re.match(r"\d{4}年", due):
                    due = f"{year}{due}" if due.startswith("年") else f"{year}年{due}"
                if due_text:
                    stale = self._before_report(due, year)
                    self.unsure(f"{where}.due", (M.why_due_stale if stale else M.why_due_from_text)(due=due_text))
                else:
                    self.unsure(f"{where}.due", M.why_no_due())
                detail, lead, support = _owners(task.detail)
                title = task.title
                front = _front_owners(title) if lead == PLACEHOLDER else None
                if front:  # 【区发改局】推进…
                    title, lead, support = front
                elif lead == PLACEHOLDER and owners_heading:  # 一、区教育局 / 1.新建学校…: the section's unit
                    lead, support = owners_heading[0], owners_heading[1:]
                if lead == PLACEHOLDER:
                    self.unsure(f"{where}.lead", M.why_no_lead())
                out_tasks.append({
                    "title": title,
                    "detail": detail,
                    "lead": lead,
                    "support": support,
                    "due": due,
                })
            sections.append({"title": block.heading, "intro": s_intro.replace("\n", ""), "tasks": out_tasks})
        if (len(blocks) >= 2 or blocks and blocks[0].marker == "arabic") and not any(s["tasks"] for s in sections):
            # numbered lines that are themselves the tasks (1.抓项目。力争新开工项目25个。): one section of them
            title = strip_end(re.sub(r"^(?:第)?[一二三四五六七八九十]+(?:、|部分)\s*", "", heading)) or "重点工作"
            tasks = []
            for ti, block in enumerate(blocks):
                where = f"plan.sections[1].tasks[{ti + 1}]"
                due_text = find_deadline(block.heading + "。" + block.body)
                due = _normal_due(due_text) if due_text else DEFAULT_DUE
                if year_prefix and year and not re.match(r"\d{4}年", due):
                    due = f"{year}{due}" if due.startswith("年") else f"{year}年{due}"
                self.unsure(f"{where}.due", M.why_due_from_text(due=due_text) if due_text else M.why_no_due())
                task_title, lead, support = _front_owners(block.heading) or (block.heading, PLACEHOLDER, [])
                detail = block.body.replace("\n", "")
                if lead == PLACEHOLDER:
                    detail, lead, support = _owners(detail)
                if lead == PLACEHOLDER:
                    self.unsure(f"{where}.lead", M.why_no_lead())
                tasks.append({"title": task_title, "detail": detail, "lead": lead, "support": support, "due": due})
            self.reasons = {k: v for k, v in self.reasons.items() if not re.match(r"plan\.sections\[\d+\]\.tasks$", k)}
            sections = [{"title": title, "intro": "", "tasks": tasks}]
        goals = _goals("".join(l.text for l in lines))
        if goals and not any(g in t["title"] + t["detail"] for g in goals for s in sections for t in s["tasks"]):
            # 今年主要预期指标是：地区生产总值增长8.5%；…: the year's goals are the plan's first tasks (as in a task
            # document that assigns them); a section after the others so their places stay
            n = len(sections) + 1
            for ti in range(len(goals)):
                self.unsure(f"plan.sections[{n}].tasks[{ti + 1}].lead", M.why_no_lead())
                self.unsure(f"plan.sections[{n}].tasks[{ti + 1}].due", M.why_no_due())
            sections.append({"title": GOALS_SECTION, "intro": "", "tasks": [
                {"title": g, "detail": "", "lead": PLACEHOLDER, "support": [], "due": f"{year}年内" if year_prefix and year else DEFAULT_DUE}
                for g in goals]})
            if not blocks:
                self.reasons.pop("plan.sections", None)
                return {"intro": intro.replace("\n", ""), "sections": sections}
        if lines and not blocks:
            self.unsure("plan.sections", M.why_plan_no_sections())
        return {"intro": intro.replace("\n", ""), "sections": sections}

    def _before_report(self, due: str, year: int | None) -> bool:
        from ..model.values import parse_due

        when = getattr(self, "report_date", None)
        try:
            return bool(when) and parse_due(due, year or when.year) < when
        except ValueError:
            return False

    # ----------------------------------------------------------------- findings
    def findings(self, data: dict) -> list[Message]:
        """The findings' lines before the uncertain fields (ExtractResult.findings adds those)."""
        c = self.cleaned
        review = data["review"]["sections"]
        plan = data["plan"]["sections"]
        n_tasks = sum(len(s["tasks"]) for s in plan)
        n_results = sum(len(s["results"]) for s in review)
        meta = data["report"]
        counts = {"sections": len(review), "points": sum(len(s["points"]) for s in review),
                  "indicators": len(data["indicators"]), "results": n_results, "rankings": len(data["rankings"])}
        lines = [
            M.finding_source(source=self.source, title=meta["title"], issuer=meta["issuer"], date=meta["date"]),
            M.finding_cleaning(summary=c.summary),
            M.finding_review_tally(**counts, tally=_tally_text(data["tally"])) if data.get("tally") else M.finding_review(**counts),
            M.finding_plan_leads(sections=len(plan), tasks=n_tasks,
                                 leads=sum(1 for s in plan for t in s["tasks"] if t["lead"] != PLACEHOLDER))
            if n_tasks else M.finding_plan(sections=len(plan), tasks=n_tasks),
            M.finding_uncertain(n=len(self.reasons)),
        ]
        empty = [M.finding_empty_review(n=i + 1, title=review[i]["title"][:16]) for i in getattr(self, "empty_sections", [])]
        empty += [M.finding_empty_plan(n=i + 1, title=s["title"][:16]) for i, s in enumerate(plan) if not s["tasks"]]
        if not data["indicators"] and not n_results:
            empty.insert(0, M.finding_no_figures())
        if empty:
            lines.append(M.finding_empty(parts=empty))
        return lines


_FRONT_OWNERS = re.compile(r"^\s*(?:[【\[［]([^】\]］]{2,40})[】\]］]\s*|([^，。：:；（）()\d]{2,30})[：:]\s*)")


def _unit_list(text: str) -> list[str] | None:
    """A heading that is only units (区教育局; 区发改局、区财政局): the units, else None."""
    text = strip_end(text)
    if not text or len(text) > 40 or re.search(r"[，。；：]", text):
        return None
    units = [u for u in split_units(text) if u]
    return units if units and all(_UNIT_END.search(u) and len(u) <= 16 for u in units) else None


def _front_owners(text: str) -> tuple[str, str, list[str]] | None:
    """Owners written before a task: '【区发改局】推进…', '区教育局：新建中小学3所' -> (the task, lead, support); None
    when what stands there is not a list of units (every name must end as a unit's does: 局, 委, 办, 中心 …)."""
    m = _FRONT_OWNERS.match(text)
    if not m:
        return None
    units = [u for u in split_units(m.group(1) or m.group(2)) if u]
    if not units or not all(_UNIT_END.search(u) for u in units) or len(text) - m.end() < 4:
        return None
    return text[m.end():], units[0], units[1:]


def _owners(detail: str) -> tuple[str, str, list[str]]:
    """Who leads a plan task, when the report says so after it: （区发改局牵头，区财政局配合）, [牵头单位：…].
    Returns the detail without that bracket, the lead (待定 when none is named) and the supporting units."""
    text = detail.rstrip()
    units: dict[str, list[str]] = {}
    cut = None
    m = _BRACKETED.search(text)
    found = None if m else _verb_bracket(text)  # a detail is not numbered: only the bracket form is read
    if m:
        units, cut = parse_labels(m.group(1)), m.start()
    elif found:
        cut, units = found
    if not units:  # （区发展改革委）, [区人社局、区就业局]: a bracket of units alone closing the task
        tail = re.search(r"[（(\[［【]([^（）()\[\]［］【】]{2,60})[)）\]］】]\s*[。；;]?\s*$", text)
        named = _unit_list(tail.group(1)) if tail else None
        if named:
            units, cut = {"lead": named}, tail.start()
    lead_units = units.get("lead") or units.get("duty") or []
    if not lead_units:
        return detail, PLACEHOLDER, []
    lead = lead_units[0]
    rest = lead_units[1:] + (units.get("duty", []) if units.get("lead") else []) + units.get("support", [])
    support = [u for i, u in enumerate(rest) if u != lead and u not in rest[:i]]
    return text[:cut].rstrip("，；、 "), lead, support


# Years a text calls by what they were (the year of a congress's first year of work, a plan's first or last year,
# an anniversary): for a text that writes no year of its own. General dates, no place's.
_YEAR_PHRASES = (
    (r"党的二十大精神的开局之年", 2023), (r"党的二十大(?:胜利)?召开之年", 2022),
    (r"党的十九大精神的开局之年", 2018), (r"党的十九大(?:胜利)?召开之年", 2017),
    (r"十五五[”\"]?(?:规划)?(?:的)?开局之年", 2026), (r"十四五[”\"]?(?:规划)?(?:的)?收官之年", 2025),
    (r"十四五[”\"]?(?:规划)?(?:的)?开局之年", 2021), (r"十三五[”\"]?(?:规划)?(?:的)?收官之年", 2020),
    (r"十三五[”\"]?(?:规划)?(?:的)?开局之年", 2016),
    (r"(?:中国共产党|建党)(?:成立)?(?:100|一百)周年", 2021),
    (r"(?:新中国|中华人民共和国)成立(?:70|七十)周年", 2019), (r"(?:新中国|中华人民共和国)成立(?:75|七十五)周年", 2024),
    (r"改革开放(?:40|四十)周年", 2018),
)


def _year_said(text: str) -> tuple[int, str] | None:
    """The year a text that writes none calls by a phrase (今年是…党的二十大精神的开局之年 -> 2023), with the phrase."""
    for pattern, year in _YEAR_PHRASES:
        m = re.search(r"(?:今年|本年|这一年|[是为])[^。；]{0,16}?" + pattern, text)
        if m:
            return year, re.search(pattern, m.group(0)).group(0)
    return None


# A statistics bulletin's chapter (二、农 业, 三、工业和建筑业): its figures are the sector's details; only the
# aggregates a summary always shows are headline figures there.
_CHAPTER = re.compile(r"(?:农业|农林牧渔业?|工业|工业和建筑业|建筑业|能源|固定资产投资|投资|国内贸易|对外经济|对外开放|"
                      r"交通运输|交通|邮电|邮电通信|旅游|财政|金融|财政金融|财政和金融|财税收入|教育|科技|科学技术|"
                      r"教育和科学技术|文化|卫生|体育|文化旅游|人口|人民生活|人民生活和社会保障|社会保障|资源和环境|环境|"
                      r"城乡建设|居民收入|市场主体|服务业|消费市场|国内市场|开放型经济)")
_FIGURE_IN_HEADING = re.compile(r"\d+(?:\.\d+)?\s*(?:%|亿元|万元|元|个百分点|万美元|亿美元)")
_GENERIC_UNIT = re.compile(r"(?:乡镇|街道|镇|乡|区|县|市|镇人民政府|乡人民政府|街道办事处|区人民政府|县人民政府)")
# The unit an opening speaks of: …的坚强领导下，某街道深入贯彻… / 今年以来，某镇坚持…
_OPENING_SUBJECT = re.compile(r"(?:领导下|支持下|今年以来|一年来|上半年)[，,]\s*([\u4e00-\u9fff]{2,6}?(?:街道|镇|乡))"
                              r"(?:办事处|党工委|人民政府)?(?:深入|坚持|紧紧|全面|认真|始终|以|在|围绕|聚焦|按照|立足|锚定)")


def _opening_subject(text: str) -> str:
    m = _OPENING_SUBJECT.search(text)
    name = m.group(1) if m else ""
    return "" if not name or re.match(r"^(?:全|我|本|该|各|此|本级)", name) else name


# A paragraph that opens with its heading sentence (着力坚持创新驱动，集聚发展潜能，铸造崛起振兴新引擎。优化…).
_PARAGRAPH_HEAD = re.compile(r"^([^。；：:\d“”]{4,30}?[，,][^。；：:\d]{2,40}?。)")


def _parallel_paragraphs(lines: list[Line]):
    """A plan whose parts are unnumbered paragraphs, each opening with a heading sentence, the headings written
    alike (着力坚持创新驱动，…。 / 着力推进项目攻坚，…。): (sections, intro), or None."""
    from .structure import Block

    heads = [(i, m.group(1)) for i, l in enumerate(lines) if (m := _PARAGRAPH_HEAD.match(l.text))
             and len(l.text) > len(m.group(1)) + 10]
    if len(heads) < 2 or len({h[:2] for _, h in heads}) != 1:
        return None
    blocks = []
    for k, (i, head) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        body = "\n".join([lines[i].text[len(head):]] + [l.text for l in lines[i + 1: end]]).strip()
        blocks.append(Block(k + 1, strip_end(head), body, lines[i].number))
    return blocks, "\n".join(l.text for l in lines[: heads[0][0]])


_GOALS = re.compile(r"(?:主要)?预期(?:目标|指标)(?:是|为)?[：:]([^。]{4,400})。")
_GOAL = re.compile(r"\d+(?:\.\d+)?\s*%|以上|左右|以内|同步")


def _goals(text: str) -> list[str]:
    """The year's goals of a plan part (主要预期目标是：地区生产总值增长8%左右，一般公共预算收入增长9%左右，…):
    each goal a plan task's title; none when the text states no such list."""
    m = _GOALS.search(text)
    if not m:
        return []
    items = re.split(r"[；;]", m.group(1)) if re.search(r"[；;]", m.group(1)) else re.split(r"，(?![^（）()]*[)）])", m.group(1))
    goals = [strip_end(i.strip()) for i in items if _GOAL.search(i) and 4 <= len(i.strip()) <= 60]
    return goals if len(goals) >= 2 else []


def _tally_text(t: dict) -> str:
    return f"{t['green']}绿" + (f"{t['yellow']}黄" if t.get("yellow") else "") + f"{t['red']}红"


def _result(f) -> dict:
    """A figure of sections 二… as a result; its note is the clause it came from (with the sentence's
    opening clause when that names the subject), unless the name and value already say it all."""
    d = f.as_dict()
    if "note" not in d and f.clause and f.clause != f"{f.name}{f.value}{f.unit}":
        d["note"] = f.clause if not f.opening or f.opening == f.clause else f"{f.opening}，{f.clause}"
    return d


def _normal_due(text: str) -> str:
    """A deadline as found in text -> one values.parse_due reads: 6月份 -> 6月底, 10月 -> 10月底."""
    text = re.sub(r"月份$", "月底", text)
    text = re.sub(r"(\d)月$", r"\1月底", text)
    return text


# --------------------------------------------------------------------------- YAML

def to_yaml(result: ExtractResult) -> str:
    from .draft import dump

    return dump(result)


