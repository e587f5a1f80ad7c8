"""Page furniture in plain text: menus, related-article lists, credits, repeated captions.

Works line by line. An *end marker* («Распечатать страницу», «Читайте также» …) ends the
article; *noise lines* (credits, «Подписаться», cookie notices, menus) are dropped
wherever they are; a line repeated verbatim is kept only the first time.
"""

from __future__ import annotations

import re

from hamkor.records import Span

_END = [
    r"распечатать(?: страницу)?", r"версия для печати", r"материалы свежего номера",
    r"читайте (?:также|еще|ещё|другие)", r"смотрите также", r"похожие (?:новости|материалы|статьи)",
    r"другие новости", r"(?:еще|ещё|последние|главные) новости", r"новости по теме",
    r"лента новостей", r"самое (?:читаемое|популярное)", r"популярное", r"рекомендуем",
    r"комментарии(?: \(\d+\))?", r"оставить комментарий", r"новости партнеров",
    r"вам может быть интересно", r"обсуждение", r"подпишитесь на наш",
    r"теги", r"метки", r"ключевые слова",
]
END_MARKER = re.compile(r"^\s*(?:" + "|".join(_END) + r")\s*[:.!…]*\s*$", re.I)
# «Читайте также: <headline>» on one line: a link inside or after the article, not the article.
RELATED_LINE = re.compile(r"^\s*(?:" + "|".join(_END) + r")\s*[:—–-]\s*\S.*$", re.I)

_NOISE = [
    r"©.*", r"\(c\)\s.*", r"фото(?:графия)?\s*[:©].*", r"источник фото.*", r"(?:фото|видео)\s*$",
    r"подписаться", r"поделиться", r"отписаться", r"в закладки", r"нашли ошибку\?.*",
    r".*(?:cookie|куки|cookies).*", r"реклама", r"\d+\+", r"вход|войти|регистрация",
    r"подписывайтесь на .*", r"следите за новостями .*", r"читайте нас в .*",
]
NOISE_LINE = re.compile(r"^\s*(?:" + "|".join(_NOISE) + r")\s*$", re.I)
MENU_LINE = re.compile(r"^[^.!?]*(?:\s[|•·/]\s[^|•·/]+){2,}$")

# An end marker this early is a page header, not the end of the article.
MIN_ARTICLE_CHARS = 200


def strip(text: str) -> tuple[str, tuple[Span, ...]]:
    """The article text without furniture, and the dropped spans (offsets into ``text``)."""
    kept: list[str] = []
    dropped: list[Span] = []
    seen: set[str] = set()
    pos = 0
    kept_chars = 0
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        start, pos = pos, pos + len(line)
        body = line.strip()
        key = " ".join(body.lower().split())
        if not body:
            kept.append(line)
            continue
        if END_MARKER.match(body) and kept_chars >= MIN_ARTICLE_CHARS:
            rest = "".join(lines[i:])
            dropped.append(Span(start, len(text), rest))
            break
        if NOISE_LINE.match(body) or MENU_LINE.match(body) or RELATED_LINE.match(body) or key in seen:
            dropped.append(Span(start, pos, line))
            continue
        if len(key) > 25:
            seen.add(key)
        kept.append(line)
        kept_chars += len(body)
    return _tidy("".join(kept)), tuple(dropped)


def _tidy(text: str) -> str:
    """Collapse runs of blank lines and trailing spaces; keep line structure."""
    text = re.sub(r"[ \t\u00a0]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
