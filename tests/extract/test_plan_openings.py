"""Where a plan starts in two more shapes: an opening line then numbered parts of which a copy holds only the first,
and a sentence that reports the plan's list inline (sentences written for these tests)."""

from briefgen.extract import extract_text
from briefgen.extract.structure import opens_plan


def _plan(text: str) -> list[tuple[str, list[str]]]:
    return [(s["title"], [t["title"] for t in s["tasks"]]) for s in extract_text(text).data["plan"]["sections"]]


def test_an_opening_line_then_the_first_numbered_part_glued_to_its_first_sentence():
    text = ("某街道2023年工作总结\n一、2023年工作回顾\n全年完成税收5.2亿元，增长4%。\n二、2024年工作思路\n"
            "2024年街道将重点推进五方面工作：\n（一）聚焦产业提质，推动经济发展更有质量。以产业高质量发展为导向。"
            "一是夯实工业基础。加强工业用地管理。二是攻坚招商引资。强化招商一号工程。\n")
    assert _plan(text) == [("聚焦产业提质，推动经济发展更有质量", ["夯实工业基础", "攻坚招商引资"])]


def test_a_sentence_that_reports_the_plans_list_opens_the_plan():
    assert opens_plan("区长在报告中提出2024年要重点做好六项工作：一是着力构建产业体系；二是着力抓好项目投资。")
    assert opens_plan("今年要着力抓好四项工作：一是稳增长；二是促改革。")
    assert not opens_plan("2023年全区地区生产总值增长6%，重点做好了三项工作。")
    text = ("某区召开人代会\n会上，区长作政府工作报告。2023年全区地区生产总值达到120亿元，增长6.1%。\n"
            "区长在报告中提出2024年要重点做好三项工作：一是着力构建现代产业体系；二是着力抓好项目投资；三是着力深化改革创新。\n")
    sections = _plan(text)
    assert [t for _, tasks in sections for t in tasks] == ["着力构建现代产业体系", "着力抓好项目投资", "着力深化改革创新"]
