"""Person spans made whole from NER's spans (hamkor.nlp.spans.persons), on own texts.

NER's spans are given by hand, so each row shows one way NER gets a name wrong."""

import pytest

from hamkor.nlp.spans import persons
from hamkor.records import Article, NamedSpan, Parsed


def parsed(text: str, spans: list[tuple[str, str]]) -> Parsed:
    out = []
    for piece, kind in spans:
        at = text.index(piece)
        out.append(NamedSpan(at, at + len(piece), piece, kind))
    return Parsed(article=Article(id="t", source="<t>", text=text), sentences=(), tokens=(),
                  names=tuple(out))


@pytest.mark.parametrize("text, spans, expected", [
    # a full name, patronymic and all, that NER typed as a place or an organisation
    ("Делегацию принял хоким Хорезмской области Фарходом Бахтиёровичем Юлдашевым.",
     [("Хорезмской области", "LOC"), ("Фарходом Бахтиёровичем Юлдашевым", "LOC")],
     ["Фарходом Бахтиёровичем Юлдашевым"]),
    ("Соглашение подписала Дилноза Акмаловна Расулова.", [("Дилноза Акмаловна Расулова", "ORG")],
     ["Дилноза Акмаловна Расулова"]),
    # a name NER started at the patronymic: the first name before it joins it
    ("Встреча с ректором Темуром Алишеровичем Назаровым прошла в Москве.",
     [("Алишеровичем Назаровым", "PER"), ("Москве", "LOC")], ["Темуром Алишеровичем Назаровым"]),
    ("Вузы представляли Гульнора Бахтияровна Мирзаева и другие.",
     [("Бахтияровна Мирзаева", "PER")], ["Гульнора Бахтияровна Мирзаева"]),
    # … also when NER ran the organisation into the name
    ("Слово взял ректор технического университета Саидом Рахимовичем Алиевым.",
     [("технического университета Саидом Рахимовичем Алиевым", "ORG")], ["Саидом Рахимовичем Алиевым"]),
    # not a first name: a title, a place, a word of another case and gender, a lower-case word
    ("Хоким Рустамович Каримов выступил.", [("Рустамович Каримов", "PER")], ["Рустамович Каримов"]),
    ("Делегацию Ташкента Исмоиловичем Сайдуллаевым встретили.", [("Исмоиловичем Сайдуллаевым", "PER")],
     ["Исмоиловичем Сайдуллаевым"]),
    ("Рядом была Натальей Сергеевна Ким.", [("Сергеевна Ким", "PER")], ["Сергеевна Ким"]),
    # NER stopped at «угли»: the patronymic word and the surname after it join the name
    ("Делегацию возглавил хоким района Бобур Алишер угли Рахимов.",
     [("Бобур Алишер", "PER"), ("Рахимов", "PER")], ["Бобур Алишер угли Рахимов"]),
    # NER began at the father's name before «кизи»: the first name before it joins
    ("Делегацию возглавила заместитель хокима Дилноза Рустам кизи Юсупова.",
     [("Рустам кизи Юсупова", "PER")], ["Дилноза Рустам кизи Юсупова"]),
    # a name inside an organisation's name («имени …») is no person
    ("Его принял ректор университета имени Шарофа Рашидова Рустам Халилов.",
     [("Шарофа Рашидова", "PER"), ("Рустам Халилов", "PER")], ["Рустам Халилов"]),
    # … also when NER ran it into the organisation's name
    ("Его принял ректор университета имени Шарофа Рашидова Рустам Халилов.",
     [("университета имени Шарофа Рашидова", "ORG"), ("Рустам Халилов", "PER")], ["Рустам Халилов"]),
    # first name and surname right after the body of a title, typed as a place
    ("Его принял ректор Наманганского университета Бекзодом Юсуповым.",
     [("Наманганского университета", "ORG"), ("Бекзодом Юсуповым", "LOC")], ["Бекзодом Юсуповым"]),
    # … but not a place after an organisation, nor a pair of words not first name and surname
    ("Завод «Уралмаш» Екатеринбургом известен.", [("«Уралмаш»", "ORG"), ("Екатеринбургом", "LOC")], []),
    ("Офис компании «Нур» Ташкент Сити открыт.", [("«Нур»", "ORG"), ("Ташкент Сити", "LOC")], []),
    # a place that is no name of a person stays a place
    ("Делегация посетила Ташкентскую область.", [("Ташкентскую область", "LOC")], []),
])
def test_persons(text, spans, expected):
    got = persons(parsed(text, spans))
    assert [s.text for s in got] == expected
    assert all(text[s.start : s.stop] == s.text and s.type == "PER" for s in got)
