"""The message catalogue: every sentence briefgen says to a user, each with its code, English and Chinese.

Code raises or prints an entry called with its arguments (``M.file_not_found(path=…)``), a
:class:`briefgen.i18n.Message` worded when shown, in the language of that moment (see :mod:`briefgen.i18n`).
The entries live in one module per area, each with its own range of codes:

=========  ==========================================================================
BG0xx      common words: refusals at a limit, file access, the CLI's frame
BG1xx      data files (YAML, JSON), their values and the report model
BG2xx      tables (Excel, CSV) and the sources of a data file
BG3xx      templates and briefing markup
BG4xx      themes, fonts, reference documents
BG5xx      jobs and outputs: build, batch, pack, archive, previews, manifests
BG6xx      extraction of raw reports
BG7xx      settings (briefgen.toml) and command-line options
BG8xx      what the commands print: results, progress, summaries
BG9xx      the data's fields as clerks name them, and the labels that place a value (task “…”的牵头单位)
BG10xx     the local web page (`briefgen serve`) and `briefgen watch`
BG15xx     the archive catalogue (`briefgen catalog`)
BG12xx     following tasks up (`briefgen track`): progress tables, rules, the follow-up documents
=========  ==========================================================================

Write an entry as ``name = Text("BG123", "English with {named} arguments", "中文，带{named}参数")``: both
wordings take the same arguments; the English is also the gettext message id (its code the context), so
changing it needs ``make messages``. ``tools/messages.py`` extracts them with Babel into the ``.po``.
"""

from .common import *  # noqa: F401,F403
from .data import *  # noqa: F401,F403
from .tables import *  # noqa: F401,F403
from .templates import *  # noqa: F401,F403
from .themes import *  # noqa: F401,F403
from .jobs import *  # noqa: F401,F403
from .extract import *  # noqa: F401,F403
from .settings import *  # noqa: F401,F403
from .cli import *  # noqa: F401,F403
from .fields import *  # noqa: F401,F403
from .web import *  # noqa: F401,F403
from .catalog import *  # noqa: F401,F403
from .track import *  # noqa: F401,F403
