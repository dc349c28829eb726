"""A plan whose parts are unnumbered paragraphs, each opening with a heading sentence written alike (着力…，…。),
(text written for these tests)."""

from briefgen.extract import _parallel_paragraphs, extract_text
from briefgen.extract.structure import Line

PLAN = ("某县2024年重点工作安排\n着力抓好三个方面的重点工作。\n"
        "着力坚持创新驱动，集聚发展潜能，打造发展新引擎。优化创新生态。新增科创平台10家。强化数字赋能。建设智能工厂2家。\n"
        "着力推进项目攻坚，强化园区承载，塑强产业新优势。抓牢项目招引。力争引进亿元项目10个。\n"
        "着力改善民生福祉，办好民生实事，提升群众满意度。新建学校2所，新增学位1800个。\n")


def test_each_paragraph_with_a_heading_sentence_is_a_plan_section():
    sections = extract_text(PLAN).data["plan"]["sections"]
    assert [s["title"] for s in sections] == [
        "着力坚持创新驱动，集聚发展潜能，打造发展新引擎", "着力推进项目攻坚，强化园区承载，塑强产业新优势",
        "着力改善民生福祉，办好民生实事，提升群众满意度"]
    assert [t["title"] for t in sections[0]["tasks"]] == ["优化创新生态", "强化数字赋能"]
    assert [t["title"] for t in sections[1]["tasks"]] == ["抓牢项目招引"]


def test_paragraphs_whose_first_sentences_are_not_alike_are_no_sections():
    lines = [Line("加快产业发展，做强工业经济，建设工业园区。新建标准厂房5万平方米，新增规上企业6家。", 1),
             Line("办好民生实事，提升群众满意度，改善人居环境。新建学校2所，新增学位1800个。", 2)]
    assert _parallel_paragraphs(lines) is None
    alike = [Line("着力" + line.text, line.number) for line in lines]
    blocks, intro = _parallel_paragraphs(alike)
    assert [b.heading for b in blocks] == ["着力加快产业发展，做强工业经济，建设工业园区", "着力办好民生实事，提升群众满意度，改善人居环境"]


def test_a_plan_of_paragraphs_no_shape_reads_gives_a_task_a_paragraph_rather_than_a_refusal():
    text = ("某县2024年重点工作安排\n加快产业发展，做强工业经济，建设工业园区。新建标准厂房5万平方米，新增规上企业6家。\n"
            "办好民生实事，提升群众满意度，改善人居环境。新建学校2所，新增学位1800个。\n")
    result = extract_text(text)
    tasks = [t for s in result.data["plan"]["sections"] for t in s["tasks"]]
    assert [t["title"] for t in tasks] == ["加快产业发展", "办好民生实事"]
    assert all(t["lead"] == "待定" for t in tasks)
    assert "plan.sections[1].tasks[1].lead" in result.uncertain
