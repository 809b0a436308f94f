import pytest
from django.core.exceptions import ValidationError

from kakehashi.proposals.hs import describe_hs_code, subheadings, validate_hs_code


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("030617", "shrimps and prawns"),
        ("090111", "Coffee; not roasted"),
        ("854231", "processors and controllers"),
        ("852411", "Flat panel display modules"),  # heading 8524 is new in HS 2022
    ],
)
def test_known_subheadings_are_accepted(code, words):
    assert validate_hs_code(code) == code
    assert words in describe_hs_code(code)


def test_dots_and_spaces_are_ignored():
    assert validate_hs_code("0901.11") == "090111"
    assert validate_hs_code(" 0306 17 ") == "030617"


def test_the_list_holds_the_hs_2022_subheadings():
    assert len(subheadings()) == 5612
    assert "999999" not in subheadings()


@pytest.mark.parametrize("code", ["090119", "123456", "999999", "854810", "000000"])
def test_six_digit_codes_that_do_not_exist_are_refused(code):
    # 854810 existed until HS 2017 (moved to heading 8549 in 2022).
    with pytest.raises(ValidationError) as error:
        validate_hs_code(code)
    assert error.value.code == "hs_code_unknown"
    assert error.value.message % error.value.params == (
        f"{code} is not a subheading of the HS 2022 nomenclature."
    )


@pytest.mark.parametrize("code", ["", "0901", "09011", "0901111", "09O111", "abcdef"])
def test_codes_not_made_of_six_digits_are_refused(code):
    with pytest.raises(ValidationError) as error:
        validate_hs_code(code)
    assert error.value.code == "hs_code_format"
