"""The lines around a report's text: a site's breadcrumbs are no title, 来源 names the issuer when it is a unit,
a first line such as 2023年上半年经济运行情况 is the title. Text written for each rule."""

from __future__ import annotations

from briefgen.extract import extract_text

BODY = "\n一、经济发展。实现产值5亿元，增长6%。\n二、民生。新增就业300人。\n"


def _report(text: str) -> dict:
    return extract_text(text).data["report"]


def test_breadcrumbs_are_no_title():
    assert _report("当前位置：首页 > 政务公开 > 计划总结\n某镇2023年工作总结" + BODY)["title"] == "某镇2023年工作总结"
    assert _report("首页 > 信息公开 > 工作总结\n某镇2023年工作总结" + BODY)["title"] == "某镇2023年工作总结"


def test_source_line_names_the_issuer_only_when_it_is_a_unit():
    report = _report("来源：某区统计局  发布时间：2023-07-20\n2023年上半年经济运行情况\n上半年，全区实现地区生产总值52亿元，增长6%。\n")
    assert (report["title"], report["issuer"], str(report["date"])) == ("2023年上半年经济运行情况", "某区统计局", "2023-07-20")
    assert _report("来源：某某新闻网\n2023年上半年经济运行情况\n上半年，全区实现产值52亿元，增长6%。\n")["issuer"] == "待定"


def test_a_table_row_is_no_title():
    assert _report("指标名称 | 单位 | 完成情况\n某镇2023年工作总结" + BODY)["title"] == "某镇2023年工作总结"


def test_the_title_after_a_pages_chrome_and_header_table():
    chrome = ("首页\n>> 政务公开 >> 乡镇信息公开 >> 计划总结\n索引号 001/2023-01 文号\n成文日期2023-06-20 发布机构某镇\n"
              "公开方式主动公开 公开范围全部公开\n组配分类计划总结 有效性\n  • 信息索引号:\n\n    001/2023-01\n  • 主题分类:\n"
              "  • 发布机构:\n某镇\n")
    report = _report(chrome + "某镇2022年度工作总结" + BODY)
    assert report["title"] == "某镇2022年度工作总结" and report["issuer"] == "某镇"


def test_an_attachment_list_and_a_name_label_are_no_title():
    assert _report("附件：1. 2019年目标任务分解表\n某镇2023年工作总结" + BODY)["title"] == "某镇2023年工作总结"
    assert _report("名称：某区人民政府办公室关于印发工作要点的通知" + BODY)["title"] == "某区人民政府办公室关于印发工作要点的通知"
