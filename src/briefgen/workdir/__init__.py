"""A clerk's working folder: ``briefgen init`` (briefgen.toml, sample data and workbooks, templates to edit)."""
