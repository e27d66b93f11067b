from review import read_bytes, segment


def test_text_keeps_the_file_text_so_offsets_match_it() -> None:
    raw = "1. Term.\r\nThe term is one year\r\nand renews.\r\n\r\n2. Fees. Monthly.\r\n"
    document = read_bytes(raw.encode(), path="a.txt")
    assert document.format == "text"
    assert document.text == raw.replace("\r\n", "\n")
    assert [document.block_text(b) for b in document.blocks] == [
        "1. Term.",
        "The term is one year\nand renews.",
        "2. Fees. Monthly.",
    ]
    first = segment(document)[0]
    assert (first.number, first.heading, first.text) == ("1", "Term", "1. Term.\nThe term is one year\nand renews.")


def test_text_starts_a_paragraph_at_each_numbered_line_of_hard_wrapped_text() -> None:
    raw = "1. Term. One year.\n2. Fees. Monthly,\npaid in arrears.\n(a) late fees apply.\n"
    clauses = segment(read_bytes(raw.encode(), path="a.txt"))
    assert [c.number for c in clauses] == ["1", "2", "2(a)"]
    assert clauses[1].text == "2. Fees. Monthly,\npaid in arrears."


def test_text_counts_form_feeds_as_pages() -> None:
    document = read_bytes(b"1. First page.\n\x0c2. Second page.\n", path="a.txt")
    assert len(document.pages) == 2
    assert [b.page_start for b in document.blocks] == [1, 2]


def test_markdown_headings_become_clause_headings() -> None:
    raw = "# Cloud Service Agreement\n\n## 4. Payment\n\nCustomer pays within thirty (30) days.\n"
    document = read_bytes(raw.encode(), path="terms.md")
    assert document.format == "markdown"
    clauses = segment(document)
    payment = next(c for c in clauses if c.number == "4")
    assert payment.heading == "Payment"
    assert "thirty (30) days" in payment.text


def test_text_decodes_windows_1252_and_utf16() -> None:
    assert "“Services”" in read_bytes("“Services” means it.".encode("cp1252"), path="a.txt").text
    assert "Fees" in read_bytes("1. Fees apply.".encode("utf-16"), path="a.txt").text
