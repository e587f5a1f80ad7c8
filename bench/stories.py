"""Near-duplicate stories: what finding an article's copies costs in the KB, and how well.

    python bench/stories.py [--sizes 1000,10000] [--copies 0.3]

For each size, a fresh SQLite KB (temporary) gets that many invented news texts built from a
pool of sentence templates with random regions, people, sectors and figures (two texts on one
topic share whole phrases, as real ones do), and a share of copies of them: reprints with an
outlet's header and footer and a few edited words, and shortened reprints (the first 60 %).
Each article is stored in a transaction of its own through ``stories.place`` (the ingest path).

- cost: ms per article for ``place``, beside a baseline measured in the same run: the same
  transactions storing only the signature (shingles, MinHash, one row), with no search;
- candidates per article (articles sharing a band key) and the copies among them;
- recall: copies that joined their original's story; false joins: originals that share a
  story with another original (their texts are distinct stories).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select, text  # noqa: E402

from hamkor.clean import fingerprint as fp  # noqa: E402
from hamkor.kb import db, stories  # noqa: E402
from hamkor.kb import schema as s  # noqa: E402

RU = ["Омской", "Самарской", "Тверской", "Курской", "Пензенской", "Томской", "Рязанской",
      "Калужской", "Ярославской", "Вологодской", "Иркутской", "Тульской"]
UZ = ["Бухарской", "Навоийской", "Самаркандской", "Хорезмской", "Ферганской", "Джизакской",
      "Наманганской", "Андижанской", "Кашкадарьинской", "Сырдарьинской"]
SECTORS = ["текстильной промышленности", "сельского хозяйства", "туризма", "энергетики",
           "образования", "здравоохранения", "строительства", "логистики", "фармацевтики"]
NAMES = ["Сомов", "Каримов", "Петров", "Юсупов", "Орлов", "Рахимов", "Зуев", "Саидов",
         "Лебедев", "Турсунов", "Волков", "Назаров"]
# Sentences with [alternative|wordings] and {slots}: texts on one topic share phrases, not
# whole paragraphs, as two outlets' own reports of one kind of event do.
TEMPLATES = [
    "[Губернатор|Глава] {ru} области {n1} [провел переговоры|встретился|провел встречу] с "
    "[хокимом|главой администрации] {uz} области {n2}.",
    "[Стороны|Партнеры|Участники] [обсудили|рассмотрели|наметили] [расширение|развитие|углубление] "
    "[сотрудничества|связей|кооперации] в [сфере|области] {s1} и {s2}.",
    "[По итогам встречи|В ходе визита|На встрече] [подписано|заключено|парафировано] "
    "[соглашение|меморандум|дорожная карта] на {y}–{y2} годы.",
    "[Товарооборот|Объем торговли|Взаимная торговля] [между регионами|двух регионов] за {y} год "
    "[составил|достиг|превысил] {v} млн долларов.",
    "[Делегация|Гости|Члены делегации] [посетили|осмотрели|побывали на] [предприятия|заводы|"
    "производства] {s1} [и встретились с|а также пообщались с] [предпринимателями|"
    "представителями бизнеса|фермерами] {uz} области.",
    "{n1} [отметил|подчеркнул|заявил], что [регионы|наши области|{ru} и {uz} области] "
    "[связывают|объединяют] [давние|крепкие|многолетние] [дружеские|деловые|партнерские] "
    "[отношения|связи].",
    "[Планируется|Решено|Предложено] [открыть|создать|учредить] [торговый дом|представительство|"
    "выставочный центр] {uz} области в {city} [уже в {m}|до конца года|в {y2} году].",
    "[Особое|Отдельное|Большое] внимание [уделили|было уделено] [подготовке кадров|обучению "
    "специалистов|стажировкам молодежи] для [отрасли|сферы] {s1}.",
    "[Заключены|Подписаны|Согласованы] [экспортные|торговые|инвестиционные] [контракты|"
    "договоры|сделки] на [сумму|общую сумму] {v} млн долларов.",
    "[Хоким|Глава] {uz} области {n2} [пригласил|позвал] [партнеров|коллег|гостей] на "
    "[ярмарку|форум|выставку] {s2} в {m}.",
    "[Стороны договорились|Решено|Участники согласились] [создать|сформировать] "
    "[совместную рабочую группу|межрегиональный штаб|совет по сотрудничеству] по {s1}.",
    "В {m} в {city} [пройдет|состоится|откроется] [форум|конгресс|выставка] "
    "[межрегионального сотрудничества|деловых кругов|производителей {s2}].",
    "[Речь шла также|Обсуждался также вопрос|Стороны говорили и] о [запуске|открытии|"
    "возобновлении] [прямого авиарейса|грузового поезда|автобусного маршрута] {city} — "
    "{uzcity}.",
    "[Вузы|Колледжи|Университеты] [двух регионов|{ru} и {uz} областей] [подписали|заключили] "
    "[меморандум|соглашение|договор] об [обмене студентами|совместных программах|"
    "двойных дипломах] по {s1}.",
    "[Запущено|Открыто|Налажено] [совместное|новое] производство {s2} [мощностью|объемом] {v} "
    "тысяч [тонн|единиц|комплектов] в год.",
    "[Министр|Заместитель губернатора по вопросам] {s1} {ru} области {n3} [представил|"
    "презентовал] [инвестиционные проекты|планы развития|новые инициативы] на {v} млн рублей.",
    "[Участники встречи|Стороны|Эксперты] [отметили|зафиксировали] рост [поставок|экспорта|"
    "закупок] [овощей и фруктов|текстиля|удобрений|строительных материалов] на {p} процентов.",
    "[Уже|Ориентировочно|Ожидается, что] в {m} в {uzcity} [прибудет|приедет] [делегация|"
    "бизнес-миссия|группа] [деловых кругов|предпринимателей|экспортеров] {ru} области.",
    "[Проект|Программа|Инициатива] [реализуется|осуществляется] при [поддержке|участии] "
    "[правительства|администрации|фонда развития] {ru} области с бюджетом {v} млн рублей.",
]
CITIES = ["Омске", "Самаре", "Твери", "Курске", "Пензе", "Томске", "Рязани", "Калуге",
          "Ярославле", "Вологде", "Иркутске", "Туле"]
UZCITIES = ["Бухара", "Навои", "Самарканд", "Ургенч", "Фергана", "Джизак", "Наманган",
            "Андижан", "Карши", "Гулистан"]
HEADER = "Новости партнеров."  # the reprinting outlet's own first line
MONTHS = ["январе", "феврале", "марте", "апреле", "мае", "июне", "сентябре", "октябре", "ноябре"]
EDITS = [("области", "обл."), ("млн", "миллионов"), ("Стороны", "Партнеры"), ("года", "г."),
         ("сотрудничества", "взаимодействия"), (" и ", " а также ")]


def _original(rng: random.Random) -> str:
    slots = {"ru": rng.choice(RU), "uz": rng.choice(UZ), "s1": rng.choice(SECTORS),
             "s2": rng.choice(SECTORS), "n1": rng.choice(NAMES), "n2": rng.choice(NAMES),
             "n3": rng.choice(NAMES), "y": rng.randint(2019, 2026), "m": rng.choice(MONTHS),
             "v": round(rng.uniform(1, 900), 1)}
    slots["y2"] = slots["y"] + rng.randint(1, 4)
    slots |= {"city": rng.choice(CITIES), "uzcity": rng.choice(UZCITIES), "p": rng.randint(5, 60)}
    chosen = rng.sample(TEMPLATES, rng.randint(10, 19))  # 150–300 words, as news runs
    return " ".join(_fill(rng, t).format(**slots) for t in chosen)


def _fill(rng: random.Random, template: str) -> str:
    """The template with one of each [a|b|c] chosen."""
    return re.sub(r"\[([^\]]*)\]", lambda m: rng.choice(m.group(1).split("|")), template)


def _copy(rng: random.Random, original: str) -> str:
    if rng.random() < 0.5:  # shortened: the first 60 %
        sentences = original.split(". ")
        return ". ".join(sentences[: max(2, int(len(sentences) * 0.6))]) + "."
    out = original
    for old, new in rng.sample(EDITS, 2):
        out = out.replace(old, new)
    return f"{HEADER} {out} Читайте нас в мессенджерах."


def corpus(n: int, share: float, seed: int = 1) -> list[tuple[str, str, date, str | None]]:
    """(id, text, day, the original's id for a copy); copies follow their original."""
    rng = random.Random(seed)
    out = []
    start = date(2024, 1, 1)
    for i in range(n):
        day = start + timedelta(rng.randrange(700))
        text = _original(rng)
        aid = f"o{i:06d}"
        out.append((aid, text, day, None))
        if rng.random() < share:
            out.append((f"c{i:06d}", _copy(rng, text), day + timedelta(rng.randint(0, 3)), aid))
    return out


def _articles(engine, items) -> None:
    rows = [{"id": aid, "source": aid, "text": t, "published": day, "checksum": aid,
             "extractor": "bench", "status": "ok"} for aid, t, day, _ in items]
    with engine.begin() as conn:
        conn.execute(s.articles.insert(), rows)


def run(n: int, share: float) -> None:
    items = corpus(n, share)
    with tempfile.TemporaryDirectory() as tmp:
        base = db.engine(f"sqlite:///{tmp}/base.sqlite")
        _articles(base, items)
        started = time.perf_counter()
        for aid, t, day, _ in items:
            with db.writer(base).begin() as conn:
                sig = fp.signature(t)
                conn.execute(s.story_signatures.insert().values(
                    article_id=aid, signature=sig.to_bytes(), day=day.toordinal()))
        took_base = time.perf_counter() - started
        base.dispose()

        engine = db.engine(f"sqlite:///{tmp}/kb.sqlite")
        _articles(engine, items)
        started = time.perf_counter()
        for aid, t, day, _ in items:
            with db.writer(engine).begin() as conn:
                stories.place(conn, aid, t, day)
        took = time.perf_counter() - started
        with engine.connect() as conn:
            story = dict(conn.execute(select(s.articles.c.id, s.articles.c.story)).all())
            pairs = conn.execute(text(
                "SELECT count(*) FROM (SELECT DISTINCT a.article_id, b.article_id FROM story_bands a "
                "JOIN story_bands b ON a.key = b.key AND a.article_id < b.article_id "
                "AND abs(a.day - b.day) <= :days) AS p"), {"days": stories.DAYS}).scalar()
            sizes = list(conn.execute(select(func.count()).select_from(s.articles)
                                      .group_by(s.articles.c.story)).scalars())
        engine.dispose()
    copies = [(aid, orig, t.startswith(HEADER)) for aid, t, _, orig in items if orig]
    found = sum(story[aid] == story[orig] for aid, orig, _ in copies)
    kinds = {kind: [story[a] == story[o] for a, o, edited in copies if edited == (kind == "edited")]
             for kind in ("edited", "shortened")}
    originals = [aid for aid, _, _, orig in items if orig is None]
    by_story: dict[str, int] = {}
    for aid in originals:
        by_story[story[aid]] = by_story.get(story[aid], 0) + 1
    false = sum(k for k in by_story.values() if k > 1)
    total = len(items)
    print(f"\n{n} originals + {len(copies)} copies ({total} articles)")
    print(f"  place     {took / total * 1000:7.2f} ms/article   {total / took:8.0f} articles/s")
    print(f"  baseline  {took_base / total * 1000:7.2f} ms/article   (signature row only)   "
          f"ratio {took / took_base:5.2f}")
    print(f"  candidates {2 * pairs / total:6.2f} per article (sharing a band key, within "
          f"{stories.DAYS} days)")
    print(f"  recall    {found}/{len(copies)} copies joined their original "
          f"({found / max(1, len(copies)):.3f}): " + ", ".join(
              f"{k} {sum(v)}/{len(v)}" for k, v in kinds.items()))
    print(f"  false     {false}/{len(originals)} originals share a story with another original")
    print(f"  stories   {len(sizes)}; largest {max(sizes)} articles; "
          f"median {statistics.median(sizes):g}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated original counts")
    ap.add_argument("--copies", type=float, default=0.3, help="share of originals reprinted")
    args = ap.parse_args()
    for n in (int(x) for x in args.sizes.split(",")):
        run(n, args.copies)


if __name__ == "__main__":
    main()
