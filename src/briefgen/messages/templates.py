"""Catalogue entries: see briefgen.messages."""

from ..i18n import Text

overflows_one_page = Text("BG301", "{template}: a one-page template needs {pages} pages even at the smallest type the theme "
                          "allows ({min_pt} pt); it overflows by about {mm} mm. Shorten the content or use a theme with a lower min_size_pt",
                          "{template}：这是一页的模板，但即使用主题允许的最小字号（{min_pt} 磅）也要 {pages} 页，约超出 {mm} 毫米。"
                          "请精简内容，或换用 min_size_pt 更小的主题")
overflows_pages = Text("BG302", "{template}: a template of at most {budget} pages needs {pages} pages even at the smallest type the theme "
                       "allows ({min_pt} pt); it overflows by about {mm} mm. Shorten the content or use a theme with a lower min_size_pt",
                       "{template}：这个模板最多 {budget} 页，但即使用主题允许的最小字号（{min_pt} 磅）也要 {pages} 页，约超出 {mm} 毫米。"
                       "请精简内容，或换用 min_size_pt 更小的主题")
