"""Write the demo corpus: fictional multilingual news in every input format copydesk reads.

Run ``python -m copydesk.demo.generate [--out DIR]``. The output folder is wiped and rewritten. Everything is
drawn from one seeded random generator and written in sorted order, so two runs give byte-identical files.
The prose lives in prose_*.py, the outlets and events in world.py, the wire texts in wires.py and the
one-off stories in singles.py; this module turns them into pages, feeds, crawls and the ground truth.
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import itertools
import json
import random
import re
import shutil
import struct
import unicodedata
import uuid
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from copydesk.demo import prose_de, prose_en, prose_es, prose_fr
from copydesk.demo.singles import (DURATIONS, MONTHS_AHEAD, NAME_POOL_OF, NAMES, NATIONALITIES, PARTIES, POSITIONS,
                                   SCENES, UNIONS)
from copydesk.demo.wires import WIRES
from copydesk.demo.world import EVENTS, OUTLETS, SECTIONS, Outlet

SEED = 20241208
DEFAULT_OUT = Path(__file__).parent / "corpus"
TRUTH_NAME = "_truth.json"
LANGUAGES = ("en", "de", "fr", "es")
BANKS = {"en": prose_en.BANK, "de": prose_de.BANK, "fr": prose_fr.BANK, "es": prose_es.BANK}

FIRST_UTC = datetime(2026, 3, 2, 0, 0, tzinfo=timezone.utc)
LAST_UTC = datetime(2026, 3, 7, 23, 59, tzinfo=timezone.utc)
NEWS_HOURS = range(6, 24)
INDEPENDENT_DELAY_MINUTES = (20, 30 * 60)
WIRE_FIRST_DELAY_MINUTES = (25, 60)
WIRE_SPREAD_MINUTES = (5, 6 * 60)
WIRE_SEARCH_MINUTES = 12 * 60
SINGLE_DELAY_MINUTES = (40, 8 * 60)
SAME_GROUP_DELAY_MINUTES = 35
WEEKDAY_KINDS = ("rates", "jobcuts", "recall", "verdict")
WIRE_MIN_COPY_WORDS = 100
ARTICLE_MIN_WORDS = 150
CRAWL_DELAY_MINUTES = (10, 90)
IMAGE_AFTER_RESPONSE = 3
NOT_FOUND_AFTER_RESPONSE = 6

NO_OUTLET_EXTRA_ARTICLES = 19
TEXT_FILES = 20
WARC_RESPONSES = 28
BROKEN_WARC_GOOD_RESPONSES = 2
NEWSROOM_LINES = 14
AGGREGATOR_OUTLET_LINES = 9
PARTNER_PAGE_LINES = 8
PARTNER_FEED_GOOD_LINES = 5
CUT_FEED_GOOD_LINES = 3
GZIP_PAGES = 15
LEGACY_CHARSETS = ("windows-1252", "windows-1252", "windows-1252", "iso-8859-1", "iso-8859-1", "iso-8859-1")
GARBAGE_PATTERN_BYTES = 64
GARBAGE_REPEATS = 48

PERSON_KEYS = ("official", "witness", "leader", "governor", "player", "director", "winner", "rival", "chief",
               "forecaster", "ceo", "union_rep", "spokesperson", "defendant", "judge", "host")
TRACKING_QUERIES = ("?utm_source=twitter&utm_medium=social", "?utm_source=facebook&utm_medium=referral",
                    "?utm_source=rss&utm_campaign=feed")
NEWSLETTER_QUERY = "?utm_source=newsletter&utm_medium=email"
AGENCY_BYLINES = {"Reuters": "Reuters", "AP": "The Associated Press", "AFP": "AFP", "dpa": "dpa", "EFE": "EFE"}

WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
SMALL_NUMBERS = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    "de": ("null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"),
    "fr": ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"),
    "es": ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"),
}
THOUSANDS_SEPARATOR = {"en": ",", "de": ".", "fr": "\u00a0", "es": "."}
DECIMAL_SEPARATOR = {"en": ".", "de": ",", "fr": ",", "es": ","}
FIXED_DECIMALS = {"rate": 2, "mag": 1, "max_aftershock": 1}
MARCH = {"en": "March", "de": "März", "fr": "mars", "es": "marzo"}
CONTRACTIONS = {"fr": ((" de le ", " du "), (" de les ", " des "), (" à le ", " au "), (" à les ", " aux ")),
                "es": ((" a el ", " al "), (" de el ", " del "))}

BOILERPLATE = {
    "en": {"cookie": "We use cookies to improve your experience on our site and to show you personalised advertising. You can change your settings at any time.",
           "accept": "Accept all", "settings": "Manage settings", "newsletter": "Sign up for our newsletter",
           "newsletter_text": "Get the day's top stories delivered to your inbox every morning.",
           "email": "Your email address", "subscribe": "Subscribe", "related": "Related stories",
           "most_read": "Most read", "copyright": "© 2026 {name}. All rights reserved.", "by": "By",
           "topics": "More on this topic", "nav": ("Home", "World", "Business", "Sport", "Culture", "Opinion", "Weather"),
           "footer": ("About us", "Contact", "Privacy policy", "Cookie settings", "Terms of use"),
           "login": "Log in to your account", "password": "Password", "forgot": "Forgot your password?",
           "not_found": "Page not found",
           "not_found_text": "Sorry, the page you are looking for does not exist or has been moved.",
           "search": "Search"},
    "de": {"cookie": "Wir verwenden Cookies, um Ihnen ein optimales Nutzungserlebnis zu bieten und personalisierte Werbung anzuzeigen. Sie können Ihre Einstellungen jederzeit ändern.",
           "accept": "Alle akzeptieren", "settings": "Einstellungen", "newsletter": "Jetzt für unseren Newsletter anmelden",
           "newsletter_text": "Die wichtigsten Nachrichten des Tages jeden Morgen in Ihrem Postfach.",
           "email": "Ihre E-Mail-Adresse", "subscribe": "Abonnieren", "related": "Mehr zum Thema",
           "most_read": "Meistgelesen", "copyright": "© 2026 {name}. Alle Rechte vorbehalten.", "by": "Von",
           "topics": "Weitere Artikel", "nav": ("Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Meinung", "Wetter"),
           "footer": ("Impressum", "Kontakt", "Datenschutz", "Cookie-Einstellungen", "AGB"),
           "login": "Anmelden", "password": "Passwort", "forgot": "Passwort vergessen?",
           "not_found": "Seite nicht gefunden",
           "not_found_text": "Die gesuchte Seite existiert leider nicht oder wurde verschoben.", "search": "Suche"},
    "fr": {"cookie": "Nous utilisons des cookies pour améliorer votre expérience et vous proposer des publicités personnalisées. Vous pouvez modifier vos choix à tout moment.",
           "accept": "Tout accepter", "settings": "Paramétrer", "newsletter": "Inscrivez-vous à notre newsletter",
           "newsletter_text": "L'essentiel de l'actualité chaque matin dans votre boîte mail.",
           "email": "Votre adresse e-mail", "subscribe": "S'inscrire", "related": "A lire aussi",
           "most_read": "Les plus lus", "copyright": "© 2026 {name}. Tous droits réservés.", "by": "Par",
           "topics": "Sur le même sujet", "nav": ("Accueil", "Monde", "Economie", "Sport", "Culture", "Opinions", "Météo"),
           "footer": ("Mentions légales", "Contact", "Confidentialité", "Gestion des cookies", "CGU"),
           "login": "Se connecter", "password": "Mot de passe", "forgot": "Mot de passe oublié ?",
           "not_found": "Page introuvable",
           "not_found_text": "La page que vous cherchez n'existe pas ou a été déplacée.", "search": "Rechercher"},
    "es": {"cookie": "Utilizamos cookies propias y de terceros para mejorar su experiencia y mostrarle publicidad personalizada. Puede cambiar la configuración en cualquier momento.",
           "accept": "Aceptar todo", "settings": "Configurar", "newsletter": "Suscríbase a nuestra newsletter",
           "newsletter_text": "Las noticias más importantes del día, cada mañana en su correo.",
           "email": "Su correo electrónico", "subscribe": "Suscribirme", "related": "Más información",
           "most_read": "Lo más leído", "copyright": "© 2026 {name}. Todos los derechos reservados.", "by": "Por",
           "topics": "Noticias relacionadas",
           "nav": ("Portada", "Internacional", "Economía", "Deportes", "Cultura", "Opinión", "El tiempo"),
           "footer": ("Aviso legal", "Contacto", "Privacidad", "Política de cookies", "Condiciones de uso"),
           "login": "Iniciar sesión", "password": "Contraseña", "forgot": "¿Ha olvidado su contraseña?",
           "not_found": "Página no encontrada",
           "not_found_text": "Lo sentimos, la página que busca no existe o ha sido trasladada.", "search": "Buscar"},
}


@dataclass(eq=False)
class Article:
    """One article as its outlet published it."""

    key: str
    kind: str
    language: str
    event: str | None
    wire: str | None
    title: str
    paragraphs: list[str]
    published: datetime
    outlet: Outlet | None = None
    author: str | None = None
    url: str | None = None

    def local_time(self) -> datetime:
        """Return the publication time in the outlet's time zone (UTC without an outlet)."""
        return self.published.astimezone(zone(self.outlet))

    def text(self) -> str:
        """Return the plain text: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


@dataclass
class Document:
    """One input document and what copydesk must make of it."""

    source: str
    expected: str
    article: Article | None = None
    published_at: str | None = None


@dataclass
class Corpus:
    """Every file of the corpus (relative path -> bytes) and every document they hold."""

    files: dict[str, bytes]
    documents: list[Document]


# ---------------------------------------------------------------- time and place


def zone(outlet: Outlet | None) -> timezone:
    """Return the fixed UTC offset an outlet publishes in (UTC for no outlet)."""
    return timezone(timedelta(minutes=outlet.utc_offset_minutes if outlet else 0))


def in_window(outlet: Outlet | None, when: datetime) -> bool:
    """Tell whether an outlet could publish at this UTC time: news hours, same date locally and in UTC."""
    local = when.astimezone(zone(outlet))
    return FIRST_UTC <= when <= LAST_UTC and local.date() == when.date() and local.hour in NEWS_HOURS


def pick_time(rng: random.Random, outlet: Outlet | None, earliest: datetime, latest: datetime) -> datetime | None:
    """Pick a publication minute for an outlet between two UTC times, or None if it has none."""
    earliest, latest = max(earliest, FIRST_UTC), min(latest, LAST_UTC)
    minutes = int((latest - earliest).total_seconds() // 60)
    slots = [earliest + timedelta(minutes=m) for m in range(minutes + 1)]
    slots = [t for t in slots if in_window(outlet, t)]
    return rng.choice(slots).replace(second=0) if slots else None


def iso(when: datetime) -> str:
    """Return an ISO 8601 timestamp with its UTC offset."""
    return when.replace(microsecond=0).isoformat()


def outlets_of(language: str) -> list[Outlet]:
    """Return the outlets publishing in a language, in a fixed order."""
    return sorted((o for o in OUTLETS if o.language == language), key=lambda o: o.domain)


# ---------------------------------------------------------------- facts and prose


def number(value: int | float, language: str, key: str) -> str:
    """Format a fact number the way the language's press writes it."""
    if isinstance(value, int):
        if 2 <= value <= 9:
            return SMALL_NUMBERS[language][value]
        return f"{value:,}".replace(",", THOUSANDS_SEPARATOR[language])
    text = f"{value:.{FIXED_DECIMALS[key]}f}" if key in FIXED_DECIMALS else f"{value:g}"
    return text.replace(".", DECIMAL_SEPARATOR[language])


def clock(when: datetime, language: str) -> str:
    """Format a local time of day in the language's style."""
    if language == "en":
        return f"{when.hour % 12 or 12}:{when.minute:02d} {'a.m.' if when.hour < 12 else 'p.m.'}"
    if language == "de":
        return f"{when.hour}.{when.minute:02d} Uhr"
    if language == "fr":
        return f"{when.hour}h{when.minute:02d}"
    return f"{'la' if when.hour == 1 else 'las'} {when.hour}.{when.minute:02d}"


def rate_decision(direction: str, rate: str, bp: int, language: str) -> tuple[str, str]:
    """Return the long and the headline phrase for a central bank decision."""
    phrases = {
        ("en", "cut"): (f"cut the key interest rate by {bp} basis points to {rate}%", f"cuts key rate to {rate}%"),
        ("en", "hold"): (f"left the key interest rate unchanged at {rate}%", f"holds key rate at {rate}%"),
        ("de", "cut"): (f"senkte den Leitzins um {bp} Basispunkte auf {rate} Prozent",
                        f"senkt Leitzins auf {rate} Prozent"),
        ("de", "hold"): (f"beließ den Leitzins bei {rate} Prozent", f"lässt Leitzins bei {rate} Prozent"),
    }
    return phrases[(language, direction)]


def localize(raw: dict, language: str, when: datetime) -> dict[str, str]:
    """Resolve facts for one language, derive dates and phrases, format numbers, add capitalised keys."""
    facts: dict = {}
    for key, value in raw.items():
        if isinstance(value, dict):
            if language not in value:
                continue
            value = value[language]
        facts[key] = value
    facts["weekday"] = WEEKDAYS[language][when.weekday()]
    facts["time"] = clock(when, language)
    for person in PERSON_KEYS:
        if person in facts and f"{person}_last" not in facts:
            facts[f"{person}_last"] = facts[person].split()[-1]
    if "gust_kmh" in facts:
        kmh = facts.pop("gust_kmh")
        facts["gust"] = f"{kmh} km/h ({round(kmh / 1.609)} mph)" if language == "en" else f"{kmh} km/h"
    if "votes" in facts:
        yes, no = facts.pop("votes")
        word = {"en": "to", "de": "zu"}[language]
        facts["votes"] = f"{SMALL_NUMBERS[language][yes]} {word} {SMALL_NUMBERS[language][no]}"
    if "direction" in facts:
        rate = number(facts["rate"], language, "rate")
        facts["decision"], facts["decision_short"] = rate_decision(facts.pop("direction"), rate, facts.pop("bp"),
                                                                   language)
    if language == "es":
        for club in ("from_club", "to_club"):
            if club in facts:
                facts[club] = f"el {facts[club]}"
    if "years" in facts and language == "en":
        facts["years_adj"] = f"{number(facts['years'], 'en', 'years')}-year"
    for key, value in list(facts.items()):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        if isinstance(value, int) and value < 2:
            raise ValueError(f"fact {key}={value}: counts below two read badly in the templates")
        facts[key] = number(value, language, key)
    for key, value in list(facts.items()):
        facts[key[0].upper() + key[1:]] = value[:1].upper() + value[1:]
    return facts


def fill(template: str, facts: dict[str, str], language: str) -> str:
    """Fill a template with facts and apply the language's article contractions."""
    text = template.format(**facts)
    for long, short in CONTRACTIONS.get(language, ()):
        text = text.replace(long, short)
    return text


class VariantPicker:
    """Plan slot variants for all articles of a kind and language at once, so that they share few templates."""

    def __init__(self, requests: list[tuple[str, str, int]]) -> None:
        counts: dict[tuple[str, str], list[int]] = {}
        for kind, language, count in requests:
            counts.setdefault((kind, language), []).append(count)
        self.queues = {pair: self.plan(*pair, sizes) for pair, sizes in counts.items()}

    @staticmethod
    def cost(groups: list[list[tuple[int, ...]]]) -> tuple[int, int]:
        """Score a plan: the most templates two articles of different stories share, then the spread."""
        overlaps = [sum(a == b for a, b in zip(x, y))
                    for g, h in itertools.combinations(groups, 2) for x in g for y in h]
        return max(overlaps, default=0), sum(n * n for n in overlaps)

    def plan(self, kind: str, language: str, counts: list[int]) -> list[list[tuple[int, tuple[int, ...]]]]:
        """Choose (headline, slot variants) for each group; articles of one group (one event) share no template."""
        bank = BANKS[language][kind]
        sizes = [len(slot) for slot in bank["slots"]]
        if max(counts) > min(sizes):
            raise ValueError(f"{kind}/{language}: not enough variants for {max(counts)} articles on one event")
        groups = [[tuple((i + g) % size for size in sizes) for i in range(count)] for g, count in enumerate(counts)]
        improved = True
        while improved:
            improved = False
            for g in range(len(groups)):
                for slot, size in enumerate(sizes):
                    for perm in itertools.permutations(range(size), len(groups[g])):
                        trial = [c[:slot] + (v,) + c[slot + 1:] for c, v in zip(groups[g], perm)]
                        candidate = groups[:g] + [trial] + groups[g + 1:]
                        if self.cost(candidate) < self.cost(groups):
                            groups, improved = candidate, True
        used: list[int] = []
        planned = []
        for group in groups:
            chosen: list[tuple[int, tuple[int, ...]]] = []
            for combo in group:
                taken = {h for h, _ in chosen}
                options = [h for h in range(len(bank["headlines"])) if h not in taken] or list(range(len(bank["headlines"])))
                headline = min(options, key=lambda h: (used.count(h), h))
                used.append(headline)
                chosen.append((headline, combo))
            planned.append(chosen)
        return planned

    def take(self, kind: str, language: str, count: int) -> list[tuple[int, tuple[int, ...]]]:
        """Return the next planned group of `count` articles of a kind and language."""
        group = self.queues[(kind, language)].pop(0)
        if len(group) != count:
            raise ValueError(f"{kind}/{language}: asked for {count} articles, planned {len(group)}")
        return group


def compose(kind: str, language: str, variant: tuple[int, tuple[int, ...]], facts: dict[str, str]) -> tuple[str, list[str]]:
    """Write one article's headline and paragraphs from the bank."""
    bank = BANKS[language][kind]
    headline, combo = variant
    title = fill(bank["headlines"][headline], facts, language)
    paragraphs = [fill(bank["slots"][slot][v], facts, language) for slot, v in enumerate(combo)]
    return title, paragraphs


# ---------------------------------------------------------------- articles


def event_articles(rng: random.Random, picker: VariantPicker) -> list[Article]:
    """Write the independent coverage of every event: different outlets, wording of their own, same facts."""
    articles = []
    for key in sorted(EVENTS):
        event = EVENTS[key]
        when = datetime.fromisoformat(event["when"])
        earliest = when + timedelta(minutes=INDEPENDENT_DELAY_MINUTES[0])
        latest = when + timedelta(minutes=INDEPENDENT_DELAY_MINUTES[1])
        for language in LANGUAGES:
            count = event["coverage"].get(language, 0)
            if not count:
                continue
            facts = localize(event["facts"], language, when)
            candidates = outlets_of(language)
            rng.shuffle(candidates)
            placed = []
            for outlet in candidates:
                moment = pick_time(rng, outlet, earliest, latest)
                if moment:
                    placed.append((outlet, moment))
                if len(placed) == count:
                    break
            if len(placed) < count:
                raise ValueError(f"{key}/{language}: not enough outlets can publish in the window")
            for n, (variant, (outlet, moment)) in enumerate(zip(picker.take(event["kind"], language, count), placed)):
                title, paragraphs = compose(event["kind"], language, variant, facts)
                articles.append(Article(f"event/{key}/{language}/{n + 1}", event["kind"], language, key, None, title,
                                        paragraphs, moment, outlet, rng.choice(outlet.authors)))
    return articles


def wire_copy(rng: random.Random, wire: dict, paragraphs: list[str], outlet: Outlet | None, keep: int,
              intro: bool) -> list[str]:
    """Edit a wire text the way one outlet republished it: cut, dateline, credit, local intro, a few words."""
    body = paragraphs[:keep]
    if rng.random() < 0.6:
        body[0] = wire["dateline"] + body[0]
    edits = [(old, new) for old, new in wire["edits"] if any(old in p for p in body)]
    for old, new in rng.sample(edits, rng.randint(0, min(2, len(edits)))):
        index = next(i for i, p in enumerate(body) if old in p)
        body[index] = body[index].replace(old, new, 1)
    if rng.random() < 0.5:
        body.append(wire["credit"])
    if intro and outlet and outlet.domain in wire["local_intros"]:
        body.insert(0, wire["local_intros"][outlet.domain])
    return body


def prefix_length(paragraphs: list[str], min_words: int) -> int:
    """Return how many leading paragraphs it takes to reach `min_words` words."""
    total = 0
    for n, paragraph in enumerate(paragraphs, 1):
        total += len(paragraph.split())
        if total >= min_words:
            return n
    return len(paragraphs)


def next_slot(candidates: list[Outlet | None], start: datetime) -> tuple[Outlet | None, datetime] | None:
    """Find the first minute, within WIRE_SEARCH_MINUTES of `start`, at which one of the candidates can publish."""
    for step in range(WIRE_SEARCH_MINUTES):
        moment = start + timedelta(minutes=step)
        for outlet in candidates:
            if in_window(outlet, moment):
                return outlet, moment
    return None


def wire_articles(rng: random.Random) -> list[Article]:
    """Write the republished copies of every wire text, minutes to hours after the first."""
    articles = []
    seen: set[str] = set()
    for key in sorted(WIRES):
        wire = WIRES[key]
        event = EVENTS[wire["event"]]
        language = wire["language"]
        when = datetime.fromisoformat(event["when"])
        facts = localize(event["facts"], language, when)
        paragraphs = [fill(p, facts, language) for p in wire["paragraphs"]]
        headlines = [fill(h, facts, language) for h in wire["headlines"]]
        count = wire["copies"]
        first = max(when + timedelta(minutes=rng.randint(*WIRE_FIRST_DELAY_MINUTES)), FIRST_UTC)
        delays = sorted(rng.randint(*WIRE_SPREAD_MINUTES) for _ in range(count - 1))
        words = sum(len(p.split()) for p in paragraphs)
        quarter = prefix_length(paragraphs, max(WIRE_MIN_COPY_WORDS, words // 4))
        shortest = prefix_length(paragraphs, ARTICLE_MIN_WORDS)
        keeps = [len(paragraphs), quarter] + [rng.randint(shortest, len(paragraphs)) for _ in range(count - 2)]
        remaining = outlets_of(language)
        rng.shuffle(remaining)
        for n, delay in enumerate([0] + delays):
            start = first + timedelta(minutes=delay)
            outlet, moment = next_slot(remaining, start) or next_slot([None], start)
            if outlet:
                remaining.remove(outlet)
            body = wire_copy(rng, wire, paragraphs, outlet, keeps[n], rng.random() < 0.5)
            while "\n".join(body) in seen:
                body = wire_copy(rng, wire, paragraphs, outlet, keeps[n], True)
            seen.add("\n".join(body))
            articles.append(Article(f"wire/{key}/{n + 1}", event["kind"], language, wire["event"], key,
                                    headlines[n % len(headlines)], body, moment, outlet,
                                    AGENCY_BYLINES[wire["agency"]]))
    return articles


def person(rng: random.Random, nation: str, gender: str | None = None) -> tuple[str, str, str]:
    """Draw a fictional person of a nation: full name, surname and gender."""
    males, females, surnames = NAMES[NAME_POOL_OF.get(nation, nation)]
    gender = gender or rng.choice("mf")
    surname = rng.choice(surnames)
    return f"{rng.choice(males if gender == 'm' else females)} {surname}", surname, gender


def add_person(facts: dict, key: str, rng: random.Random, nation: str, gender: str | None = None) -> str:
    """Put a drawn person under `key` (and `key_last`) and return the gender."""
    full, surname, gender = person(rng, nation, gender)
    facts[key], facts[f"{key}_last"] = full, surname
    return gender


def quake_facts(facts: dict, nation: str, language: str, rng: random.Random) -> None:
    """Draw a one-off earthquake's numbers and people."""
    r = rng.randint
    facts.update(mag=round(rng.uniform(4.8, 6.4), 1), depth=r(5, 60), dead=r(2, 9), injured=r(12, 140),
                 displaced=r(15, 300) * 10, aftershocks=r(6, 45), witness_age=r(29, 81))
    facts["max_aftershock"] = round(facts["mag"] - rng.uniform(1.0, 2.0), 1)
    add_person(facts, "official", rng, nation)
    add_person(facts, "witness", rng, nation)


def strike_facts(facts: dict, nation: str, language: str, rng: random.Random) -> None:
    """Draw a one-off strike's numbers, union and leader."""
    r = rng.randint
    demand = r(10, 20) / 2
    facts.update(workers_n=r(6, 200) * 100, demand=demand, offer=demand - r(4, 7) / 2,
                 union=rng.choice(UNIONS[language]), duration=rng.choice(DURATIONS[language]))
    add_person(facts, "leader", rng, nation)


def rates_facts(facts: dict, nation: str, language: str, rng: random.Random) -> None:
    """Draw a one-off central bank decision (German ones are cuts) and its governor."""
    r = rng.randint
    direction = "cut" if language == "de" else rng.choice(("cut", "hold"))
    facts.update(direction=direction, rate=r(8, 22) / 4, bp=25 if direction == "cut" else 0,
                 inflation=round(rng.uniform(1.8, 3.9), 1), next_meeting=rng.choice(MONTHS_AHEAD[language]),
                 votes=rng.choice(((5, 2), (6, 3), (7, 2), (4, 3))))
    gender = add_person(facts, "governor", rng, nation)
    facts["governor_title"] = "Notenbankchef" if gender == "m" else "Notenbankchefin"


def transfer_facts(facts: dict, nation: str, language: str, rng: random.Random) -> None:
    """Draw a one-off transfer: the player, his record, the fee and the buying club's director."""
    r = rng.randint
    appearances = r(18, 40)
    facts.update(age=r(19, 31), fee=r(8, 70), years=r(2, 5), appearances=appearances,
                 goals=r(2, min(25, appearances - 5)), position=rng.choice(POSITIONS[language]),
                 nationality=NATIONALITIES[nation][language])
    add_person(facts, "player", rng, nation, "m")
    add_person(facts, "director", rng, {"en": "gb", "de": "de", "fr": "fr", "es": "es"}[language], "m")


def election_facts(facts: dict, nation: str, language: str, rng: random.Random) -> None:
    """Draw a one-off election: two candidates of two parties, their shares and the turnout."""
    share = round(rng.uniform(38, 58), 1)
    facts.update(share=share, rival_share=round(rng.uniform(24, share - 3), 1), turnout=round(rng.uniform(28, 66), 1))
    winner_party, rival_party = rng.sample(PARTIES[language], 2)
    facts.update(winner_party)
    facts.update({f"rival_{k}": v for k, v in rival_party.items() if k != "party"})
    add_person(facts, "winner", rng, nation)
    add_person(facts, "rival", rng, nation)


def fire_facts(facts: dict, nation: str, language: str, rng: random.Random) -> None:
    """Draw a one-off fire's numbers and fire officer."""
    r = rng.randint
    facts.update(injured=r(2, 9), firefighters=r(4, 16) * 10, engines=r(8, 30), area=r(10, 150) * 100,
                 hours=r(2, 14), evacuated=r(4, 60) * 10)
    add_person(facts, "chief", rng, nation)


def storm_facts(facts: dict, nation: str, language: str, rng: random.Random) -> None:
    """Draw a one-off storm's numbers and forecaster."""
    r = rng.randint
    facts.update(gust_kmh=r(105, 165), without_power=r(8, 250) * 1000, dead=r(2, 5), injured=r(5, 40),
                 calls=r(300, 4200), cancelled=r(12, 320))
    add_person(facts, "forecaster", rng, nation)


def jobcuts_facts(facts: dict, nation: str, language: str, rng: random.Random) -> None:
    """Draw a one-off job cut's numbers, chief executive and union representative."""
    jobs = rng.randint(15, 250) * 10
    facts.update(jobs=jobs, staff=jobs + rng.randint(20, 400) * 10)
    add_person(facts, "ceo", rng, nation)
    add_person(facts, "union_rep", rng, nation)


def recall_facts(facts: dict, nation: str, language: str, rng: random.Random) -> None:
    """Draw a one-off recall's numbers and spokesperson."""
    r = rng.randint
    facts.update(units=r(20, 2500) * 100, incidents=r(2, 60), countries=r(2, 25))
    add_person(facts, "spokesperson", rng, nation)


def verdict_facts(facts: dict, nation: str, language: str, rng: random.Random) -> None:
    """Draw a one-off verdict: the defendant, the sentence and the judge."""
    r = rng.randint
    facts.update(age=r(36, 69), years=r(2, 11), victims=r(40, 9000))
    add_person(facts, "defendant", rng, nation, "m")
    gender = add_person(facts, "judge", rng, nation)
    facts["judge_title"] = "Richter" if gender == "m" else "Richterin"


def theft_facts(facts: dict, nation: str, language: str, rng: random.Random) -> None:
    """Draw a one-off theft's numbers and police spokesperson."""
    facts.update(thieves=rng.randint(2, 5), minutes=rng.randint(2, 9))
    add_person(facts, "spokesperson", rng, nation)


def protest_facts(facts: dict, nation: str, language: str, rng: random.Random) -> None:
    """Draw a one-off protest's crowd counts, arrests and organiser."""
    r = rng.randint
    count = r(20, 600) * 100
    facts.update(count=count, organisers_count=count * r(2, 3) + r(1, 9) * 100, arrests=r(2, 25))
    add_person(facts, "leader", rng, nation)


FACT_DRAWERS = {"quake": quake_facts, "strike": strike_facts, "rates": rates_facts, "transfer": transfer_facts,
                "election": election_facts, "fire": fire_facts, "storm": storm_facts, "jobcuts": jobcuts_facts,
                "recall": recall_facts, "verdict": verdict_facts, "theft": theft_facts, "protest": protest_facts}


def single_facts(kind: str, language: str, scene: dict, rng: random.Random) -> dict:
    """Complete a one-off scene with drawn numbers and people."""
    facts = {k: v for k, v in scene.items() if k != "nat"}
    FACT_DRAWERS[kind](facts, scene["nat"], language, rng)
    return facts


def single_articles(rng: random.Random, picker: VariantPicker) -> list[Article]:
    """Write the one-off stories, each published by an outlet close to where it happened."""
    articles = []
    for kind in sorted(SCENES):
        for language in LANGUAGES:
            for n, scene in enumerate(SCENES[kind].get(language, [])):
                facts_raw = single_facts(kind, language, scene, rng)
                local = [o for o in outlets_of(language) if scene["nat"] in o.nations] or outlets_of(language)
                outlet = rng.choice(local)
                while True:
                    moment = pick_time(rng, outlet, FIRST_UTC + timedelta(hours=8), LAST_UTC)
                    happened = (moment - timedelta(minutes=rng.randint(*SINGLE_DELAY_MINUTES))).astimezone(zone(outlet))
                    if kind not in WEEKDAY_KINDS or happened.weekday() < 5:
                        break
                facts = localize(facts_raw, language, happened)
                title, paragraphs = compose(kind, language, picker.take(kind, language, 1)[0], facts)
                articles.append(Article(f"single/{kind}/{language}/{n + 1}", kind, language, None, None, title,
                                        paragraphs, moment, outlet, rng.choice(outlet.authors)))
    return articles


# ---------------------------------------------------------------- URLs and pages


def slugify(title: str) -> str:
    """Turn a headline into an ASCII URL slug of at most eight words."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    return "-".join(words[:8])


def canonical_url(rng: random.Random, article: Article) -> str:
    """Build the canonical URL of an article in its outlet's URL scheme."""
    outlet = article.outlet
    local = article.local_time()
    path = outlet.url_pattern.format(
        yyyy=f"{local.year}", mm=f"{local.month:02d}", dd=f"{local.day:02d}", mon="mar",
        section=SECTIONS[article.language][article.kind], slug=slugify(article.title), id=rng.randint(100000, 9999999))
    return f"https://{outlet.host}{path}"


def human_date(when: datetime, language: str) -> str:
    """Write a date the way a byline shows it."""
    if language == "en":
        return f"{MARCH['en']} {when.day}, {when.year}"
    if language == "de":
        return f"{when.day}. {MARCH['de']} {when.year}"
    if language == "fr":
        return f"{when.day} {MARCH['fr']} {when.year}"
    return f"{when.day} de {MARCH['es']} de {when.year}"


def chrome(outlet: Outlet, main: str, title: str, head: str, charset_tag: str) -> str:
    """Wrap page content in the outlet's boilerplate: cookie banner, navigation, newsletter box, footer."""
    words = BOILERPLATE[outlet.language]
    e = html.escape
    nav = "".join(f'<li><a href="/{slugify(item) or "home"}/">{e(item)}</a></li>' for item in words["nav"])
    footer = "".join(f'<li><a href="/{slugify(item)}">{e(item)}</a></li>' for item in words["footer"])
    return (
        f'<!DOCTYPE html>\n<html lang="{outlet.language}">\n<head>\n{charset_tag}\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{e(title)}</title>\n{head}'
        f'<link rel="stylesheet" href="/static/css/site.css">\n</head>\n<body class="layout-{outlet.layout}">\n'
        f'<div id="cookie-consent" class="cookie-banner" role="dialog"><p>{e(words["cookie"])}</p>'
        f'<button type="button">{e(words["accept"])}</button> <button type="button">{e(words["settings"])}</button></div>\n'
        f'<header class="site-header"><a class="logo" href="/">{e(outlet.name)}</a>\n'
        f'<nav class="main-nav"><ul>{nav}</ul></nav></header>\n{main}\n'
        f'<aside class="newsletter-signup"><h2>{e(words["newsletter"])}</h2><p>{e(words["newsletter_text"])}</p>'
        f'<form action="/newsletter" method="post"><input type="email" name="email" placeholder="{e(words["email"])}">'
        f'<button type="submit">{e(words["subscribe"])}</button></form></aside>\n'
        f'<footer class="site-footer"><p>{e(words["copyright"].format(name=outlet.name))}</p><ul>{footer}</ul></footer>\n'
        f'</body>\n</html>\n'
    )


def charset_meta(charset: str, style: int) -> str:
    """Declare a page's encoding, in the HTML5 or the older http-equiv form."""
    if style:
        return f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    return f'<meta charset="{charset}">'


def article_page(article: Article, related: list[Article], og_url: str | None, charset: str = "utf-8") -> str:
    """Render an article as its outlet's full HTML page."""
    outlet = article.outlet
    words = BOILERPLATE[outlet.language]
    e = html.escape
    local = article.local_time()
    head = (f'<link rel="canonical" href="{e(article.url)}">\n<meta property="og:type" content="article">\n'
            f'<meta property="og:site_name" content="{e(outlet.name)}">\n'
            f'<meta property="og:title" content="{e(article.title)}">\n')
    if og_url:
        head += f'<meta property="og:url" content="{e(og_url)}">\n'
    if article.author:
        head += f'<meta name="author" content="{e(article.author)}">\n'
    head += (f'<meta property="article:published_time" content="{iso(local)}">\n'
             f'<meta name="description" content="{e(article.paragraphs[0][:150])}">\n')
    body = "\n".join(f"<p>{e(p)}</p>" for p in article.paragraphs)
    byline = f'{words["by"]} <span class="author">{e(article.author)}</span> · ' if article.author else ""
    stamp = f'<time datetime="{iso(local)}">{human_date(local, outlet.language)}</time>'
    links = "".join(f'<li><a href="{e(r.url)}">{e(r.title)}</a></li>' for r in related)
    related_box = f'<section class="related"><h2>{e(words["related"])}</h2><ul>{links}</ul></section>'
    if outlet.layout == 0:
        main = (f'<main id="content"><article class="story"><h1>{e(article.title)}</h1>\n'
                f'<div class="byline">{byline}{stamp}</div>\n{body}\n</article>\n{related_box}</main>')
    elif outlet.layout == 1:
        main = (f'<div class="page"><div class="content"><article><header><h1>{e(article.title)}</h1>'
                f'<p class="meta">{byline}{stamp}</p></header>\n<div class="article-body">\n{body}\n</div></article></div>\n'
                f'<aside class="sidebar"><h3>{e(words["most_read"])}</h3><ol>{links}</ol></aside></div>')
    else:
        main = (f'<main id="main"><article><h1>{e(article.title)}</h1>\n<p class="byline">{byline}{stamp}</p>\n{body}\n'
                f'<footer class="article-footer"><h2>{e(words["topics"])}</h2><ul>{links}</ul></footer></article></main>')
    return chrome(outlet, main, f"{article.title} | {outlet.name}", head, charset_meta(charset, len(article.url) % 2))


def section_page(outlet: Outlet, teasers: list[Article]) -> str:
    """Render a section front: navigation and headline links only, no article."""
    items = "".join(f'<li><a href="{html.escape(a.url)}">{html.escape(a.title)}</a></li>' for a in teasers)
    section = BOILERPLATE[outlet.language]["nav"][1]
    main = f'<main id="content"><h1>{html.escape(section)}</h1><ul class="teasers">{items}</ul></main>'
    head = f'<link rel="canonical" href="https://{outlet.host}/{slugify(section)}/">\n'
    return chrome(outlet, main, f"{section} | {outlet.name}", head, charset_meta("utf-8", 0))


def login_page(outlet: Outlet) -> str:
    """Render a subscriber login page."""
    words = BOILERPLATE[outlet.language]
    e = html.escape
    main = (f'<main id="content"><h1>{e(words["login"])}</h1><form action="/login" method="post">'
            f'<input type="email" name="email" placeholder="{e(words["email"])}">'
            f'<input type="password" name="password" placeholder="{e(words["password"])}">'
            f'<button type="submit">{e(words["login"])}</button></form><p><a href="/reset">{e(words["forgot"])}</a></p></main>')
    return chrome(outlet, main, f"{words['login']} | {outlet.name}", "", charset_meta("utf-8", 0))


def not_found_page(outlet: Outlet) -> str:
    """Render the outlet's 404 error page."""
    words = BOILERPLATE[outlet.language]
    e = html.escape
    main = (f'<main id="content"><h1>{e(words["not_found"])}</h1><p>{e(words["not_found_text"])}</p>'
            f'<form role="search" action="/search"><input type="search" name="q"><button>{e(words["search"])}</button></form></main>')
    return chrome(outlet, main, f"{words['not_found']} | {outlet.name}", "", charset_meta("utf-8", 0))


# ---------------------------------------------------------------- byte formats


def gzip_bytes(data: bytes) -> bytes:
    """Compress reproducibly: no file name, modification time zero."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as gz:
        gz.write(data)
    return buffer.getvalue()


def gzip_cut_after(head: bytes, tail: bytes) -> bytes:
    """Compress head + tail but keep only the stream up to a full flush after head: a truncated gzip file."""
    buffer = io.BytesIO()
    gz = gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0)
    gz.write(head)
    gz.flush(zlib.Z_FULL_FLUSH)
    cut = buffer.tell()
    gz.write(tail)
    gz.close()
    return buffer.getvalue()[:cut]


def png_bytes(rng: random.Random, size_px: int = 16) -> bytes:
    """Make a small valid PNG image of random pixels."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    rows = b"".join(b"\x00" + bytes(rng.randrange(256) for _ in range(size_px * 3)) for _ in range(size_px))
    header = struct.pack(">IIBBBBB", size_px, size_px, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def fake_pdf() -> bytes:
    """Make a tiny PDF-looking file."""
    return (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] "
            b"/Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def record_id(rng: random.Random) -> str:
    """Draw a WARC-Record-ID."""
    return f"<urn:uuid:{uuid.UUID(int=rng.getrandbits(128), version=4)}>"


def warc_stamp(when: datetime) -> str:
    """Format a WARC-Date."""
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def http_date(when: datetime) -> str:
    """Format an HTTP Date header."""
    return when.astimezone(timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")


class Crawl:
    """A WARC file being written: warcinfo first, then request and response records."""

    def __init__(self, rng: random.Random, name: str, started: datetime) -> None:
        self.rng, self.name = rng, name
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=True)
        info = (b"software: copydesk demo generator\r\nformat: WARC File Format 1.0\r\n"
                b"description: demo crawl of fictional news sites\r\n")
        headers = StatusAndHeaders("", [("WARC-Type", "warcinfo"), ("WARC-Record-ID", record_id(rng)),
                                        ("WARC-Filename", name), ("WARC-Date", warc_stamp(started))],
                                   protocol="WARC/1.0")
        self.write(self.writer.create_warc_record("", "warcinfo", payload=io.BytesIO(info), length=len(info),
                                                  warc_headers=headers, warc_content_type="application/warc-fields"))

    def write(self, record) -> None:
        """Append a record."""
        self.writer.write_record(record)

    def response(self, url: str, when: datetime, body: bytes, content_type: str, status: str = "200 OK",
                 with_request: bool = False) -> str:
        """Append an HTTP response (and optionally its request) and return the response's record id."""
        rid = record_id(self.rng)
        if with_request:
            _, _, host, path = url.split("/", 3)
            request_headers = StatusAndHeaders(f"GET /{path} HTTP/1.1",
                                               [("Host", host), ("User-Agent", "copydesk-demo-crawler/1.0"),
                                                ("Accept", "text/html")], is_http_request=True)
            self.write(self.writer.create_warc_record(
                url, "request", http_headers=request_headers,
                warc_headers_dict={"WARC-Record-ID": record_id(self.rng), "WARC-Date": warc_stamp(when),
                                   "WARC-Concurrent-To": rid}))
        http_headers = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body))),
                                                 ("Date", http_date(when)), ("Server", "nginx")], protocol="HTTP/1.1")
        self.write(self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http_headers,
            warc_headers_dict={"WARC-Record-ID": rid, "WARC-Date": warc_stamp(when)}))
        return rid

    def data(self) -> bytes:
        """Return the WARC file's bytes."""
        return self.buffer.getvalue()


# ---------------------------------------------------------------- the corpus


class Builder:
    """Lay the articles out over the input formats and record what each document must become."""

    def __init__(self, rng: random.Random, articles: list[Article]) -> None:
        self.rng = rng
        self.articles = articles
        self.files: dict[str, bytes] = {}
        self.documents: list[Document] = []
        self.paths: set[str] = set()

    def unique_path(self, stem: str, suffix: str) -> str:
        """Return a file path not used yet, numbering it if needed."""
        path, n = f"{stem}{suffix}", 2
        while path in self.paths:
            path, n = f"{stem}-{n}{suffix}", n + 1
        self.paths.add(path)
        return path

    def related(self, article: Article) -> list[Article]:
        """Pick three other articles of the same outlet to link from a page."""
        same = [a for a in self.articles if a.outlet == article.outlet and a is not article and a.url]
        return self.rng.sample(same, 3)

    def og_url(self, article: Article) -> str | None:
        """Choose the page's og:url: canonical, canonical with tracking parameters, or none."""
        roll = self.rng.random()
        if roll < 0.1:
            return None
        if roll < 0.35:
            return article.url + self.rng.choice(TRACKING_QUERIES)
        return article.url

    def page(self, article: Article, charset: str = "utf-8") -> str:
        """Render an article's page with links and og:url drawn for it."""
        return article_page(article, self.related(article), self.og_url(article), charset)

    def add(self, source: str, expected: str, article: Article | None = None, published_at: str | None = None) -> None:
        """Record one input document."""
        self.documents.append(Document(source, expected, article, published_at))

    def html_file(self, article: Article, compressed: bool = False, charset: str = "utf-8",
                  encoding: str | None = None) -> str:
        """Write an article as html/<outlet>/<date>-<slug>.html[.gz]; `encoding` may differ from the declared charset."""
        stem = f"html/{article.outlet.domain}/{article.local_time():%Y-%m-%d}-{slugify(article.title)}"
        path = self.unique_path(stem, ".html.gz" if compressed else ".html")
        page = self.page(article, charset)
        errors = "strict" if encoding or charset == "utf-8" else "xmlcharrefreplace"
        data = page.encode(encoding or charset, errors)
        self.files[path] = gzip_bytes(data) if compressed else data
        return path

    def jsonl_line(self, article: Article, fields: str, url_query: str = "") -> str:
        """Serialise an article as one JSON line; `fields` says which optional fields to include.

        Letters: u url (plus `url_query`), o outlet, t title, p published_at (z: in UTC with a Z), l language,
        a author, h the full page as `html` instead of `text`.
        """
        line: dict = {}
        if "u" in fields:
            line["url"] = article.url + url_query
        if "o" in fields and article.outlet:
            line["outlet"] = article.outlet.domain
        if "t" in fields:
            line["title"] = article.title
        if "p" in fields:
            line["published_at"] = self.expected_time(article, fields)
        if "l" in fields:
            line["language"] = article.language
        if "a" in fields and article.author:
            line["author"] = article.author
        if "h" in fields:
            line["html"] = self.page(article)
        else:
            line["text"] = article.text()
        return json.dumps(line, ensure_ascii=False)

    def random_fields(self, article: Article, with_url: bool) -> str:
        """Draw which optional JSONL fields a line carries."""
        r = self.rng.random
        fields = ("u" if with_url else "") + ("o" if (not with_url or r() < 0.5) else "")
        fields += "t" if r() < 0.8 else ""
        fields += ("p" + ("z" if r() < 0.3 else "")) if r() < 0.85 else ""
        fields += "l" if r() < 0.5 else ""
        fields += "a" if r() < 0.6 else ""
        return fields

    def expected_time(self, article: Article, fields: str) -> str | None:
        """Return the publication time a JSONL line states, as written."""
        if "p" not in fields:
            return iso(article.local_time()) if "h" in fields else None
        return article.published.strftime("%Y-%m-%dT%H:%M:%SZ") if "z" in fields else iso(article.local_time())

    def jsonl_file(self, path: str, items: list[tuple[Article, str, str, str]], compressed: bool = False) -> None:
        """Write a JSONL file of (article, fields, url query, expected) lines and record each line."""
        lines = []
        for n, (article, fields, query, expected) in enumerate(items, 1):
            lines.append(self.jsonl_line(article, fields, query))
            self.add(f"{path}#{n}", expected, article, self.expected_time(article, fields))
        data = ("\n".join(lines) + "\n").encode()
        self.files[path] = gzip_bytes(data) if compressed else data

    def text_file(self, article: Article) -> None:
        """Write an article as text/<date>-<slug>.txt with the ` date` header line."""
        path = self.unique_path(f"text/{article.published:%Y-%m-%d}-{slugify(article.title)}", ".txt")
        if self.rng.random() < 0.5:
            first, body = article.title, article.paragraphs
        else:
            first, body = article.paragraphs[0], article.paragraphs[1:]
        content = f" date {article.published:%Y-%m-%d} {first}\n\n" + "\n\n".join(body) + "\n"
        self.files[path] = content.encode()
        self.add(path, "article", article, f"{article.published:%Y-%m-%d}T00:00:00+00:00")


def variant_requests() -> list[tuple[str, str, int]]:
    """List the article groups (kind, language, size) in the order the writers below ask for them."""
    events = [(EVENTS[k]["kind"], language, EVENTS[k]["coverage"][language])
              for k in sorted(EVENTS) for language in LANGUAGES if EVENTS[k]["coverage"].get(language)]
    singles = [(kind, language, 1) for kind in sorted(SCENES) for language in LANGUAGES
               for _ in SCENES[kind].get(language, [])]
    return events + singles


def build_articles(rng: random.Random) -> list[Article]:
    """Write every article of the corpus, in a fixed order."""
    picker = VariantPicker(variant_requests())
    return event_articles(rng, picker) + wire_articles(rng) + single_articles(rng, picker)


def build_corpus() -> Corpus:
    """Build the whole corpus in memory."""
    rng = random.Random(SEED)
    articles = build_articles(rng)
    singles = [a for a in articles if a.key.startswith("single/")]
    lost = rng.sample(singles, 2)
    articles = [a for a in articles if a not in lost]
    for article in rng.sample([a for a in articles if a.wire is None], NO_OUTLET_EXTRA_ARTICLES):
        article.outlet, article.author = None, None
    for article in articles + lost:
        if article.outlet:
            article.url = canonical_url(rng, article)
    b = Builder(rng, articles)

    unplaced = [a for a in articles if a.outlet is None]
    rng.shuffle(unplaced)
    for article in unplaced[:TEXT_FILES]:
        b.text_file(article)
    loose = unplaced[TEXT_FILES:]

    placed = [a for a in articles if a.outlet]
    rng.shuffle(placed)
    take = iter(placed)
    warc_pages = [next(take) for _ in range(WARC_RESPONSES + BROKEN_WARC_GOOD_RESPONSES)]
    newsroom = [next(take) for _ in range(NEWSROOM_LINES)]
    aggregator = [next(take) for _ in range(AGGREGATOR_OUTLET_LINES)]
    partner_pages = [next(take) for _ in range(PARTNER_PAGE_LINES)]
    partner_feed = [next(take) for _ in range(PARTNER_FEED_GOOD_LINES)]
    cut_feed = [next(take) for _ in range(CUT_FEED_GOOD_LINES)]
    gz_pages = [next(take) for _ in range(GZIP_PAGES)]
    html_pages = sorted(take, key=lambda a: a.key)

    url_original = next(a for a in html_pages if a.outlet.domain == "morningledger.co.uk" and a.event)
    group_original = next(a for a in html_pages if a.outlet.domain == "lakeshore-tribune.com" and a.event is None)
    mislabelled = next(a for a in html_pages if a.outlet.domain == "lepetitjournal-fr.fr"
                       and a.text().encode("cp1252", "ignore").decode("cp1252") == a.text()
                       and sum(ch in "éèàçêô" for ch in a.text()) >= 10)
    legacy_pool = [a for a in html_pages if a.language != "en" and a not in (mislabelled,)]
    legacy = dict(zip(rng.sample(legacy_pool, len(LEGACY_CHARSETS)), LEGACY_CHARSETS))

    for article in html_pages:
        if article is mislabelled:
            path = b.html_file(article, encoding="cp1252")
        else:
            path = b.html_file(article, charset=legacy.get(article, "utf-8"))
        b.add(path, "article", article, iso(article.local_time()))
    for article in gz_pages:
        b.add(b.html_file(article, compressed=True), "article", article, iso(article.local_time()))

    group_copy = Article(group_original.key + "/group-copy", group_original.kind, group_original.language, None, None,
                         group_original.title, list(group_original.paragraphs),
                         group_original.published + timedelta(minutes=SAME_GROUP_DELAY_MINUTES),
                         next(o for o in OUTLETS if o.domain == "pacificcoastherald.com"), group_original.author)
    group_copy.url = canonical_url(rng, group_copy)
    b.add(b.html_file(group_copy), "duplicate:content", group_copy, iso(group_copy.local_time()))

    newsroom_items = [(a, b.random_fields(a, with_url=True), "", "article") for a in newsroom]
    newsroom_items.insert(5, (url_original, "utpla", NEWSLETTER_QUERY, "duplicate:url"))
    for n, (article, fields, query, expected) in enumerate(newsroom_items):
        if article is not url_original and rng.random() < 0.3:
            newsroom_items[n] = (article, fields, rng.choice(TRACKING_QUERIES), expected)
    b.jsonl_file("jsonl/newsroom-export.jsonl", newsroom_items)
    aggregator_items = [(a, b.random_fields(a, with_url=False), "", "article") for a in aggregator + loose]
    rng.shuffle(aggregator_items)
    b.jsonl_file("jsonl/aggregator-2026-03.jsonl.gz", aggregator_items, compressed=True)
    b.jsonl_file("jsonl/partner-pages.jsonl",
                 [(a, "h" + ("u" if rng.random() < 0.5 else "") + ("p" if rng.random() < 0.5 else ""), "", "article")
                  for a in partner_pages])

    write_crawls(b, warc_pages[:WARC_RESPONSES])
    write_broken(b, warc_pages[WARC_RESPONSES:], partner_feed, cut_feed, lost, newsroom)
    b.documents.sort(key=lambda d: d.source)
    return Corpus(b.files, b.documents)


def write_crawls(b: Builder, pages: list[Article]) -> None:
    """Write the two WARC crawls, split by publication day, with one image and one 404 among the pages."""
    rng = b.rng
    halves = ([a for a in pages if a.published.day <= 4], [a for a in pages if a.published.day > 4])
    for n, (name, half) in enumerate(zip(("crawl-2026-03-04.warc.gz", "crawl-2026-03-07.warc.gz"), halves)):
        fetched = sorted(((a.published + timedelta(minutes=rng.randint(*CRAWL_DELAY_MINUTES)), a) for a in half),
                         key=lambda pair: (pair[0], pair[1].key))
        crawl = Crawl(rng, name, fetched[0][0] - timedelta(minutes=5))
        path = f"warc/{name}"
        for i, (when, article) in enumerate(fetched):
            body = b.page(article).encode()
            rid = crawl.response(article.url, when, body, "text/html; charset=utf-8", with_request=i < 2)
            b.add(f"{path}#{rid}", "article", article, iso(article.local_time()))
            if n == 1 and i == IMAGE_AFTER_RESPONSE:
                outlet = next(o for o in OUTLETS if o.domain == "morningledger.co.uk")
                rid = crawl.response(f"https://{outlet.host}/static/img/logo-2x.png", when + timedelta(seconds=20),
                                     png_bytes(rng), "image/png")
                b.add(f"{path}#{rid}", "reject:not_html")
            if n == 1 and i == NOT_FOUND_AFTER_RESPONSE:
                outlet = next(o for o in OUTLETS if o.domain == "northbridge-times.com")
                rid = crawl.response(f"https://{outlet.host}/2026/03/05/world/live-updates-archive.html",
                                     when + timedelta(seconds=40), not_found_page(outlet).encode(),
                                     "text/html; charset=utf-8", status="404 Not Found")
                b.add(f"{path}#{rid}", "reject:http_404")
        b.files[path] = crawl.data()


def write_broken(b: Builder, warc_pages: list[Article], partner_feed: list[Article], cut_feed: list[Article],
                 lost: list[Article], newsroom: list[Article]) -> None:
    """Write the broken inputs, each a reject with a known reason (and the readable parts as articles)."""
    rng = b.rng
    cut_page, plain_page = lost
    compressed = gzip_bytes(b.page(cut_page).encode())
    b.files["broken/cut-page.html.gz"] = compressed[: len(compressed) // 2]
    b.add("broken/cut-page.html.gz", "reject:truncated_gzip")
    b.files["broken/not-gzip.html.gz"] = b.page(plain_page).encode()
    b.add("broken/not-gzip.html.gz", "reject:bad_gzip")

    path = "broken/partner-feed.jsonl"
    good = [b.jsonl_line(a, "uotpl") for a in partner_feed]
    truncated = b.jsonl_line(partner_feed[0], "uotp")[:180]
    missing = json.dumps({"url": partner_feed[1].url.rsplit("/", 1)[0] + "/gallery-" + slugify(partner_feed[1].title),
                          "title": partner_feed[1].title, "published_at": iso(partner_feed[1].published),
                          "language": partner_feed[1].language}, ensure_ascii=False)
    plain = "export interrupted: upstream timeout after 30 s, resuming with next batch"
    lines = [good[0], good[1], truncated, good[2], plain, good[3], missing, good[4]]
    b.files[path] = ("\n".join(lines) + "\n").encode()
    kinds = ["article", "article", "reject:invalid_json", "article", "reject:invalid_json", "article",
             "reject:missing_text", "article"]
    feed = iter(partner_feed)
    for n, kind in enumerate(kinds, 1):
        article = next(feed) if kind == "article" else None
        b.add(f"{path}#{n}", kind, article, iso(article.local_time()) if article else None)

    path = "broken/cut-feed.jsonl.gz"
    head = "".join(b.jsonl_line(a, "uotp") + "\n" for a in cut_feed)
    tail = "".join(b.jsonl_line(a, "uotp") + "\n" for a in newsroom[:3])
    b.files[path] = gzip_cut_after(head.encode(), tail.encode())
    for n, article in enumerate(cut_feed, 1):
        b.add(f"{path}#{n}", "article", article, iso(article.local_time()))
    b.add(path, "reject:truncated_gzip")

    outlet = next(o for o in OUTLETS if o.domain == "westcountry-courier.co.uk")
    b.files["broken/image.html"] = png_bytes(rng)
    b.add("broken/image.html", "reject:not_html")
    b.files["broken/empty.html"] = b""
    b.add("broken/empty.html", "reject:empty_page")
    b.files["broken/header-only.txt"] = " date 2026-03-05 Gemeinderat vertagt Sitzung zum Haushalt\n".encode()
    b.add("broken/header-only.txt", "reject:empty_page")
    teasers = rng.sample([a for a in b.articles if a.outlet == outlet], 6)
    b.files["broken/section-index.html"] = section_page(outlet, teasers).encode()
    b.add("broken/section-index.html", "reject:no_article")
    b.files["broken/login.html"] = login_page(next(o for o in OUTLETS if o.domain == "berliner-abendpost.de")).encode()
    b.add("broken/login.html", "reject:no_article")
    pattern = bytes(rng.choice(list(range(0x00, 0x20)) + list(range(0x80, 0x100))) for _ in range(GARBAGE_PATTERN_BYTES))
    b.files["broken/garbage.txt"] = pattern * GARBAGE_REPEATS
    b.add("broken/garbage.txt", "reject:bad_encoding")
    b.files["broken/annual-report.pdf"] = fake_pdf()
    b.add("broken/annual-report.pdf", "reject:unsupported_type")

    path = "broken/cut-crawl.warc.gz"
    fetched = sorted(warc_pages, key=lambda a: a.published)
    crawl = Crawl(rng, "cut-crawl.warc.gz", fetched[0].published)
    for article in fetched:
        rid = crawl.response(article.url, article.published + timedelta(minutes=30), b.page(article).encode(),
                             "text/html; charset=utf-8")
        b.add(f"{path}#{rid}", "article", article, iso(article.local_time()))
    start = len(crawl.data())
    crawl.response(lost[0].url, lost[0].published + timedelta(minutes=30), b.page(lost[0]).encode(),
                   "text/html; charset=utf-8")
    data = crawl.data()
    b.files[path] = data[: start + (len(data) - start) // 2]
    b.add(path, "reject:bad_warc")


# ---------------------------------------------------------------- ground truth


def truth(corpus: Corpus) -> dict:
    """Return the ground truth: one row per input document and the summary counts."""
    rows = []
    for doc in corpus.documents:
        a = doc.article if not doc.expected.startswith("reject:") else None
        rows.append({
            "source": doc.source,
            "outlet": a.outlet.domain if a and a.outlet else None,
            "language": a.language if a else None,
            "event": a.event if a else None,
            "wire": a.wire if a else None,
            "expected": doc.expected,
            "published_at": doc.published_at,
        })
    kept = [r for r in rows if r["expected"] == "article"]
    days = {datetime.fromisoformat(r["published_at"]).astimezone(timezone.utc).date() for r in kept if r["published_at"]}

    def tally(values) -> dict[str, int]:
        out: dict[str, int] = {}
        for value in values:
            out[value] = out.get(value, 0) + 1
        return dict(sorted(out.items()))

    counts = {
        "documents": len(rows),
        "articles": len(kept),
        "duplicates": tally(r["expected"].split(":")[1] for r in rows if r["expected"].startswith("duplicate:")),
        "rejects": tally(r["expected"].split(":")[1] for r in rows if r["expected"].startswith("reject:")),
        "outlets": len({r["outlet"] for r in kept if r["outlet"]}),
        "languages": tally(r["language"] for r in kept),
        "days": len(days),
        "events": len({r["event"] for r in kept if r["event"]}),
        "wire_texts": len({r["wire"] for r in kept if r["wire"]}),
        "wire_copies": sum(1 for r in kept if r["wire"]),
        "stories": len({r["event"] for r in kept if r["event"]}) + sum(1 for r in kept if not r["event"]),
    }
    return {"counts": counts, "documents": rows}


README = """# copydesk demo corpus (generated: do not edit; run `python -m copydesk.demo.generate`)
Fictional news, 2026-03-02..07, in en/de/fr/es, from {outlets} outlets; persons, companies and events are invented.
Inputs: `html/<outlet>/<date>-<slug>.html[.gz]`, `jsonl/*.jsonl[.gz]` (`text` or `html` per line), `text/*.txt`
(first line ` date YYYY-MM-DD <headline or lead>`), `warc/*.warc.gz`, and `broken/` (inputs that must be rejected).
`_truth.json` (skipped as input: leading `_`) has one row per input document, sorted by `source`: the path here,
`#N` for the N-th JSONL line (from 1), `#<urn:uuid:...>` for a WARC response (its WARC-Record-ID, brackets included).
`expected` is `article`, `duplicate:url`, `duplicate:content` or `reject:<reason>` (a WARC 404 is `http_404`);
`event` groups articles reporting the same news (null: a story told once), `wire` groups copies of one agency text;
`published_at` is as the input states it (`.txt`: its date at 00:00 UTC). Rejects carry no outlet, language or event.
Of a duplicate pair the kept `article` is the document whose `source` sorts first; it is never published later.
Readable parts of a broken file (JSONL lines, WARC records before the cut) are articles of their own.
`broken/cut-crawl.warc.gz` ends mid-record: warcio iterates it without an error, returning a short last record.
`html/lepetitjournal-fr.fr/{mislabelled}`
declares utf-8 but is encoded in windows-1252: decode it and keep it.
Counts: {counts}
"""


def readme(corpus: Corpus, summary: dict) -> str:
    """Describe the corpus in fifteen lines."""
    mislabelled = next(d.source for d in corpus.documents if d.source.startswith("html/lepetitjournal-fr.fr/")
                       and is_mislabelled(corpus.files[d.source]))
    counts = summary["counts"]
    short = {k: counts[k] for k in ("documents", "articles", "duplicates", "rejects", "events", "wire_texts")}
    return README.format(outlets=counts["outlets"], mislabelled=mislabelled.split("/")[-1],
                         counts=json.dumps(short, separators=(",", ":")))


def is_mislabelled(data: bytes) -> bool:
    """Tell whether a page declaring utf-8 fails to decode as utf-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return b'charset="utf-8"' in data or b"charset=utf-8" in data
    return False


def write_corpus(corpus: Corpus, out: Path) -> dict:
    """Wipe `out` and write the corpus, its truth and its README there; return the truth."""
    if out.exists():
        if any(out.iterdir()) and not (out / TRUTH_NAME).exists():
            raise SystemExit(f"refusing to wipe {out}: it is not empty and holds no {TRUTH_NAME}")
        shutil.rmtree(out)
    summary = truth(corpus)
    for path in sorted(corpus.files):
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(corpus.files[path])
    (out / TRUTH_NAME).write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "_README.md").write_text(readme(corpus, summary), encoding="utf-8")
    return summary


def main() -> None:
    """Parse the command line, build the corpus and write it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (wiped first)")
    args = parser.parse_args()
    summary = write_corpus(build_corpus(), args.out)
    print(json.dumps(summary["counts"], ensure_ascii=False))


if __name__ == "__main__":
    main()
