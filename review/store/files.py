"""Contract files stored by content: the SHA-256 of the bytes is the name, so a file is stored once, never
overwritten, and checked against its name every time it is read.

    >>> import tempfile
    >>> store = FileStore(Path(tempfile.mkdtemp()))
    >>> digest = store.put(b"%PDF-1.7 ...")
    >>> store.get(digest)
    b'%PDF-1.7 ...'
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from review.errors import StoredFileCorrupt, StoredFileMissing

_HEX = frozenset("0123456789abcdef")


class FileStore:
    """A folder of files named by their SHA-256, two levels deep (ab/cdef...) so no folder grows huge."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, digest: str) -> Path:
        if len(digest) != 64 or not set(digest) <= _HEX:
            raise StoredFileMissing(f"{digest!r} is not a SHA-256 in hexadecimal")
        return self.root / digest[:2] / digest[2:]

    def put(self, data: bytes) -> str:
        """Store the bytes (once) and return their SHA-256. Written to a temporary file and renamed, so a
        process killed mid-write leaves no partial file under the name."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return digest

    def get(self, digest: str) -> bytes:
        """The stored bytes; StoredFileMissing (E401) if absent, StoredFileCorrupt (E402) if they changed."""
        target = self.path(digest)
        try:
            data = target.read_bytes()
        except FileNotFoundError:
            raise StoredFileMissing(f"no stored file {digest[:12]}… in {self.root}") from None
        if hashlib.sha256(data).hexdigest() != digest:
            raise StoredFileCorrupt(
                f"the stored file {digest[:12]}… no longer matches its SHA-256; restore it from a backup"
            )
        return data

    def __contains__(self, digest: str) -> bool:
        return self.path(digest).exists()
