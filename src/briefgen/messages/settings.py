"""Catalogue entries: see briefgen.messages."""

from ..i18n import Text
