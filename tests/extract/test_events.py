"""Events: visits, meetings, signings, councils, forums, exhibitions and milestones (own sentences)."""

import pytest


def kinds(x):
    return {e.type for e in x.events}


@pytest.mark.parametrize("text, expected", [
    ("Губернатор Пермского края Дмитрий Махонин встретился с хокимом Андижанской области "
     "Шухратом Абдурахмоновым.", {"meeting"}),
    ("Пермский край и Наманганская область подписали соглашение о сотрудничестве.", {"signing"}),
    ("Делегация Башкортостана посетила Наманганскую область.", {"visit"}),
    ("В Нижнем Новгороде открылось заседание Совета регионов России и Узбекистана.", {"council"}),
    ("В Ташкенте прошла выставка «Иннопром. Центральная Азия».", {"exhibition"}),
    ("В Казани начал работу форум «Россия — исламский мир».", {"forum"}),
    ("Омский завод в Бухарской области завершил модернизацию энергоцентра.", {"milestone"}),
    # one side only, or plans: no bilateral event
    ("Губернатор Омской области Виталий Хоценко открыл новую школу в Таре.", set()),
    ("Делегация Курганской области посетит Хорезмскую область в мае.", set()),
])
def test_event_kinds(run_text, text, expected):
    assert kinds(run_text(text)) == expected


def test_event_carries_people_codes_and_date(run_text):
    x = run_text("Дата публикации: 2 октября 2025\nГубернатор Омской области Виталий Хоценко "
                 "встретился с хокимом Хорезмской области Фарходом Эрмановым.")
    meeting = next(e for e in x.events if e.type == "meeting")
    assert meeting.date == "2025-10-02"
    assert {"Виталий Хоценко", "Фарход Эрманов", "RU-OMS", "UZ-XO"} <= set(meeting.participants)
    assert meeting.evidence and "встретился" in meeting.evidence[0].sentence


def test_event_place_is_the_venue(run_text):
    x = run_text("В Ташкенте губернатор Самарской области Вячеслав Федорищев встретился с "
                 "хокимом Ташкентской области Зойиром Мирзаевым.")
    meeting = next(e for e in x.events if e.type == "meeting")
    assert meeting.place == "Ташкенте"
