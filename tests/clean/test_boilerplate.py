from hamkor.clean.boilerplate import strip

BODY = ("Делегация Пензенской области посетила Самарканд. " * 6).strip()


def test_end_marker_cuts_the_rest():
    text = BODY + "\n\nРаспечатать страницу\n\nДругие новости\nГубернатор Бурятии открыл мост\n"
    clean, dropped = strip(text)
    assert "Бурятии" not in clean and clean.endswith("Самарканд.")
    assert dropped


def test_noise_lines_and_repeated_captions_go():
    caption = "Участники встречи на площадке технопарка в Казани"
    text = "\n".join(["Подписаться", "© Пресс-служба хокимията", caption, BODY, caption,
                      "Мы используем файлы cookie, чтобы сайт работал лучше", "Главная | Новости | Регионы | Контакты"])
    clean, _ = strip(text)
    assert clean.count(caption) == 1
    for gone in ("Подписаться", "©", "cookie", "Главная"):
        assert gone not in clean


def test_an_early_marker_is_a_header_not_the_end():
    text = "Читайте также\n" + BODY
    clean, _ = strip(text)
    assert BODY in clean


def test_a_related_headline_on_the_marker_line_goes_alone():
    text = (BODY + "\nЧитайте также: Губернатор Челябинской области посетил Ташкент\n"
            "Делегация также побывала в Бухаре.\nТеги: Узбекистан, Пенза")
    clean, _ = strip(text)
    assert "Челябинской" not in clean and "Теги" not in clean
    assert "побывала в Бухаре" in clean
