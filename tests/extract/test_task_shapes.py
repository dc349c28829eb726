"""Task documents and tables in the shapes copies give them. Each shape on text written for it."""

from __future__ import annotations

from briefgen.extract import extract_text
from briefgen.extract.clean import join_wrapped, rebuild_cell_lines
from briefgen.extract.tasks import parse_verbs


def _tasks(text: str) -> list[tuple]:
    data = extract_text(text).data
    return [(t["title"], t["lead"], t["support"]) for s in data["plan"]["sections"] for t in s["tasks"]]


def test_roles_written_as_verbs():
    assert parse_verbs("区发改局主办，区财政局、区统计局协办") == {"lead": ["区发改局"], "support": ["区财政局", "区统计局"]}
    assert parse_verbs("城建办负责，相关社区配合。") == {"lead": ["城建办"], "support": ["相关社区"]}
    assert parse_verbs("加快建设，确保年内完成") is None  # a sentence, no assignment
    assert parse_verbs("相关社区配合") is None  # no lead


def test_lead_and_support_in_a_bracket_of_verbs_after_the_task():
    text = ("某街道2024年重点工作任务分解\n一、经济发展\n1.新引进亿元以上项目3个，6月底前完成1个项目开工。（经发办主办，招商中心、财政所协办）\n"
            "2.规上工业企业数字化改造覆盖率达到60%。（科技站主办，经发办协办）\n")
    assert _tasks(text) == [("新引进亿元以上项目3个", "经发办", ["招商中心", "财政所"]),
                            ("规上工业企业数字化改造覆盖率达到60%", "科技站", ["经发办"])]


def test_a_duty_line_under_its_task():
    text = ("某街道2024年重点工作任务分解\n一、城市建设\n1.完成2个老旧小区综合改造，10月底前完工。\n责任分工：城建办负责，相关社区配合。\n"
            "2.推进东河路拓宽工程，年内建成通车。\n责任分工：城建办、执法队负责，东河社区配合。\n")
    assert _tasks(text) == [("完成2个老旧小区综合改造", "城建办", ["相关社区"]),
                            ("推进东河路拓宽工程", "城建办", ["执法队", "东河社区"])]


def test_numbered_items_run_into_one_line_are_apart_and_brackets_inside_units_stay_whole():
    text = ("某区2024年重点工作任务分工方案\n"
            "1.实施重点项目120个。[牵头单位：区发改局；配合单位：区住建局] 2.新增就业5000人。[牵头单位：区人社局；配合单位：各街道]\n"
            "3.完成老旧小区改造10个。（区住建局主办，区财政局协办）4.新建学校2所。（区教育局主办，区自然资源局（规划分局）协办）\n")
    assert _tasks(text) == [("实施重点项目120个", "区发改局", ["区住建局"]), ("新增就业5000人", "区人社局", ["各街道"]),
                            ("完成老旧小区改造10个", "区住建局", ["区财政局"]), ("新建学校2所", "区教育局", ["区自然资源局（规划分局）"])]


def test_a_table_copied_one_cell_a_line_is_rebuilt_and_not_refused():
    cells = ["附件", "某镇考核基本指标", "类别", "| 序", "号", "| 指 标", "| 单", "位", "| 分", "值", "| 责任单位", "| 经济发展",
             "（8分）", "| G1", "| 财政一般预算收入增长率", "| %", "| 4", "| 镇财政所", "| G2", "| 固定资产投资增长率", "| %",
             "| 4", "| 镇经发办", "| 民生"]
    text, rows = rebuild_cell_lines("\n".join(cells))
    assert rows == 3
    assert text.split("\n")[3:] == ["序号 | 指 标 | 单位 | 分值 | 责任单位", "G1 | 财政一般预算收入增长率 | % | 4 | 镇财政所",
                                     "G2 | 固定资产投资增长率 | % | 4 | 镇经发办"]
    assert _tasks("\n".join(cells)) == [("财政一般预算收入增长率", "镇财政所", []), ("固定资产投资增长率", "镇经发办", [])]


def test_a_table_with_one_space_between_cells():
    text = ("“十三五”规划主要指标完成情况\n表1\n序号 指标名称 2020 年目标值 2020 年预计值 完成情况\n"
            "1 全区生产总值(亿元) 1000 1008.5 完成\n2 人均生产总值(元) 130000 130913 完成\n")
    data = extract_text(text).data
    assert [(i["name"], i["value"], i["unit"], i["target"]) for i in data["indicators"]] == [
        ("全区生产总值", 1008.5, "亿元", 1000), ("人均生产总值", 130913, "元", 130000)]
    assert data["report"]["year"] == 2020  # the year the text names, never today's


def test_a_task_table_with_a_target_column_and_a_type_column():
    text = ("某区2019年目标任务分解表\n序号 | 任务名称 | 指标要求 | 牵头部门 | 配合部门 | 目标类型 |\n"
            "1 | 地区生产总值 | 增长5.5% | 区发改局 | 区财政局、区统计局 | A类 |\n2 | 服务业增加值 | 增长6% | 区发改局 | 区商务局 | A类 |\n")
    data = extract_text(text).data
    tasks = [(t["title"], t["detail"], t["lead"]) for s in data["plan"]["sections"] for t in s["tasks"]]
    assert tasks == [("地区生产总值", "增长5.5%", "区发改局"), ("服务业增加值", "增长6%", "区发改局")]


WRAPPED = """关于某项工作的任务分解方案
— — — 2 —
一、提高基层党建工作水平，加强党对基层治理的全面领导
1.完善街道党工委对地区治理重大工作的领导体制机制，优
化决策程序，涉及基层治理的重大事项、重点工作、重要问题由
街道党工委讨论决定，全面提升街道抓党建、抓治理、抓服务的
领导能力。加强街道社区党组织对地区各类组织和各项工作的领
导，推动将党的领导写入各类组织章程，注重把基层党组织推荐
的人选通过法定程序明确为各类组织的负责人。
牵头单位：区委组织部
协办单位：区委编办、区民政局、园区党工
委、各街道党工委
— — — 3 —
2.以区域化党建为重点，构建市、区、街道、社区党组织四
级上下贯通，社区党建、单位党建、行业党建多方联动，基层党
组织覆盖广泛、组织有力的基层党建工作体系。"""


def test_lines_broken_at_the_page_width_are_joined_and_page_numbers_go():
    text, joined = join_wrapped(WRAPPED)
    assert "— — —" not in text and joined >= 8
    assert "1.完善街道党工委对地区治理重大工作的领导体制机制，优化决策程序" in text
    assert "协办单位：区委编办、区民政局、园区党工委、各街道党工委" in text
    assert join_wrapped("某镇2023年工作总结\n一、经济发展\n实现产值5亿元。\n")[1] == 0


def test_a_wrapped_task_document_gives_its_tasks_also_the_last_one_without_labels():
    data = extract_text(WRAPPED).data
    tasks = [(t["title"], t["lead"]) for s in data["plan"]["sections"] for t in s["tasks"]]
    assert tasks == [("完善街道党工委对地区治理重大工作的领导体制机制", "区委组织部"), ("以区域化党建为重点", "待定")]
    assert "待定" not in [d["name"] for d in data["departments"]]


def test_a_table_of_targets_one_cell_a_line_without_marks_gives_tasks():
    text = "某镇2024年主要目标任务\n" + "\n".join([
        "序号", "指标名称", "单位", "2024年目标", "责任单位",
        "1", "地区生产总值", "亿元", "52.5", "经发办",
        "2", "固定资产投资", "亿元", "18", "经发办",
        "3", "新增城镇就业", "人", "600", "社会事务办"]) + "\n"
    data = extract_text(text).data
    tasks = [(t["title"], t["detail"], t["lead"]) for s in data["plan"]["sections"] for t in s["tasks"]]
    assert tasks == [("地区生产总值", "2024年目标52.5亿元", "经发办"), ("固定资产投资", "2024年目标18亿元", "经发办"),
                     ("新增城镇就业", "2024年目标600人", "社会事务办")]


def test_more_ways_of_naming_who_leads():
    text = ("某市2024年重点工作任务分解\n1.推进产业园建设，年内完成投资10亿元。市发改委牵头，市财政局、市自然资源局配合。\n"
            "2.新增城镇就业5000人。[责任单位：市人社局（牵头）、市财政局]\n"
            "3.建设保障性住房2000套。（承办单位：市住建局；协办部门：市财政局）\n")
    assert _tasks(text) == [("推进产业园建设", "市发改委", ["市财政局", "市自然资源局"]),
                            ("新增城镇就业5000人", "市人社局", ["市财政局"]), ("建设保障性住房2000套", "市住建局", ["市财政局"])]


def test_a_work_reports_plan_names_its_leads_after_the_tasks():
    text = ("某镇2023年工作总结和2024年工作计划\n一、2023年工作回顾\n全镇实现地区生产总值52亿元，增长6%。\n二、2024年工作计划\n"
            "一是抓项目，力争新开工项目25个（经发办牵头，财政所配合）。二是抓民生，9月底前完成老旧小区改造。"
            "[牵头单位：城建办；配合单位：相关村社]三是抓治理，健全网格。\n")
    data = extract_text(text).data
    tasks = [(t["title"], t["detail"], t["lead"], t["support"]) for s in data["plan"]["sections"] for t in s["tasks"]]
    assert tasks == [("抓项目", "力争新开工项目25个", "经发办", ["财政所"]),
                     ("抓民生", "9月底前完成老旧小区改造。", "城建办", ["相关村社"]), ("抓治理，健全网格", "", "待定", [])]


def test_a_long_group_heading_stays_the_groups_title():
    heading = "（一）以区域化党建为重点，全面推进基层治理体系和治理能力现代化建设"
    text = (f"某区2024年重点工作任务分工方案\n{heading}\n1.完善街道党工委领导体制。\n承办单位：区委组织部\n"
            "2.推进社区党组织书记一肩挑。\n承办单位：区民政局\n")
    data = extract_text(text).data
    assert [s["title"] for s in data["plan"]["sections"]] == [heading[3:]]
    assert [t["lead"] for s in data["plan"]["sections"] for t in s["tasks"]] == ["区委组织部", "区民政局"]


PLAN_DOCUMENT = ("某区2022年重点工作任务分解方案\n为确保全年目标任务完成，现将重点工作任务分解如下。\n一、推动经济高质量发展\n"
                 "1.加快推进产业园建设，年内完成投资10亿元，区发展改革委负责。\n2.新增市场主体5000户，区市场监管局牵头，区商务委配合。\n"
                 "二、持续改善民生\n3.新增城镇就业8000人，区人力社保局负责。\n4.完成老旧小区改造20个，区住房城乡建委负责，各街道配合。\n")


def test_a_document_that_is_a_plan_as_a_whole_with_owners_in_closing_clauses():
    data = extract_text(PLAN_DOCUMENT).data
    assert data["review"]["sections"] == []
    plan = [(s["title"], [(t["title"], t["lead"], t["support"]) for t in s["tasks"]]) for s in data["plan"]["sections"]]
    assert plan == [("推动经济高质量发展", [("加快推进产业园建设", "区发展改革委", []), ("新增市场主体5000户", "区市场监管局", ["区商务委"])]),
                    ("持续改善民生", [("新增城镇就业8000人", "区人力社保局", []), ("完成老旧小区改造20个", "区住房城乡建委", ["各街道"])])]


def test_closing_clauses_name_owners_only_when_they_name_units():
    from briefgen.extract.tasks import trailing_owners

    assert trailing_owners("新增市场主体5000户，区市场监管局牵头，区商务委配合。") == (12, {"lead": ["区市场监管局"], "support": ["区商务委"]})
    assert trailing_owners("做好宣传，街道积极配合。") is None
    assert trailing_owners("加强统筹，全面负责。") is None


def test_a_summary_with_a_plan_in_its_title_is_not_a_plan_document():
    data = extract_text("某镇2023年工作总结和2024年工作计划\n一、经济发展\n实现产值5亿元，增长6%。\n二、社会事业\n新增就业300人。\n").data
    assert data["plan"]["sections"] == [] and data["review"]["sections"][0]["title"] == "经济发展"


def test_by_a_unit_written_with_you_before_it():
    assert parse_verbs("由镇社会事务办负责，镇财政所配合") == {"lead": ["镇社会事务办"], "support": ["镇财政所"]}
    text = ("某镇2024年重点工作责任分工\n一、民生\n1.新建幼儿园1所。由镇社会事务办负责，镇财政所配合。\n"
            "2.完成卫生院改造。由镇卫生院牵头，镇规建办配合。\n")
    assert _tasks(text) == [("新建幼儿园1所", "镇社会事务办", ["镇财政所"]), ("完成卫生院改造", "镇卫生院", ["镇规建办"])]


def test_a_task_table_with_one_space_between_cells():
    text = ("某镇2022年重点工作任务清单\n序号 重点工作 牵头单位 配合单位 完成时限\n1 完成集镇雨污分流改造 镇规建办 镇财政所 2022年10月\n"
            "2 新建村级公路12公里 镇交通站 各村 2022年12月\n")
    assert _tasks(text) == [("完成集镇雨污分流改造", "镇规建办", ["镇财政所"]), ("新建村级公路12公里", "镇交通站", ["各村"])]
    data = extract_text(text).data
    assert [t["due"] for s in data["plan"]["sections"] for t in s["tasks"]] == ["2022年10月底", "2022年12月底"]


def test_a_row_with_another_number_of_cells_is_not_split_by_its_spaces():
    text = ("某镇2022年重点工作任务清单\n序号 重点工作 牵头单位 配合单位 完成时限\n1 完成集镇雨污分流改造 镇规建办 镇财政所 2022年10月\n"
            "2 新建 村级公路12公里 镇交通站 各村 2022年12月\n")
    assert _tasks(text)[:1] == [("完成集镇雨污分流改造", "镇规建办", ["镇财政所"])]
    assert ("村级公路12公里", "镇交通站", ["各村"]) not in _tasks(text)


def test_owners_written_before_the_task():
    text = ("某区2023年重点工作任务分解\n1.【区发改局】推进重大项目建设，全年实施项目80个。\n2.【区住建局、区城管局】完成老旧小区改造12个。\n"
            "3.区教育局：新建小学2所。\n")
    assert _tasks(text) == [("推进重大项目建设，全年实施项目80个", "区发改局", []), ("完成老旧小区改造12个", "区住建局", ["区城管局"]),
                            ("新建小学2所", "区教育局", [])]


def test_a_label_before_a_task_that_names_no_unit_is_part_of_the_task():
    text = "某区2023年重点工作任务分解\n1.重点项目：全年实施项目80个。\n2.民生实事：完成老旧小区改造12个。\n"
    assert [lead for _, lead, _ in _tasks(text)] == ["待定", "待定"]


def test_tasks_grouped_under_the_unit_that_leads_them():
    text = ("某区2024年重点工作任务分工方案\n一、区发展和改革局\n1.推进重大项目建设，全年完成投资90亿元。\n2.做好规划中期评估。\n"
            "二、区教育局\n3.新建学校4所。\n")
    assert _tasks(text) == [("推进重大项目建设", "区发展和改革局", []), ("做好规划中期评估", "区发展和改革局", []),
                            ("新建学校4所", "区教育局", [])]


def test_a_numbered_unit_line_is_no_signature():
    from briefgen.extract.meta import _signature_line

    assert _signature_line("某区统计局") and not _signature_line("二、区教育局")


def test_a_task_table_one_cell_a_line_whose_task_cell_is_broken_over_lines():
    cells = ["某县2023年重点工作任务分解表", "序号", "工作任务", "牵头县领导", "牵头单位", "责任单位",
             "1", "实施重点项目80个，完成", "投资120亿元", "某某", "县发展改革局", "各乡镇",
             "2", "新增城镇就业3000人", "某某", "县人社局", "各乡镇",
             "3", "建成高标准农田2万亩", "某某", "县农业农村局", "县财政局"]
    assert _tasks("\n".join(cells)) == [("实施重点项目80个", "县发展改革局", ["各乡镇"]),
                                        ("新增城镇就业3000人", "县人社局", ["各乡镇"]),
                                        ("建成高标准农田2万亩", "县农业农村局", ["县财政局"])]


def test_units_alone_in_a_bracket_after_the_task_and_notes_on_a_unit_list():
    text = ("某区2023年重点任务分解\n（一）实施重点项目60个。（区发展改革委）\n（二）新增就业5000人。［区人力社保局、区就业中心］\n"
            "（三）完成旧城改造。（区住房城乡建委牵头，区财政局等配合）\n")
    assert _tasks(text) == [("实施重点项目60个", "区发展改革委", []), ("新增就业5000人", "区人力社保局", ["区就业中心"]),
                            ("完成旧城改造", "区住房城乡建委", ["区财政局"])]
    from briefgen.extract.tasks import parse_labels

    assert parse_labels("责任单位：区发展改革委、区经济信息委（按职责分工负责）") == {"duty": ["区发展改革委", "区经济信息委"]}


def test_a_bracket_that_names_no_unit_gives_no_lead():
    text = "某区2023年重点任务分解\n（一）实施重点项目60个。（按职责分工负责）\n（二）完成旧城改造（试行）。\n"
    assert [lead for _, lead, _ in _tasks(text)] == ["待定", "待定"]


def test_a_plan_of_one_numbered_task_is_read_not_refused():
    text = "某市人民政府办公厅关于印发重点工作任务分解方案的通知\n1.实施重点项目50个。（市发展改革委牵头）\n"
    assert _tasks(text) == [("实施重点项目50个", "市发展改革委", [])]
