"""Languages: the site's own words in gettext catalogs, and locale-aware formatting with Babel.

Bokmål is the source language: every message is written in bokmål in the code and the templates, and
``karriere/locale/<lang>/LC_MESSAGES/messages.po`` translates it into nynorsk and English (``make
messages`` extracts and updates them with Babel). The catalogs are compiled when they are read, at
the start of every build (:func:`refresh`), so an edited translation shows in the next preview.
Vocabulary terms carry their own three labels in data/vocabularies/ (they are data).
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import io
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import DateTimePattern, get_date_format
from babel.dates import parse_pattern as parse_date_pattern
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import NumberPattern, parse_pattern
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

LANGS = ("nb", "nn", "en")
DEFAULT_LANG = "nb"
LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}
#: Each language's name in that language (the language switch), never translated.
LANGUAGE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}
CATALOGS = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
#: How messages are marked in the Python code, for ``pybabel extract`` (the Makefile passes the same).
EXTRACT_KEYWORDS = ("-k", "tr:2", "-k", "trp:2c,3", "-k", "trn:2,3", "-k", "N_", "-k", "NP_:1c,2")


def N_(message: str) -> str:
    """Marks *message* for the catalogs; it is translated where it is shown."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """Marks *message* with its *context* for the catalogs (``pgettext`` where it is shown)."""
    return context, message


def catalog_path(lang: str) -> Path:
    return CATALOGS / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _signature() -> tuple[tuple[int, int], ...]:
    return tuple((s.st_mtime_ns, s.st_size) for s in (catalog_path(lang).stat() for lang in LANGS[1:]))


def _compile(lang: str) -> _gettext.NullTranslations:
    if lang == DEFAULT_LANG:
        return _gettext.NullTranslations()  # bokmål is the source: singular or plural by n, as in nb
    with catalog_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=LOCALES[lang], domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries left out (a test keeps the catalogs free of them)
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


_loaded: tuple[tuple[tuple[int, int], ...], dict[str, _gettext.NullTranslations]] | None = None


def refresh() -> dict[str, _gettext.NullTranslations]:
    """The compiled catalogs, read again if a catalog file changed since they were last read."""
    global _loaded
    signature = _signature()
    if _loaded is None or _loaded[0] != signature:
        _loaded = (signature, {lang: _compile(lang) for lang in LANGS})
    return _loaded[1]


def translations(lang: str) -> _gettext.NullTranslations:
    return (_loaded[1] if _loaded is not None else refresh())[lang]


def tr(lang: str, message: str, **values: object) -> str:
    """*message* (bokmål) in *lang*, with ``%(name)s`` filled from *values* (a literal % is %%)."""
    return translations(lang).gettext(message) % values


def trp(lang: str, context: str, message: str, **values: object) -> str:
    """:func:`tr` for a message that reads differently in another *context*."""
    return translations(lang).pgettext(context, message) % values


def trn(lang: str, singular: str, plural: str, n: int, **values: object) -> str:
    """The singular or plural of a message about *n* things in *lang*; ``%(num)s`` is *n*."""
    return translations(lang).ngettext(singular, plural, n) % {"num": n, **values}


def _lang(context: Context) -> str:
    lang = context.get("lang")
    if lang not in LOCALES:  # a template rendered without a language is a bug, never a default
        raise RuntimeError(f"a template asked for a translation without knowing its language ({lang!r})")
    return lang


# The template side (Jinja's i18n extension, "newstyle"): the page's language comes from the context
# (``lang``), and the translation is escaped like any other text before values are put in.
@pass_context
def _jinja_gettext(context: Context, message: str) -> Markup:
    return escape(translations(_lang(context)).gettext(message))


@pass_context
def _jinja_ngettext(context: Context, singular: str, plural: str, n: int) -> Markup:
    return escape(translations(_lang(context)).ngettext(singular, plural, n))


@pass_context
def _jinja_pgettext(context: Context, message_context: str, message: str) -> Markup:
    return escape(translations(_lang(context)).pgettext(message_context, message))


@pass_context
def _jinja_npgettext(context: Context, message_context: str, singular: str, plural: str, n: int) -> Markup:
    return escape(translations(_lang(context)).npgettext(message_context, singular, plural, n))


def install(environment) -> None:
    """Give a Jinja environment (with ``jinja2.ext.i18n``) the site's catalogs."""
    environment.install_gettext_callables(
        _jinja_gettext, _jinja_ngettext, newstyle=True, pgettext=_jinja_pgettext, npgettext=_jinja_npgettext
    )


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
    # Rounded once, half up, as the sources round (Babel would round half to even: 10,65 → 10,6).
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    locale, pattern = _format(lang, decimals)
    return pattern.apply(rounded, locale, decimal_quantization=True, group_separator=True, numbering_system="latn")


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
