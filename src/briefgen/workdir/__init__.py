"""A clerk's working folder: ``briefgen init`` (briefgen.toml, sample data and workbooks, templates to edit), what a
folder holds and the settings a job takes from it (``folder``: the web page's view), and its saves (``watch``)."""
