import review


def test_public_api_is_small_sorted_and_pinned() -> None:
    assert review.__all__ == sorted(review.__all__)
    assert review.__all__ == [
        "Analysis",
        "Block",
        "Box",
        "Clause",
        "ClauseAnalysis",
        "Comment",
        "Document",
        "Finding",
        "IngestError",
        "Intake",
        "Page",
        "Report",
        "ReviewError",
        "RuleSet",
        "Store",
        "TypeScore",
        "Value",
        "analyse",
        "extract_values",
        "load_rules",
        "open_document",
        "read_bytes",
        "review_document",
        "segment",
    ]


def test_error_codes_are_unique() -> None:
    from review import errors

    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.ReviewError)]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes))


def test_import_review_does_not_load_spacy_until_analysis_is_asked_for() -> None:
    import subprocess
    import sys

    code = "import sys, review; print('spacy' in sys.modules); review.analyse; print('spacy' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["False", "True"]


def test_public_api_names_resolve_to_what_they_say_even_after_their_modules_are_imported() -> None:
    import review.extract.values
    import review.ingest
    import review.segment  # a submodule named as a function must not replace it

    for name in review.__all__:
        value = getattr(review, name)
        assert not isinstance(value, type(review)), f"review.{name} is a module"
    assert callable(review.segment) and callable(review.open_document) and callable(review.extract_values)
