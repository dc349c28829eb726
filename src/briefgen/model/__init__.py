"""The model stage: plain dicts (from ``load``) -> a validated Report, every problem located.

    report      the typed Report (pydantic) and ``validate``
    values      values as staff write them (9.5%, 下降0.2%, 年内, 2022年10月底前) -> typed values
    fields      where a value stands, named as a clerk sees it (the label of a problem's field)
"""
