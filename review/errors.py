"""One exception tree with stable codes, so the CLI, the GUI and the logs say the same thing.

    ReviewError                       every error the library raises on purpose
    ├── IngestError (E1xx)            a contract file could not be read
    │   ├── FileMissing        E101   no such file, or not readable
    │   ├── EmptyFile          E102   zero bytes or no text at all
    │   ├── UnsupportedFormat  E103   not a PDF, DOCX or text file
    │   ├── LegacyWordFormat   E104   .doc from Word 97-2003
    │   ├── RtfFormat          E105   Rich Text Format
    │   ├── ImageFormat        E106   a picture (PNG, JPEG, TIFF, ...) rather than a document
    │   ├── CorruptPdf         E110   truncated or damaged PDF
    │   ├── EncryptedDocument  E111   the file needs a password (none or a wrong one given)
    │   ├── OcrUnavailable     E112   a scanned PDF and Tesseract is not installed
    │   ├── OcrFailed          E113   Tesseract ran but failed
    │   ├── CorruptDocx        E120   damaged DOCX (bad zip or XML)
    │   ├── DocxTooLarge       E121   the DOCX would expand past the size limit (zip bomb)
    │   └── TooManyPages       E130   over the configured page limit
    ├── RulesError (E2xx)             a rule or clause-type file under rules/ could not be loaded
    │   ├── RuleSyntaxError    E201   the file is not valid YAML (or not UTF-8)
    │   ├── RuleSchemaError    E202   the file does not match its JSON Schema (unknown key, wrong type, ...)
    │   ├── InvalidPattern     E203   a spaCy token pattern or phrase is invalid or repeated
    │   ├── TaxonomyConflict   E204   a type is duplicated or missing (id vs file name, CUAD coverage)
    │   └── RuleConflict       E205   a rule or pack is duplicated, misnamed or missing (id vs file name, pack.yaml)
    ├── IntakeInvalid          E220   an intake file has an unknown key or a bad value (the key is named)
    ├── SbomInvalid            E221   a software bill of materials is not CycloneDX or SPDX JSON
    ├── WorkflowError (E3xx)          a step the case's workflow does not allow
    │   ├── TransitionRefused  E301   the move is not in the transition table, or a waiver has no reason
    │   └── PermissionRefused  E302   the user's role does not allow the action (it is recorded all the same)
    ├── StoreError (E4xx)             the database or the stored contract files
    │   ├── StoredFileMissing  E401   a stored contract file is not there (or the name is not a SHA-256)
    │   ├── StoredFileCorrupt  E402   a stored contract file no longer matches its SHA-256
    │   ├── DatabaseUnavailable E403  the database URL is not valid, or the database cannot be reached
    │   ├── RecordMissing      E404   no such case, finding, version or user
    │   ├── ConcurrentChange   E405   someone else changed the record since it was read; nothing was overwritten
    │   └── RecordExists       E406   the name is taken (a user)
    ├── ModelError (E5xx)             the learned components or a labelled corpus could not be used
    │   ├── ModelMissing       E501   a trained model file is missing or damaged
    │   ├── TrainingUnavailable E502  training needs scikit-learn, which is not installed
    │   └── CorpusInvalid      E510   a folder given as a corpus does not have the dataset's layout
    └── ExportError (E6xx)            a memo, redline or data file could not be written
        └── ExportUnwritable   E601   no such folder, or no permission to write there

Each code is stable: scripts and the GUI may match on it. A message is one line a reviewer understands,
and says what to do where there is something to do. A RulesError also names the file and the line, so the
person editing rules/ can go straight to the mistake.
"""

from __future__ import annotations


class ReviewError(Exception):
    """Base of every error the library raises on purpose; `code` is stable, `message` is one line."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class IngestError(ReviewError):
    code = "E100"


class FileMissing(IngestError):
    code = "E101"


class EmptyFile(IngestError):
    code = "E102"


class UnsupportedFormat(IngestError):
    code = "E103"


class LegacyWordFormat(IngestError):
    code = "E104"


class RtfFormat(IngestError):
    code = "E105"


class ImageFormat(IngestError):
    code = "E106"


class CorruptPdf(IngestError):
    code = "E110"


class EncryptedDocument(IngestError):
    code = "E111"


class OcrUnavailable(IngestError):
    code = "E112"


class OcrFailed(IngestError):
    code = "E113"


class CorruptDocx(IngestError):
    code = "E120"


class DocxTooLarge(IngestError):
    code = "E121"


class TooManyPages(IngestError):
    code = "E130"


class RulesError(ReviewError):
    """A file under rules/ could not be loaded; `path` and `line` (1-based) say where, when known."""

    code = "E200"

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        where = f"{path}, line {line}: " if path and line else f"{path}: " if path else ""
        super().__init__(where + message)
        self.path = path
        self.line = line


class RuleSyntaxError(RulesError):
    code = "E201"


class RuleSchemaError(RulesError):
    code = "E202"


class InvalidPattern(RulesError):
    code = "E203"


class TaxonomyConflict(RulesError):
    code = "E204"


class RuleConflict(RulesError):
    code = "E205"


class WorkflowError(ReviewError):
    code = "E300"


class TransitionRefused(WorkflowError):
    code = "E301"


class PermissionRefused(WorkflowError):
    code = "E302"


class StoreError(ReviewError):
    code = "E400"


class StoredFileMissing(StoreError):
    code = "E401"


class StoredFileCorrupt(StoreError):
    code = "E402"


class DatabaseUnavailable(StoreError):
    code = "E403"


class RecordMissing(StoreError):
    code = "E404"


class ConcurrentChange(StoreError):
    code = "E405"


class RecordExists(StoreError):
    code = "E406"


class IntakeInvalid(ReviewError):
    code = "E220"


class SbomInvalid(ReviewError):
    code = "E221"


class ModelError(ReviewError):
    code = "E500"


class ModelMissing(ModelError):
    code = "E501"


class TrainingUnavailable(ModelError):
    code = "E502"


class CorpusInvalid(ModelError):
    code = "E510"


class ExportError(ReviewError):
    code = "E600"


class ExportUnwritable(ExportError):
    code = "E601"
