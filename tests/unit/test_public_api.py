import review


def test_public_api_is_small_sorted_and_pinned() -> None:
    assert review.__all__ == sorted(review.__all__)
    assert review.__all__ == [
        "Block",
        "Box",
        "Clause",
        "Comment",
        "Document",
        "IngestError",
        "Page",
        "ReviewError",
        "open_document",
        "read_bytes",
        "segment",
    ]


def test_error_codes_are_unique() -> None:
    from review import errors

    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.ReviewError)]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes))
