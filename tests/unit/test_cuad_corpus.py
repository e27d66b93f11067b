from review.eval.cuad import TextLocator, file_key


def test_file_key_matches_csv_names_to_files_despite_their_quirks() -> None:
    assert file_key("MOELIS&CO_2014-EX-10.1.pdf") == file_key("MOELIS_CO_2014-EX-10.1.txt")
    assert file_key("KALLOINC-AGREEMENT.PDF'") == file_key("KALLOINC-AGREEMENT.txt")
    assert file_key("NETGEAR AND INGRAM-.pdf ") == file_key("NETGEAR AND INGRAM.txt")


def test_locator_ignores_spacing_and_punctuation_and_splits_on_omitted() -> None:
    text = "1. Term.  The term is\nthree (3) years.\n\n2. Fees. Fees are due monthly."
    locator = TextLocator(text)
    start, end = locator.find("The term is three (3) years")
    assert text[start:end] == "The term is\nthree (3) years"
    spans = locator.spans("The term is three <omitted> Fees are due monthly")
    assert [text[s:e] for s, e in spans] == ["The term is\nthree", "Fees are due monthly"]
