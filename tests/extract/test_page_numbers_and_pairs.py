"""A page number between a value and its unit, growths of a pair written 和 without 分别, and the pair's second value
(sentences written for these tests)."""

from briefgen.extract import extract_text
from briefgen.extract.clean import clean_text
from briefgen.extract.figures import find_figures


def test_a_page_number_between_a_value_and_its_unit_goes():
    text = clean_text("某乡2011年工作总结\n各项存贷款余额达7338万元和4022\n- 1 -\n万元，同比增长37.8%和14.8%。\n").text
    assert "- 1 -" not in text and "4022万元" in text


def test_growths_of_a_pair_joined_by_he_go_to_its_values_in_order():
    figs = [(f.name, f.value, f.yoy) for f in find_figures("各项存贷款余额达7338万元和4022万元，同比增长37.8%和14.8%。").figures]
    assert figs == [("各项存款余额", "7338", "37.8"), ("各项贷款余额", "4022", "14.8")]
    figs = [(f.name, f.value, f.yoy) for f in find_figures("接待游客320万人次和旅游收入28亿元，同比增长15%和18%。").figures]
    assert [f[2] for f in figs] == ["15", "18"]


def test_a_pairs_second_value_takes_the_name_before_and_is_read_in_a_report():
    data = extract_text("某乡2011年工作总结\n全乡农民人均纯收入达3325元，比上年增长35.5%。各项存贷款余额达7338万元和4022\n"
                        "- 1 -\n万元，同比增长37.8%和14.8%。\n").data
    heads = [(m["name"], m["value"], m.get("yoy")) for m in data["indicators"]]
    assert ("各项贷款余额", 4022, 14.8) in heads and not [h for h in heads if h[0] == "和"]
