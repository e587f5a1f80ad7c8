"""Links, meetings, agreements and metrics on sentences written for these tests."""

import pytest


def links(x):
    return {(k.ru, k.uz) for k in x.links}


@pytest.mark.parametrize("text, expected", [
    # a meeting of officials
    ("Губернатор Пермского края Дмитрий Махонин встретился с хокимом Андижанской области "
     "Шухратом Абдурахмоновым.", {("RU-PER", "UZ-AN")}),
    # a delegation visiting sites in two regions
    ("Делегация Башкортостана посетила текстильные предприятия в Наманганской и Ферганской областях.",
     {("RU-BA", "UZ-NG"), ("RU-BA", "UZ-FA")}),
    # a joint project: an enterprise of one side builds for the other
    ("Новосибирский завод завершил строительство насосной станции в Хорезмской области.",
     {("RU-NVS", "UZ-XO")}),
    # trade with the country as a whole
    ("Товарооборот Курской области с Узбекистаном в 2024 году вырос на 12 процентов.",
     {("RU-KRS", "UZ")}),
    # a place the delegation only plans to go to is no partner yet
    ("Делегация Пензенской области осмотрела Навоийский горно-металлургический комбинат, а "
     "завтра отправится в Самарканд для встреч с фермерами.", {("RU-PNZ", "UZ-NW")}),
    # equipment installed by a company of one side in a region of the other
    ("Красноярская компания смонтировала котельную на текстильной фабрике в Джизакской области.",
     {("RU-KYA", "UZ-JI")}),
    # who opened a plenary session and who spoke at it built nothing together
    ("Пленарную сессию открыл губернатор Оренбургской области Евгений Солнцев, с докладом "
     "выступил заместитель министра энергетики Узбекистана Бобур Салимов.", set()),
    # talks that did not happen are no link; «не только» denies nothing
    ("Конкретные договорённости с Узбекистаном Оренбургская область пока не обсуждала.", set()),
    ("Омская область и Бухарская область не только обсудили поставки, но и подписали соглашение.",
     {("RU-OMS", "UZ-BU")}),
    ("Губернатор Омской области и хоким Бухарской области не впервые встречаются.", {("RU-OMS", "UZ-BU")}),
    # the city where the talks were held is no party to them
    ("Делегация Ивановской области провела переговоры в Ташкенте.", set()),
    # a city passed through on the way is no party
    ("Самаркандскую область посетила делегация Татарстана, добиравшаяся с пересадкой в Москве.",
     {("RU-TA", "UZ-SA")}),
    # a hope for trade is not trade
    ("Липецкая область рассчитывает в будущем наладить поставки сахара в Узбекистан.", set()),
    # an invitation is not a link
    ("Губернатор Тюменской области пригласил делегацию Кашкадарьинской области на форум.", set()),
    # a multilateral event links nobody by itself
    ("В Казани открылся форум «Россия — исламский мир», в нём участвуют делегации из Узбекистана.",
     set()),
    # the host who greets a forum's participants is linked to no one for it
    ("Губернатор Омской области Виталий Хоценко приехал в Ташкент на межрегиональный форум. "
     "Участников форума приветствовал хоким города Ташкента Шавкат Умурзаков.", set()),
    # domestic news
    ("Губернатор Омской области Виталий Хоценко открыл новую школу в Таре.", set()),
])
def test_links(run_text, text, expected):
    assert links(run_text(text)) == expected


def test_general_relations_yield_to_a_specific_partner(run_text):
    x = run_text("Делегация Липецкой области прибыла в Узбекистан. Глава Липецкой области "
                 "Игорь Артамонов провёл переговоры с хокимом Сырдарьинской области Иваном Ивановым.")
    assert links(x) == {("RU-LIP", "UZ-SI")}


def test_every_meeting_links_its_people(run_text):
    # «он встретился с …»: the meeting is found across sentences, and so is its link
    x = run_text("Ректор Томского университета Андрей Зуев и хоким Бухарской области Ботир Зарипов "
                 "открыли учебный центр. На открытии был генеральный консул Узбекистана "
                 "в Новосибирске Шавкат Салимов. Перед церемонией он встретился с Зуевым.")
    assert {frozenset(m.people) for m in x.meetings} >= {frozenset({"Андрей Зуев", "Шавкат Салимов"})}
    assert ("RU-TOM", "UZ") in links(x)
    basis = next(k.basis for k in x.links if (k.ru, k.uz) == ("RU-TOM", "UZ"))
    assert "meeting" in basis


def test_meeting_of_three_gives_every_cross_pair(run_text):
    x = run_text("В Ташкенте состоялась встреча президента Узбекистана Шавката Мирзиёева с "
                 "губернатором Оренбургской области Евгением Солнцевым и министром "
                 "промышленности России Антоном Алихановым.")
    pairs = {frozenset(m.people) for m in x.meetings}
    assert pairs == {frozenset({"Шавкат Мирзиёев", "Евгений Солнцев"}),
                     frozenset({"Шавкат Мирзиёев", "Антон Алиханов"})}


@pytest.mark.parametrize("text, expected", [
    ("Правительство Чувашии и хокимият Самаркандской области подписали соглашение о сотрудничестве "
     "на 2025–2027 годы.", {("agreement", frozenset({"RU-CU", "UZ-SA"}), 2025, 2027)}),
    ("Между Астраханской областью и Республикой Каракалпакстан подписан меморандум о "
     "взаимопонимании.", {("memorandum", frozenset({"RU-AST", "UZ-QR"}), None, None)}),
    ("Стороны утвердили дорожную карту Ульяновской и Джизакской областей до 2028 года.",
     {("roadmap", frozenset({"RU-ULY", "UZ-JI"}), None, 2028)}),
    ("Министерство экономического развития России и Министерство экономики Узбекистана "
     "подписали план мероприятий на 2026 год.", {("plan", frozenset({"RU", "UZ"}), 2026, 2026)}),
    ("Соглашение между Ярославской и Навоийской областями планируется подписать осенью.", set()),
])
def test_agreements(run_text, text, expected):
    got = {(a.kind, frozenset(a.parties), a.start_year, a.end_year) for a in run_text(text).agreements}
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("Товарооборот Курской области с Узбекистаном в 2024 году вырос на 12,5 процента.",
     ("RU-KRS", "UZ", "trade_turnover", "2024", 12.5, "%")),
    ("Экспорт Челябинской области в Узбекистан за первое полугодие 2025 года составил "
     "233 млн долларов.", ("RU-CHE", "UZ", "export", "2025-H1", 233e6, "USD")),
    ("Товарооборот Татарстана с Узбекистаном в I квартале 2025 года увеличился в 1,5 раза.",
     ("RU-TA", "UZ", "trade_turnover", "2025-Q1", 50.0, "%")),
    ("Товарооборот Самарской области с Узбекистаном за январь–сентябрь 2025 года достиг "
     "$1,2 млрд.", ("RU-SAM", "UZ", "trade_turnover", "2025-09", 1.2e9, "USD")),
])
def test_metrics(run_text, text, expected):
    got = [(m.subject, m.counterpart, m.indicator, m.period, m.value, m.unit)
           for m in run_text(text).metrics]
    assert len(got) == 1
    assert got[0][:4] == expected[:4] and got[0][5] == expected[5]
    assert got[0][4] == pytest.approx(expected[4], rel=0.01)


@pytest.mark.parametrize("text, expected", [
    # a meeting with «хоким области» unnamed: the region just named
    ("В. Владимиров, губернатор Ставропольского края, посетил Андижан и встретился с хокимом области.",
     {("RU-STA", "UZ-AN")}),
    # national companies are their country
    ("Председатель правления АО «Узбекистон темир йуллари» Хусниддин Хасанов и генеральный директор "
     "ОАО «РЖД» Олег Белов провели переговоры в Москве.", {("RU", "UZ")}),
    # an ambassador meeting a hokim: the country and the region
    ("Посол России в Узбекистане Алексей Ерхов провел встречу с хокимом Наманганской области "
     "Шавкатом Абдуразаковым.", {("RU", "UZ-NG")}),
    # a company of one side builds in the other
    ("Сотрудники компании «Уралхим» из Перми построили цех в Чирчике.", {("RU-PER", "UZ-TO")}),
    # «Делегация посетила …»: the delegation the text just introduced
    ("В состав делегации Омской области вошли министр сельского хозяйства Андрей Иванов и министр "
     "промышленности Олег Петров. Делегация посетила Хорезмскую область.", {("RU-OMS", "UZ-XO")}),
    # third countries link nobody, and their documents and trade are not ours
    ("Губернатор Оренбургской области Евгений Солнцев встретился с акимом Актюбинской области Асхатом "
     "Шахаровым. Стороны подписали соглашение о сотрудничестве на 2025–2027 годы.", set()),
    ("Хоким Самаркандской области Эркинжон Турдимов провел переговоры с губернатором провинции Шэньси "
     "Чжао Ганом. Стороны подписали меморандум.", set()),
    ("Посол Узбекистана в Казахстане Ойбек Усманов встретился с акимом Алматы Ерболатом Досаевым.", set()),
    # a visit to a city as such is no interaction
    ("Депутат Законодательного собрания Ленинградской области Иван Смирнов прибыл в Хиву.", set()),
    # a plan to sign is not a document
    ("Хоким Бухарской области Ботир Зарипов отметил, что регион готов подписать соглашение с "
     "Омской областью.", set()),
])
def test_links_more(run_text, text, expected):
    assert links(run_text(text)) == expected
