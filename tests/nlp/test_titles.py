import pytest

from hamkor.nlp.titles import normalize, title_word


@pytest.mark.parametrize("word, title, side", [
    ("хокимом", "хоким", "UZ"),
    ("Губернатора", "губернатор", "RU"),
    ("главой", "глава", None),
    ("министром", "министр", None),
    ("послом", "посол", None),
    ("Раис", "раис", "RU"),
])
def test_title_words(word, title, side):
    t = title_word(word)
    assert t is not None and t.title == title and t.side == side


@pytest.mark.parametrize("word", ["главный", "область", "послезавтра", "министерство", "директива"])
def test_not_titles(word):
    assert title_word(word) is None


@pytest.mark.parametrize("written, normalized", [
    ("хокимом", "хоким"),
    ("Губернатору", "губернатор"),
    ("генеральным директором", "генеральный директор"),
    ("первым заместителем Председателя", "первый заместитель председателя"),
    ("первого заместителя министра", "первый заместитель министра"),
    ("временно исполняющего обязанности губернатора", "врио губернатор"),
    ("врио хокима", "врио хоким"),
    ("Чрезвычайным и Полномочным Послом", "чрезвычайный и полномочный посол"),
    ("исполнительной директорши", "исполнительный директор"),
    ("замминистра", "заместитель министра"),
    ("вице-губернатором", "вице-губернатор"),
])
def test_normalize(written, normalized):
    assert normalize(written.split()) == normalized
