"""Words the exports share, so the memo, the redline and the tables say the same thing the same way.

>>> from datetime import datetime, timezone
>>> when(datetime(2026, 11, 3, 14, 5, tzinfo=timezone.utc))
'2026-11-03 14:05 UTC'
>>> DISPOSITION_WORDS["flag"], DECISION_WORDS["approved_with_conditions"]
('Flagged for negotiation', 'Approved with conditions')
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from review.errors import ExportUnwritable

AUTHOR = "City of San Rafael — Digital Service"
INITIALS = "DS"

DISPOSITION_WORDS: dict[str, str] = {
    "accept": "Accepted",
    "flag": "Flagged for negotiation",
    "waive": "Waived",
    "false_positive": "False positive",
}
DECISION_WORDS: dict[str, str] = {
    "approved": "Approved",
    "approved_with_conditions": "Approved with conditions",
    "changes_requested": "Changes requested",
    "rejected": "Rejected",
}

# Characters XML 1.0 cannot hold: a vendor's text file may contain them, and lxml refuses them outright.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def when(moment: datetime | None) -> str:
    """A date and time as a reader writes it, with the zone when the value has one."""
    if moment is None:
        return ""
    text = moment.strftime("%Y-%m-%d %H:%M")
    zone = moment.tzname()
    return f"{text} {zone}" if zone else text


def words(name: str) -> str:
    """A code word as a sentence word: 'approved_with_conditions' -> 'Approved with conditions'."""
    return DECISION_WORDS.get(name) or DISPOSITION_WORDS.get(name) or name.replace("_", " ").capitalize()


def one_line(text: str | None) -> str:
    """Whitespace collapsed (quotes and YAML folded text carry line breaks) and XML-unsafe characters dropped."""
    return " ".join(xml_safe(text or "").split())


def sentence(text: str | None) -> str:
    """One line ending in a full stop, unless it already ends a sentence (or a quotation that does)."""
    line = one_line(text)
    if line and not line.rstrip("\"'”’)").endswith((".", "!", "?", ":")):
        line += "."
    return line


def xml_safe(text: str) -> str:
    return _NOT_XML.sub(" ", text)


def writable(path: str | Path) -> Path:
    """The path an export is written to, once its folder is known to exist and take files (E601 otherwise),
    so the work of making the file is not done for nothing."""
    target = Path(path).expanduser()
    folder = target.parent
    if not folder.is_dir():
        raise ExportUnwritable(f"cannot write {target}: there is no folder {folder}")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise ExportUnwritable(f"cannot write {target}: permission denied")
    return target
