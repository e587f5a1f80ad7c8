"""Trigger words of the extraction rules, as regular expressions over lower-cased text (ё → е).

Each constant is one kind of evidence a sentence can carry; the rules in this package
combine them. Kept here so the vocabulary is read and reviewed in one place.
"""

from __future__ import annotations

import re


def rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.I)


# Representatives met or talked.
MEETING = rx(
    r"\bвстреч\w*", r"\bвстрети\w*", r"\bпереговор\w*", r"\bбесед\w*", r"\bвидеоконференц\w*",
    r"\bвидеосвяз\w*", r"\bвидеозвон\w*", r"\bтелефонн\w+\s+разговор\w*", r"\bсозвонил\w*", r"\bобсудил\w*", r"\bобсуждал\w*", r"\bобсуждени\w*",
    r"\bпринял\w*\s+(?:\w+\s+){0,2}(?:делегаци|посла|посол|хоким|губернатор|глав|министр|мэр|руковод|"
    r"гост|раис|президент|председател|замест|вице|ректор|директор|уполномоченн)\w*",
    r"\b(?:гост\w*|делегаци\w*|его|ее|их)\s+(?:\w+\s+)?принял\w*",
    r"\bприветствова\w*", r"\bпровел\w* (?:\w+ )?(?:консультаци|совещани|заседани)\w*",
)
# One side went to the other.
VISIT = rx(
    r"\bвизит\w*", r"\bпосети\w*", r"\bпосещени\w*", r"\bпосетив\b", r"\bпобывал\w*", r"\bприбыл\w*",
    r"\bпоездк\w*", r"\bосмотрел\w*", r"\bознакомил\w*", r"\bознакомлени\w*", r"\bзнакомств\w*",
    r"\bпосетил\w*",
)
# Things one visits: a visit to these in a region links to that region.
SITE = rx(
    r"\bпарк\w*", r"\bпромпарк\w*", r"\bзавод\w*", r"\bпредприяти\w*", r"\bкомбинат\w*", r"\bфабрик\w*",
    r"\bпроизводств\w*", r"\bкластер\w*", r"\bзон\w*", r"\bуниверситет\w*", r"\bинститут\w*",
    r"\bвуз\w*", r"\bшкол\w*", r"\bколледж\w*", r"\bцентр\w*", r"\bхокимият\w*", r"\bмэри\w*",
    r"\bадминистраци\w*", r"\bправительств\w*", r"\bминистерств\w*", r"\bобъект\w*",
    r"\bплощадк\w*", r"\bстройк\w*", r"\bтеплиц\w*", r"\bхозяйств\w*", r"\bагрокомплекс\w*",
    r"\bпорт\w*", r"\bтерминал\w*", r"\bбольниц\w*", r"\bклиник\w*", r"\bмузе\w*", r"\bкомпани\w*",
    r"\bхолдинг\w*", r"\bкорпораци\w*", r"\bрудник\w*", r"\bкарьер\w*", r"\bэлектростанц\w*",
)
# A document between the sides: the noun and its kind.
DOCUMENTS: list[tuple[str, re.Pattern[str]]] = [
    ("roadmap", re.compile(r"\bдорожн\w+\s+карт\w*", re.I)),
    ("memorandum", re.compile(r"\bмеморандум\w*", re.I)),
    ("protocol", re.compile(r"\bпротокол\w*", re.I)),
    ("agreement", re.compile(r"\bсоглашени\w*|\bдоговор(?!енн)\w*|\bконтракт\w*", re.I)),
    ("other", re.compile(r"\bдекларац\w*|\bкоммюнике\b", re.I)),
    ("plan", re.compile(
        r"\bплан\w*\s+(?:\w+\s+){0,2}(?:мероприяти|действи|сотрудничеств|совместн|взаимодейств|"
        r"развити|работ)\w*|\bпрограмм\w*\s+(?:\w+\s+){0,2}(?:сотрудничеств|взаимодейств|"
        r"мероприяти|совместн|развити|мобильност)\w*|\bкомплексн\w+\s+план\w*", re.I)),
]
# Something was done with a document (past, or it exists).
DOC_ACT = rx(
    r"\bподписа\w*", r"\bзаключ(?:ил|ен|ён|ил|ено|ены|ена|ли|ив)\w*", r"\bзаключени\w*",
    r"\bутвердил\w*", r"\bутвержд\w*", r"\bодобр\w*", r"\bдейству\w*", r"\bсогласова\w*",
    r"\bратифицир\w*", r"\bпарафир\w*", r"\bпринят\w*", r"\bприняли\b", r"\bв рамках\b",
    r"\bсогласно\b", r"\bв соответствии с\b", r"\bвступил\w* в силу", r"\bреализ\w*",
    r"\bобменял\w*",
)
# The document is only planned.
DOC_PLANNED = rx(
    r"\bбуд(?:ет|ут)\s+(?:\w+\s+){0,2}подписа\w*", r"\bпланиру\w*\s+(?:\w+\s+){0,2}подписа\w*",
    r"\bнамерен\w*\s+(?:\w+\s+){0,2}подписа\w*", r"\bпредстоит\s+(?:\w+\s+){0,2}подписа\w*",
    r"\bподписани\w*\s+(?:\w+\s+){0,4}(?:запланирован|планируется|ожидается|намечен)\w*",
    r"\bв программе\b", r"\bпроект\w*\s+соглашени\w*", r"\bподготов\w*\s+(?:\w+\s+){0,2}соглашени",
    r"\bготов\w* подписать", r"\bвозможност\w*\s+(?:\w+\s+){0,2}подписани\w*", r"\bдоговорились подписать", r"\bхотел\w* бы\b",
    r"\bчтобы\s+(?:\w+\s+){0,6}(?:заключил|подписал)\w*", r"\bразработ\w+ (?:\w+ )?(?:соглашени|дорожн|план|меморандум)",
)
# Joint work: one side builds, supplies, trains for the other; a joint project.
PROJECT = rx(
    r"\bсовместн\w+\s+(?:\w+\s+)?(?:проект|предприяти|производств|программ|исследовани|инициатив)\w*",
    r"\bпостро\w*", r"\bстроительств\w*", r"\bмодерниз\w*", r"\bпоставк\w*", r"\bпоставля\w*",
    r"\bпоставил\w*", r"\bзапусти\w*", r"\bзапуск\w*", r"\bоткрыл\w*", r"\bоткрыт\w*",
    r"\bпри содействии\b", r"\bуправляющ\w+ компани\w*", r"\bлокализ\w*", r"\bинвестир\w*",
    r"\bреализу\w* (?:\w+ )?проект\w*", r"\bреализован\w*", r"\bсовместное предприятие\b",
    r"\bобучени\w*", r"\bстажировк\w*", r"\bподготовк\w* кадров", r"\bобучил\w*",
    r"\bпредставительств\w*", r"\bфилиал\w*", r"\bкооперац\w*", r"\bсотруднича\w*",
    r"\bвзаимодейств\w*",
)
# Institutions cooperating by name.
INSTITUTIONS = rx(
    r"\bакадемическ\w+ обмен\w*", r"\bобмен\w* студент\w*", r"\bсовместн\w+ (?:образовательн\w+ )?программ\w*",
    r"\bпобратим\w*", r"\bсовместн\w+ (?:научн\w+ )?исследовани\w*",
)
# Trade between the sides.
TRADE = rx(
    r"\bтоварооборот\w*", r"\bторгов\w+\s+оборот\w*", r"\bвнешнеторгов\w*", r"\bэкспорт\w*",
    r"\bимпорт\w*", r"\bзакупа\w*", r"\bзакупк\w*", r"\bпоставля\w*", r"\bпоставк\w*",
    r"\bвзаимн\w+ торговл\w*", r"\bобъем\w* торговл\w*",
)
# General relations: links only to a country, and only without a more specific partner.
RELATIONS = rx(
    r"\bсотруднич\w*", r"\bвзаимодейств\w*", r"\bпартнер\w*", r"\bсвяз(?:и|ей|ям|ями)\b",
    r"\bотношени\w*", r"\bдружб\w*", r"\bкооперац\w*",
)
# Invitations and plans: a trigger with one of these close by did not happen (yet).
UNREAL_NEAR = rx(
    r"\bприглас\w*", r"\bприглашени\w*", r"\bпланиру\w*", r"\bпланах\b", r"\bнамерен\w*",
    r"\bнамечен\w*", r"\bпредстоит\b", r"\bбудет\b", r"\bбудут\b", r"\bзапланирован\w*",
    r"\bпредстоящ\w*", r"\bожида\w*", r"\bв программе\b", r"\bсостоится\b", r"\bпройдет\b",
    r"\bпройдут\b", r"\bпосетит\b", r"\bпосетят\b", r"\bподпишут\b", r"\bподпишет\b",
    r"\bвстретится\b", r"\bвстретятся\b", r"\bпроведут\b", r"\bпроведет\b",
    r"\b(?:отправ|направ)ятся\b", r"\b(?:отправ|направ)ится\b", r"\bприбуд(?:ет|ут)\b",
    r"\bпоед(?:ет|ут)\b", r"\bвылет(?:ит|ят)\b",
)
# Wishes and possibilities: a weak trigger (general relations, projects) in such a sentence is not a link.
UNREAL = rx(
    r"\bприглас\w*", r"\bприглашени\w*", r"\bпланиру\w*", r"\bпланах\b", r"\bнамерен\w*",
    r"\bнамечен\w*", r"\bпредстоит\b", r"\bбудет\b", r"\bбудут\b", r"\bсможет\b", r"\bсмогут\b",
    r"\bможет\b", r"\bмогут\b", r"\bмогли бы\b", r"\bготов\w*", r"\bпредлож\w*", r"\bхотел\w* бы\b",
    r"\bв перспективе\b", r"\bв будущем\b", r"\bрассмотр\w*", r"\bизучить\b", r"\bвыразил\w* надежд\w*",
    r"\bпризвал\w*", r"\bв программе\b", r"\bпредполагает\w*", r"\bожида\w*", r"\bпланов\w*",
    r"\bинтерес\w*", r"\bвозможност\w*", r"\bперспектив\w*", r"\bпредусматрива\w*",
    r"\bдоговорились\b", r"\bнаметить\b", r"\bнаметил\w*",
)
# Multilateral events: by themselves they link nobody.
MULTILATERAL = rx(
    r"\bсовет\w*\s+регион\w*", r"\bфорум\w*", r"\bвыставк\w*", r"\bконференци\w*", r"\bсаммит\w*",
    r"\bсъезд\w*", r"\bярмарк\w*", r"\bфестивал\w*", r"\bиннопром\w*", r"\bпленарн\w*",
    r"\bсессии\b", r"\bассамбле\w*", r"\bконгресс\w*", r"\bолимпиад\w*", r"\bчемпионат\w*",
    r"\bэкспозици\w*", r"\bучасти\w*",
)
# A multilateral event named as such: who greets or addresses its participants meets nobody
# in particular.
EVENT = re.compile(r"\b(?:форум|выставк|конференци|саммит|съезд|ярмарк|фестивал|пленарн|ассамбле|"
                   r"конгресс)\w*", re.I)
# The name of such an event: a country in it («Форум регионов России и Узбекистана») is no party.
EVENT_NAME = re.compile(
    r"(?:форум|совет|конференци|выставк|саммит|ярмарк|сесси|съезд|конгресс)\w*(?:\s+[\w-]+){0,4}?\s+"
    r"(?:(?:россии|рф|российской федерации|узбекистана|республики узбекистан)\s+и\s+)?$")
# Sectors of cooperation, by name.
SECTORS: dict[str, re.Pattern[str]] = {
    "industry": rx(r"\bпромышлен\w*", r"\bпроизводств\w*", r"\bмашиностроени\w*", r"\bметаллург\w*",
                   r"\bхими\w*", r"\bпромпарк\w*", r"\bзавод\w*"),
    "education": rx(r"\bобразован\w*", r"\bуниверситет\w*", r"\bвуз\w*", r"\bстудент\w*",
                    r"\bакадемическ\w*", r"\bшкол\w*", r"\bподготовк\w* кадров"),
    "science": rx(r"\bнаучн\w*", r"\bисследовани\w*", r"\bтехнолог\w*"),
    "agriculture": rx(r"\bсельск\w+ хозяйств\w*", r"\bсельхоз\w*", r"\bагро\w*", r"\bфермер\w*",
                      r"\bживотновод\w*", r"\bплодоовощ\w*", r"\bхлопк\w*"),
    "culture": rx(r"\bкультур\w*", r"\bтеатр\w*", r"\bмузе\w*", r"\bгуманитарн\w*"),
    "tourism": rx(r"\bтуризм\w*", r"\bтурист\w*", r"\bпаломнич\w*"),
    "energy": rx(r"\bэнерг\w*", r"\bэлектростанц\w*", r"\bгаз\w*", r"\bнефт\w*"),
    "digital": rx(r"\bцифров\w*", r"\bумн\w+ город\w*", r"\bIT\b", r"\bайти\b", r"\bэлектронн\w+ правительств\w*"),
    "trade": rx(r"\bторгов\w*", r"\bтоварооборот\w*", r"\bэкспорт\w*", r"\bимпорт\w*"),
    "health": rx(r"\bздравоохранени\w*", r"\bмедицин\w*", r"\bбольниц\w*", r"\bврач\w*"),
    "youth": rx(r"\bмолодеж\w*", r"\bмолодых лидеров\b"),
    "sport": rx(r"\bспорт\w*"),
    "construction": rx(r"\bстроительств\w*", r"\bградострои\w*", r"\bинфраструктур\w*", r"\bжкх\b",
                       r"\bжилищн\w*"),
    "transport": rx(r"\bтранспорт\w*", r"\bлогистик\w*", r"\bавиа\w*", r"\bжелезнодорожн\w*"),
    "labour": rx(r"\bтрудов\w+ мигра\w*", r"\bмигрант\w*", r"\bтрудоустро\w*"),
    "ecology": rx(r"\bэколог\w*", r"\bклимат\w*", r"\bлесополос\w*"),
}
