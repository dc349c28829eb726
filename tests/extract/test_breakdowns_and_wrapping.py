"""A sector's parts after 其中, 可实现 before a name, and a PDF copy's lines wrapped at the page's width when
digits take half a character's room (sentences written for these tests)."""

from briefgen.extract import extract_text
from briefgen.extract.clean import join_wrapped
from briefgen.extract.figures import find_figures


def test_the_parts_of_a_sector_after_qizhong_stay_with_their_part():
    text = ("某县2015年统计公报\n一、综合\n全年地区生产总值24.4亿元，增长13.1%。其中：第一产业增加值6.3亿元，增长6.3%；"
            "第二产业增加值6.6亿元，增长9.5%，其中工业增加值4.1亿元，增长13.5%；建筑业增加值2.5亿元，增长3.7%。"
            "第三产业增加值11.6亿元，增长18.0%。\n二、农业\n农业增加值3.3亿元，增长9.9%。\n")
    fig = {f.name: f.sub_of for f in find_figures(text.split("\n")[2]).figures}
    assert fig["工业增加值"] == "第二产业增加值" and fig["建筑业增加值"] == "第二产业增加值"
    assert fig["第一产业增加值"] == "地区生产总值"
    heads = [m["name"] for m in extract_text(text).data["indicators"]]
    assert heads[:3] == ["地区生产总值", "第一产业增加值", "第二产业增加值"] and "第三产业增加值" in heads
    assert "工业增加值" not in heads and "建筑业增加值" not in heads
    kept = [r["name"] for s in extract_text(text).data["review"]["sections"] for r in s["results"]]
    assert "工业增加值" in kept  # kept with its part, not lost


def test_what_can_be_reached_is_no_part_of_a_name():
    assert [f.name for f in find_figures("全年预计可实现地区生产总值同比增长0.3%；可完成规上工业总产值270亿元。").figures] == [
        "地区生产总值增速", "规上工业总产值"]


WRAPPED = """一年来，在区委区政府的坚强领导下，在区人大和区政协的监督支持下，我们以新时代中国特色社会
主义思想为指导，深入贯彻各项精神，凝神聚力谋发展，尽心竭力惠民生，圆满完成了年初既定目标
任务。全区生产总值完成346.3亿元，同比增长6.1%；规模以上固定资产投资完成额增长11.5%；一
般公共预算收入完成36.8亿元，增长5%，其中税收收入30.2亿元，占财政收入的82.1%，财政收入总量
保持全市第一；社会消费品零售总额实现261.5亿元，增长6.4%；城乡居民人均可支配收入分别达28336
元和13632元，增长8.5%和9%。在年度名单中，我区位列第79位，前进两个位次，并首次入选百强区。
（一）新旧动能转换全面起势。落后产能加速淘汰。完成技改投入28亿元，占工业投资的比重达46.7
%；对34家化工企业实施了评级评价，关闭、拆除不合格企业23家；煤炭消费总量控制在655.9万吨以内。"""


def test_lines_wrapped_at_the_pages_width_are_joined_when_digits_take_half_a_characters_room():
    text, n = join_wrapped(WRAPPED)
    assert n >= 5
    assert "规模以上固定资产投资完成额增长11.5%；一般公共预算收入" in text
    assert "分别达28336元和13632元，增长8.5%和9%。" in text
    assert "\n（一）新旧动能转换" in text  # a numbered part still opens its own line
