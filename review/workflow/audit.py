"""The audit trail's chain: each event's hash covers its content and the hash before it, so changing or
removing any stored event breaks every hash after it, and `verify` names the first event that no longer fits.

>>> first = chain_hash(GENESIS, {"actor": "ana", "action": "submit", "case": 1, "at": "2026-11-27T10:00:00+00:00"})
>>> second = chain_hash(first, {"actor": "bo", "action": "decide", "case": 1, "at": "2026-11-27T11:00:00+00:00"})
>>> verify([(1, {"actor": "ana", "action": "submit", "case": 1, "at": "2026-11-27T10:00:00+00:00"}, GENESIS, first),
...         (2, {"actor": "bo", "action": "decide", "case": 1, "at": "2026-11-27T11:00:00+00:00"}, first, second)])
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


def chain_hash(previous: str, content: Mapping[str, Any]) -> str:
    """SHA-256 over the previous hash and the event's content in canonical JSON (sorted keys, no spaces)."""
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(f"{previous}\n{canonical}".encode()).hexdigest()


def verify(events: Iterable[tuple[int, Mapping[str, Any], str, str]]) -> int | None:
    """The id of the first event that was changed, removed from before, or inserted; None if the chain holds.

    `events` are (id, content, previous_hash, hash) in the order they were appended.
    """
    previous = GENESIS
    for event_id, content, stored_previous, stored_hash in events:
        if stored_previous != previous or chain_hash(previous, content) != stored_hash:
            return event_id
        previous = stored_hash
    return None


def event_content(at: datetime, actor: str, action: str, case_id: int | None, payload: Mapping[str, Any]) -> dict:
    """What an event's hash covers. The time is written in UTC whether or not the database kept its zone
    (SQLite does not), so the stored event hashes the same when it is read back."""
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return {"at": at.isoformat(), "actor": actor, "action": action, "case": case_id, "payload": dict(payload)}
