"""Describe an article for story grouping: its content words, its names and its numbers.

Three bags of terms per article, each weighted TF-IDF (sublinear term frequency 1 + ln tf, smoothed
idf = 1 + ln((1 + N) / (1 + df))) and scaled to unit length, so the dot product of two articles' blocks is
their cosine:

- words: content words of the title and text, stop words of en/de/fr/es/it/pt out. What two reports of one
  event share in one language.
- names: runs of capitalised words that do not merely open a sentence (`Sarah Palin`, `Wasilla`), each run
  as one term and each of its words; what tells two events of the same kind apart (two earthquakes, two
  signings) and what a German and an English report of one event still share.
- numbers: figures as written without separators (`6.1`, `288`, `2008`): magnitudes, tolls, scores, years.

Terms are interned in a `Vocabulary` (one per run), so the blocks of all articles live in one sparse space.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

BLOCKS = ("words", "names", "numbers")
TEXT_CHARS = 2_000               # the title and the first characters of the text: the event is told early

_WORD = re.compile(r"[^\W\d_]{2,}")
_NAME_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*(?:[ \t]+[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SEPARATOR = re.compile(r"[.,]")
_SENTENCE_END = frozenset(".!?:;\"“”«»—–-\n")

STOP_WORDS = frozenset("""
a about after again against all also an and any are as at be because been before being between both but by
can could did do does during each few for from further had has have having he her here hers him his how i if
in into is it its itself just me more most my no nor not now of off on once only or other our out over own
same she should so some such than that the their them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your said says say
told new one two three last first year years week day days time people mr mrs ms
aber alle als also am an auch auf aus bei bis da das dass dem den der des die doch dort du durch ein eine
einem einen einer eines er es für gegen hat hatte hier ihr im in ist ja kein mit nach nicht noch nur ob oder
sein seine sich sie sind so über um und uns unter vom von vor war waren was weil wenn werden wie wieder wir
wird wurde wurden zu zum zur zwei drei jahr jahre sagte
au aux avec ce ces cette dans de des du elle en est et eux il ils je la le les leur lui mais me même mes moi
mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sont sur ta te tes toi ton tu un une vos
votre vous été être avait ont deux trois ans selon
al algo como con contra cual cuando del desde donde el ella ellos en entre era es esa ese esta este fue han
hasta la las le les lo los más mas muy ni no nos o para pero por que se sin sobre su sus también tras un una
uno unos y ya dos tres años según
il lo gli della delle dello nel nella nei per che con non una sono stato
o os as um uma na no nas nos em com não para pelo pela foi são
""".split())


class Vocabulary:
    """Term -> column index, growing as terms are met (one per run: indices mean nothing across runs)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.index)

    def ids(self, terms: Iterable[str]) -> list[int]:
        index = self.index
        return [index.setdefault(term, len(index)) for term in terms]


@dataclass(frozen=True, slots=True)
class Terms:
    """An article's term counts per block, as (column ids, counts) arrays."""

    blocks: tuple[tuple[np.ndarray, np.ndarray], ...]


def _is_sentence_start(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in _SENTENCE_END


def names(text: str) -> list[str]:
    """Names in `text`: capitalised runs (lowercased), whole and word by word, sentence openers left out."""
    found: list[str] = []
    for match in _NAME_RUN.finditer(text):
        words = match.group(0).split()
        if _is_sentence_start(text, match.start()):
            words = words[1:] if len(words) == 1 or words[0].lower() in STOP_WORDS else words
        while words and words[0].lower() in STOP_WORDS:
            words = words[1:]
        if not words:
            continue
        lowered = [w.lower() for w in words]
        found.extend(lowered)
        if len(lowered) > 1:
            found.append(" ".join(lowered))
    return found


def words(text: str) -> list[str]:
    """Content words of `text`, lowercased, stop words out."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS]


def numbers(text: str) -> list[str]:
    """Figures in `text`, thousands separators and decimal commas unified (`1,300` -> `1300`, `6,1` -> `6.1`)."""
    out = []
    for figure in _NUMBER.findall(text):
        if figure.isdigit():
            out.append(figure)
            continue
        parts = _SEPARATOR.split(figure)
        out.append("".join(parts) if all(len(p) == 3 for p in parts[1:]) else ".".join(parts))
    return out


def article_terms(title: str | None, text: str, vocabulary: Vocabulary) -> Terms:
    """Count an article's words, names and numbers (title and the first TEXT_CHARS of the text)."""
    body = f"{title}.\n{text[:TEXT_CHARS]}" if title else text[:TEXT_CHARS]
    blocks = []
    for prefix, bag in (("w:", words(body)), ("n:", names(body)), ("#:", numbers(body))):
        counts = Counter(bag)
        ids = vocabulary.ids([prefix + term for term in counts])
        blocks.append((np.fromiter(ids, dtype=np.int64, count=len(ids)),
                       np.fromiter(counts.values(), dtype=np.float64, count=len(ids))))
    return Terms(tuple(blocks))


def document_frequencies(terms: Iterable[Terms], size: int) -> np.ndarray:
    """How many articles hold each term (a column count over all blocks)."""
    df = np.zeros(size, dtype=np.int64)
    for t in terms:
        for ids, _ in t.blocks:
            df[ids] += 1
    return df


def tfidf_blocks(terms: Sequence[Terms], df: np.ndarray, n_documents: int) -> list[sparse.csr_matrix]:
    """One unit-length TF-IDF matrix (articles x vocabulary) per block."""
    idf = 1.0 + np.log((1.0 + n_documents) / (1.0 + df.astype(np.float64)))
    matrices = []
    for block in range(len(terms[0].blocks) if terms else len(BLOCKS)):
        indptr = np.zeros(len(terms) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(t.blocks[block][0]) for t in terms])
        ids = np.concatenate([np.empty(0, dtype=np.int64), *(t.blocks[block][0] for t in terms)])
        tf = np.concatenate([np.empty(0), *(t.blocks[block][1] for t in terms)])
        weights = (1.0 + np.log(tf)) * idf[ids] if len(ids) else tf
        matrix = sparse.csr_matrix((weights, ids, indptr), shape=(len(terms), len(df)))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        matrices.append(sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix))
    return matrices

