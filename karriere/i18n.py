"""Languages: the site's own words (theme/labels.yaml) and locale-aware formatting with Babel.

One mechanism for labels: data-driven, three languages per key. Vocabulary terms carry their own
three labels in data/vocabularies/.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

import yaml
from babel import Locale
from babel.dates import DateTimePattern, get_date_format
from babel.dates import parse_pattern as parse_date_pattern
from babel.numbers import NumberPattern, parse_pattern

LANGS = ("nb", "nn", "en")
DEFAULT_LANG = "nb"
LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}
LABELS_FILE = Path(__file__).resolve().parent.parent / "theme" / "labels.yaml"


class Labels(dict):
    """One language's labels, {key: text}, whose keys are also attributes.

    Templates write ``T.key``, and Jinja looks for an attribute before an item: found in the
    instance's ``__dict__`` (the dict itself), it costs no failed lookup on each of the thousands of
    labels a build prints.
    """

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__(texts)
        self.__dict__ = self

    def __reduce__(self):  # copied and pickled as a new Labels of the same texts
        return Labels, (dict(self),)


@cache
def labels() -> dict[str, Labels]:
    """{lang: {key: text}} for the three languages."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster, the same result
    raw = yaml.load(LABELS_FILE.read_text(encoding="utf-8"), Loader=loader)
    return {lang: Labels({key: value[lang] for key, value in raw.items()}) for lang in LANGS}


def number(value: Decimal | int | float | None, lang: str, decimals: int = 0) -> str:
    if value is None:
        return ""
    return _number(value, lang, decimals)


@cache
def _format(lang: str, decimals: int) -> tuple[Locale, NumberPattern]:
    """Babel's locale and number pattern, parsed once (what format_decimal parses on every call)."""
    return Locale.parse(LOCALES[lang]), parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))


@lru_cache(maxsize=65536)
def _number(value: Decimal | int | float, lang: str, decimals: int) -> str:
    # Babel's formatting is exact but slow; report pages repeat the same few numbers many times.
    locale, pattern = _format(lang, decimals)
    return pattern.apply(value, locale, decimal_quantization=True, group_separator=True, numbering_system="latn")


def fte(value: Decimal | None, lang: str) -> str:
    """Full-time equivalents with one decimal: 6,4 / 6.4."""
    return number(value, lang, 1)


def nok(value: int | Decimal | None, lang: str, decimals: int = 0) -> str:
    """Money: '1 739 000 kr' in Norwegian, 'NOK 1,739,000' in English."""
    if value is None:
        return ""
    amount = number(value, lang, decimals)
    return f"NOK {amount}" if lang == "en" else f"{amount}\u00a0kr"


def percent(share: Decimal | float | None, lang: str, decimals: int = 0) -> str:
    """A share (0.77) as a percentage: '77 %' in Norwegian, '77%' in English."""
    if share is None:
        return ""
    value = number(Decimal(share) * 100, lang, decimals)
    return f"{value}%" if lang == "en" else f"{value}\u00a0%"


def signed(value: Decimal | int, text: str) -> str:
    """Prefix a formatted change with + or − (a real minus sign)."""
    if value > 0:
        return "+" + text
    if value < 0:
        return "\u2212" + text.lstrip("-\u2212")
    return text


#: The date formats Babel names (each the locale's own pattern); any other form is a pattern itself.
NAMED_DATE_FORMATS = ("full", "long", "medium", "short")


@cache
def _date_format(lang: str, form: str) -> tuple[Locale, DateTimePattern]:
    """Babel's locale and date pattern, parsed once (what format_date parses on every call)."""
    locale = Locale.parse(LOCALES[lang])
    return locale, parse_date_pattern(get_date_format(form, locale) if form in NAMED_DATE_FORMATS else form)


def _date(value: dt.date, lang: str, form: str) -> str:
    locale, pattern = _date_format(lang, form)
    return pattern.apply(value, locale)


@lru_cache(maxsize=16384)
def partial_date(value: str | dt.date | None, lang: str) -> str:
    """'2014', '2010-12' or '2017-11-01' as '2014', 'desember 2010', '1. november 2017'."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return _date(value, lang, "long")
    parts = value.split("-")
    if len(parts) == 1:
        return value
    if len(parts) == 2:
        return _date(dt.date(int(parts[0]), int(parts[1]), 1), lang, "LLLL y")
    return _date(dt.date.fromisoformat(value), lang, "long")


#: How each compared figure is written.
FIGURE_FORMATS = {
    "funding_total": lambda v, lang: nok(v, lang),
    "fte_total": lambda v, lang: fte(v, lang),
    "centres": lambda v, lang: number(v, lang),
    "per_inhabitant": lambda v, lang: nok(v, lang, 1),
}


def figure(value, name: str, lang: str) -> str:
    return FIGURE_FORMATS[name](value, lang)


def figure_change(value, name: str, lang: str) -> str:
    """A change with its sign: '+1 739 000 kr', '−350 000 kr', '0'."""
    return signed(value, FIGURE_FORMATS[name](abs(value), lang))


def percent_change(value: Decimal | None, lang: str) -> str:
    if value is None:
        return ""
    return signed(value, percent(abs(value) / 100, lang, 1))
