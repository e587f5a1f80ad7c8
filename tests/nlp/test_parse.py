"""Sentences and NER spans of a text (hamkor.nlp.parse), on own texts."""

from hamkor.nlp.parse import names, sentences


def test_a_line_break_ends_a_sentence():
    text = "Заголовок без точки\nПервое предложение. Второе предложение."
    assert [s.text for s in sentences(text)] == ["Заголовок без точки", "Первое предложение.",
                                                  "Второе предложение."]


def test_no_named_span_crosses_a_line_break():
    text = ("Уголь пошел в Сурхандарью\n\nУгольная компания «Сибирский антрацит» из Кузбасса "
            "отправила первые составы. Губернатор Кемеровской области Илья Середюк рассказал о планах.")
    spans = names(text)
    assert spans and all("\n" not in s.text for s in spans)
    assert all(text[s.start : s.stop] == s.text for s in spans)
    assert any(s.type == "PER" and s.text == "Илья Середюк" for s in spans)
