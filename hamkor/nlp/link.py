"""Stage: Parsed → Linked. Needs sentences and NER; adds places and people with jurisdictions.

A person's jurisdiction comes, in order of trust, from the body their title names
(«хокимом Бухарской области» → UZ-BU), from the delegation they lead («делегация
Татарстана во главе с …»), or from context («хоким города» → the city just named).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from hamkor.gazetteer import load as gazetteer
from hamkor.nlp import delegations, names, orgs, spans, titles
from hamkor.nlp.words import Word, fold, is_foreign, is_verb, words
from hamkor.records import Linked, NamedSpan, Parsed, PersonMention, Place, Sentence

REGION_KINDS = {"region", "city", "district", "adjective"}
LOOKBACK = 16  # words between a title and the name it belongs to, at most
STOP = {".", ";", "!", "?", "(", ")", "«", "»", '"', ":", "—", "–"}
QUOTES = {"«", "»", '"'}  # a body may hold a quoted name: «директор компании «Алтай-Агро» Name»
REGIONAL_ADJ = re.compile(r"^(?:областн|краев|региональн)\w*")  # «областного управления»
REGIONAL_BODY = re.compile(r"\b(?:област|кра[йяюе]\b|регион)\w*")
PLURAL = re.compile(r"(?:ов|телей)$")  # «Совета министров», «совета директоров»: a body, not a title


def link(parsed: Parsed) -> Linked:
    text = parsed.article.text
    persons = [u for n in spans.persons(parsed) if (u := spans.untitle(n))]
    kept: list[Place] = []
    for p in gazetteer().find(text):
        if spans.keep_place(p, persons, text, kept[-1] if kept else None):
            kept.append(p)
    places = tuple(kept)
    ctx = _Context(parsed, places)
    people = [m for m in (ctx.person(n) for n in ctx.persons) if m is not None]
    return Linked(parsed=parsed, places=places, people=tuple(ctx.corefer(people)))


class _Context:
    """What the rules need to look up around a name: sentences, places, delegations."""

    def __init__(self, parsed: Parsed, places: tuple[Place, ...]) -> None:
        self.parsed = parsed
        self.text = parsed.article.text
        self.places = places
        self.starts = [s.start for s in parsed.sentences]
        found = [spans.trim(u, places, self.text) for n in spans.persons(parsed) if (u := spans.untitle(n))]
        # a name that is all inside a place is the place («Хоким Андижанского вилоята»)
        self.persons = [n for n in found if not any(p.start <= n.start and n.stop <= p.stop for p in places)]
        self.dominant = dominant(places)
        self.delegations = delegations.count(parsed.sentences, places)
        self.governor_of = delegations.titled_region(self.text, places, "губернатор", "RU")

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def places_in(self, start: int, stop: int) -> list[Place]:
        return [p for p in self.places if start <= p.start and p.stop <= stop]

    # --- one name -----------------------------------------------------------------------

    def person(self, span: NamedSpan) -> PersonMention | None:
        si = self.sentence_index(span.start)
        sent = self.parsed.sentences[si]
        ws = words(self.text[sent.start : sent.stop], sent.start)
        before = [w for w in ws if w.stop <= span.start]
        after = [w for w in ws if w.start >= span.stop]
        found = self._title_before(before)
        # a name stands in its title's case («хокимом … Норматом»; «заместитель председателя …
        # Ольга» in the head's), else as a preposition governs
        hint = names.case_of(_head(found[0]).text if found else before[-1].text) if before else None
        found = found or self._title_after(after)
        name = names.normalize(span.text, hint)
        if name is None or not _looks_like_name(name.full):
            return None
        base = PersonMention(span.start, span.stop, span.text, name.full, sentence=si)
        if found is None:
            return base
        title_words, body_start, body_stop, tw = found
        title = self.text[title_words[0].start : title_words[-1].stop]
        body = self.text[body_start:body_stop].strip(" ,—–-") or None
        norm = titles.normalize([w.text for w in title_words])
        body_words = [w for w in words(body or "") if w.text not in STOP]
        if any(is_foreign(w.text) for w in body_words[:6]) and not self.places_in(body_start, body_stop):
            return replace(base, title=title, title_norm=norm, body=body, foreign=True)
        of, conf = self._jurisdiction(tw, body_start, body_stop, body, span, sent, si)
        if of is None:  # «заместитель премьер-министра Татарстана – министр … Name»
            of, conf = self._dash_title(before, title_words[0].start, span, sent, si) or (of, conf)
        side = of[:2] if of else tw.side
        return replace(base, title=title, title_norm=norm, body=body, of=of, side=side,
                       confidence=conf)

    def _dash_title(self, before: list[Word], start: int, span: NamedSpan, sent: Sentence, si: int
                    ) -> tuple[str | None, int] | None:
        """The jurisdiction of the title before a dash or a comma that runs into this one
        («Министр Правительства Москвы, руководитель Департамента … Name»)."""
        head = [w for w in before if w.stop <= start]
        if not head or head[-1].text not in {"—", "–", "-", ","}:
            return None
        prev = self._title_before(head[:-1])
        if prev is None:
            return None
        tw, body_start, body_stop = prev[3], prev[1], prev[2]
        body = self.text[body_start:body_stop].strip(" ,—–-") or None
        of, conf = self._jurisdiction(tw, body_start, body_stop, body, span, sent, si)
        return (of, conf) if of else None

    def _title_before(self, before: list[Word]) -> tuple[list[Word], int, int, titles.TitleWord] | None:
        """The nearest title word before the name, with the body between them."""
        window = before[-LOOKBACK:]
        i = len(window)
        while i > 0:
            i -= 1
            w = window[i]
            if w.text in QUOTES:
                continue
            if w.text == ")":  # «АО «…» (Республика Каракалпакстан) Name»: a short aside in the body
                opening = [k for k in range(max(0, i - 6), i) if window[k].text == "("]
                if opening:
                    i = opening[-1]
                    continue
            if w.text in STOP and self._same_place(w):
                continue  # «Ханты-Мансийского автономного округа – Югры»: one region's two names
            if w.text in STOP or (w.text[0].islower() and is_verb(w.low)) or self._in_person(w):
                return None
            tw = titles.title_word(w.text)
            if tw is None or (i > 0 and window[i - 1].low == "при") or PLURAL.search(w.low):
                continue
            j = i
            while j > 0 and titles.MODIFIERS.match(window[j - 1].low):
                j -= 1
            while j < i and window[j].low == "и":  # «губернатора и хокима …»: not part of the title
                j += 1
            body_stop = before[-1].stop if i < len(window) - 1 else w.stop
            return window[j : i + 1], w.stop, body_stop, tw
        return None

    def _same_place(self, w: Word) -> bool:
        """A dash between two names of one place."""
        left = [p for p in self.places if p.stop <= w.start and not self.text[p.stop : w.start].strip()]
        right = [p for p in self.places if p.start >= w.stop and not self.text[w.stop : p.start].strip()]
        return w.text in {"—", "–", "-"} and any(a.code == b.code for a in left for b in right)

    def _in_person(self, w: Word) -> bool:
        return any(n.start <= w.start < n.stop for n in self.persons)

    def _title_after(self, after: list[Word]) -> tuple[list[Word], int, int, titles.TitleWord] | None:
        """«Сергей Юров, глава городского округа Балашиха, …»: a title right after the name."""
        if len(after) < 2 or after[0].text not in {",", "—", "–", "("}:
            return None
        j = 1
        while j < len(after) and titles.MODIFIERS.match(after[j].low):
            j += 1
        if j >= len(after) or titles.title_word(after[j].text) is None:
            return None
        tw = titles.title_word(after[j].text)
        assert tw is not None
        k = j + 1
        while k < len(after) and after[k].text not in STOP | {","} and not is_verb(after[k].low):
            k += 1
        stop = after[k - 1].stop if k > j + 1 else after[j].stop
        return after[1 : j + 1], after[j].stop, stop, tw

    def _jurisdiction(self, tw: titles.TitleWord, body_start: int, body_stop: int, body: str | None,
                      span: NamedSpan, sent: Sentence, si: int) -> tuple[str | None, int]:
        inside = [p for p in self.places_in(body_start, body_stop)]
        if inside:
            return inside[0].code, 3
        national = orgs.national(body)
        if national:
            return national, 3
        deleg = delegations.led(span, sent, places=self.places, counts=self.delegations)
        country_only = deleg and "-" not in deleg and REGIONAL_BODY.search(fold(body or ""))
        if deleg and (tw.side is None or deleg.startswith(tw.side)) and not country_only:
            return deleg, 2  # («узбекскую делегацию возглавил хоким области»: the region, below)
        if orgs.refers(body):  # «директор компании»: the company as the text introduced it
            code, foreign = orgs.antecedent(self.text, self.places, body_start, body_stop)
            if code or foreign:
                return code, 2 if code else 0
        if not body and tw.level == "org":  # «… в университете, где … с ректором Name»
            lo = self.parsed.sentences[max(0, si - 1)].start
            code = orgs.nearest(self.text, self.places, lo, body_start)
            if code:
                return code, 1
        low = fold(body or "")
        if tw.side == "RU" and tw.title in {"губернатор", "вице-губернатор", "раис"}:
            return self.governor_of or self.dominant.get("RU"), 1
        if (tw.level == "ministry" or "правительств" in low) and REGIONAL_BODY.search(low):
            # «министр экономики области», «правительства края»: a Russian region's government
            # (Uzbek regions have hokimiyats, not ministers); a region this sentence named
            # before the title first («В Архангельской области, по словам министра региона …»)
            near = self._nearest_before(span.start, si, REGION_KINDS, "RU", back=0)
            return near or self.governor_of or self.dominant.get("RU"), 1
        if tw.side is None and REGIONAL_ADJ.search(low):
            # «начальник областного управления …»: the oblast or krai the text named last
            near = self._nearest_before(span.start, si, {"region"}, None)
            if near:
                return near, 1
        if tw.side == "UZ" or tw.title in {"глава", "мэр"}:
            want = tw.side
            kinds = {"city", "district"} if re.search(r"город|район|туман", low) else REGION_KINDS
            near = self._nearest_before(span.start, si, kinds, want)
            if near:
                return near, 1
            if want:
                return self.dominant.get(want), 1
            if re.search(r"регион|республик|област|кра[йяюе]\b", low):
                after = self._untitled_after(span.stop, si)  # «Глава региона Name …, Башкортостан»
                return (after, 1) if after else (None, 0)
        return None, 0

    def _untitled_after(self, pos: int, si: int) -> str | None:
        """The first region named after a position (this sentence or the next) outside a title."""
        stop = self.parsed.sentences[min(si + 1, len(self.parsed.sentences) - 1)].stop
        for p in self.places:
            if pos <= p.start < stop and "-" in p.code and p.kind in REGION_KINDS:
                head = words(self.text[max(0, p.start - 40) : p.start])[-3:]
                if not any(titles.title_word(w.text) for w in head):
                    return p.code
        return None

    def _nearest_before(self, pos: int, si: int, kinds: set[str], side: str | None,
                        back: int = 2) -> str | None:
        lo = self.parsed.sentences[max(0, si - back)].start
        for p in reversed([p for p in self.places if lo <= p.start < pos]):
            if p.kind in kinds and "-" in p.code and (side is None or p.code.startswith(side)):
                return p.code
        return None

    # --- a title without a name («во главе с губернатором») ------------------------------

    def bare_titles(self) -> list[tuple[titles.TitleWord, str]]:
        """Titles of one side with no name after them, with the jurisdiction they imply."""
        out = []
        for si, sent in enumerate(self.parsed.sentences):
            ws = words(sent.text, sent.start)
            for i, w in enumerate(ws):
                tw = titles.title_word(w.text)
                if tw is None or tw.side is None or tw.level != "regional":
                    continue
                nxt = ws[i + 1 : i + 6]
                if any(self._in_person(x) for x in nxt):
                    continue
                stop = nxt[-1].stop if nxt else w.stop
                fake = NamedSpan(stop, stop, "", "PER")
                of, _ = self._jurisdiction(tw, w.stop, stop, sent.text[w.stop - sent.start : stop - sent.start],
                                           fake, sent, si)
                if of:
                    out.append((tw, of))
        return out

    def corefer(self, people: list[PersonMention]) -> list[PersonMention]:
        """One untitled, often named person and a bare title of one side: the title is theirs."""
        titled = {fold(m.name.split()[-1]) for m in people if m.title}
        untitled = Counter(m.name for m in people if len(m.name.split()) > 1
                           and fold(m.name.split()[-1]) not in titled)
        frequent = [n for n, c in untitled.items() if c >= 2]
        if len(frequent) != 1:
            return people
        bare = self.bare_titles()
        if not bare:
            return people
        tw, of = Counter(bare).most_common(1)[0][0]
        out = list(people)
        i = next(i for i, m in enumerate(out) if m.name == frequent[0])
        m = out[i]
        out[i] = PersonMention(m.start, m.stop, m.text, m.name, title=tw.title, title_norm=tw.title,
                               of=of, side=of[:2], confidence=1, sentence=m.sentence)
        return out


def dominant(places: Sequence[Place]) -> dict[str, str]:
    """The most mentioned region of each side."""
    out: dict[str, str] = {}
    for side in ("RU", "UZ"):
        c = Counter(p.code for p in places if p.code.startswith(side + "-"))
        if c:
            out[side] = c.most_common(1)[0][0]
    return out


def _head(title_words: list[Word]) -> Word:
    """The title word a name after the title agrees with: the first noun of the title."""
    return next((w for w in title_words if titles.title_word(w.text)), title_words[-1])


def _looks_like_name(name: str) -> bool:
    parts = name.split()
    return all(p[:1].isupper() for p in parts) and all(len(p) > 1 for p in parts)
