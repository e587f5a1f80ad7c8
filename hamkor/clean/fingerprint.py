"""Near-duplicate articles: MinHash signatures over word shingles of the cleaned text.

A syndicated copy (another site's furniture, a changed headline, a few edited words) has
a Jaccard similarity of its word pairs ≥ 0.7 to the original; a shortened copy is caught by
containment (most of its pairs are in the original). Two stories on one topic share phrases
(«Республики Узбекистан», «Бухарской области») but few of their pairs, and stay apart. A text
of under 50 pairs is mostly its template, so it needs a near-exact match (0.9) and no
containment: otherwise bulletins built alike chain into one story.

    index = StoryIndex()
    index.add("a1", text1)   # → None: a new story
    index.add("a2", text2)   # → "a1": a copy of the story a1 started
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

SHINGLE = 2  # words a shingle: pairs keep a copy with a few edited words above the threshold
NUM_PERM = 128
SEED = 1
THRESHOLD = 0.7  # Jaccard of a syndicated copy (a reprint with edits: 0.7–0.9)
SHORT = 50  # shingles: below this a text is mostly its template (bulletins, notices) …
SHORT_THRESHOLD = 0.9  # … and needs a near-exact match; two notices built alike would chain
CONTAINMENT = 0.8  # share of the shorter text's shingles found in the longer one
MIN_SHINGLES = SHORT  # containment only for texts at least this long
MAX_RATIO = 2.5  # containment only between texts of like length: a digest of five stories
# contains each of them, and must not join them into one
BANDS, ROWS = 32, 4  # LSH bands over the signature: a pair at Jaccard 0.7 shares one with
# probability 0.9999, at 0.6 (a reprint of 60 % of the text) 0.99, at 0.5 0.87; two texts on
# one topic (≈0.1) 0.003, so the candidates stay few in a KB of many articles a month
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """The text's word k-grams, folded (lowercase, «ё» as «е»)."""
    words = _WORD.findall(text.lower().replace("ё", "е"))
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


@dataclass(frozen=True)
class Signature:
    """A MinHash of a text's shingles (32-bit values, little-endian) and their number."""

    values: bytes
    size: int

    def array(self) -> np.ndarray:
        return np.frombuffer(self.values, dtype="<u4")

    def to_bytes(self) -> bytes:
        return struct.pack("<I", self.size) + self.values

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(data[4:], struct.unpack("<I", data[:4])[0])


_PRIME = (1 << 61) - 1  # a Mersenne prime above every a·h + b below


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """NUM_PERM hash functions h → (a·h + b) mod p, fixed by SEED (stored signatures stay
    comparable across runs and machines)."""
    rng = np.random.Generator(np.random.PCG64(SEED))
    a = rng.integers(1, 1 << 32, size=NUM_PERM, dtype=np.uint64)
    b = rng.integers(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)
    return a, b


def _hash32(shingle: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(shingle, digest_size=4).digest(), "little")


def signature(text: str) -> Signature:
    """The MinHash signature of the text: per hash function, the smallest value over its
    shingles (all ones for a text without words)."""
    found = shingles(text)
    if not found:
        return Signature(np.full(NUM_PERM, 0xFFFFFFFF, dtype="<u4").tobytes(), 0)
    a, b = _permutations()
    h = np.fromiter(map(_hash32, found), dtype=np.uint64, count=len(found))
    values = (np.outer(h, a) + b) % np.uint64(_PRIME) & np.uint64(0xFFFFFFFF)
    return Signature(values.min(axis=0).astype("<u4").tobytes(), len(found))


def _sig(x: str | Signature) -> Signature:
    return x if isinstance(x, Signature) else signature(x)


def similar(a: str | Signature, b: str | Signature) -> float:
    """The estimated Jaccard similarity of two texts' shingles (0 … 1)."""
    sa, sb = _sig(a), _sig(b)
    if sa.size == 0 or sb.size == 0:
        return 0.0
    return float(np.mean(sa.array() == sb.array()))


def band_keys(sig: Signature) -> list[int]:
    """The signature's LSH band keys (signed 64-bit, the band's number in the top bits):
    two texts that share one are candidates to be copies."""
    if sig.size == 0:
        return []
    values = sig.values
    width = 4 * ROWS
    out = []
    for band in range(BANDS):
        digest = hashlib.blake2b(values[band * width:(band + 1) * width], digest_size=7).digest()
        key = (band << 56) | int.from_bytes(digest, "big")
        out.append(key - (1 << 63) if key >= 1 << 63 else key)
    return out


def copies(sig: Signature, others: list[Signature]) -> np.ndarray:
    """For each of ``others``, whether it and ``sig`` are copies of one story (symmetric)."""
    if not others or sig.size == 0:
        return np.zeros(len(others), dtype=bool)
    values = np.frombuffer(b"".join(o.values for o in others), dtype="<u4").reshape(len(others), -1)
    sizes = np.array([o.size for o in others], dtype=float)
    j = np.mean(values == sig.array(), axis=1)
    small, large = np.minimum(sizes, sig.size), np.maximum(sizes, sig.size)
    with np.errstate(divide="ignore", invalid="ignore"):
        contained = np.minimum(1.0, j * (small + large) / ((1 + j) * small))
    like = (small >= MIN_SHINGLES) & (large <= MAX_RATIO * small)
    threshold = np.where(small < SHORT, SHORT_THRESHOLD, THRESHOLD)
    found = (j >= threshold) | (like & (contained >= CONTAINMENT))
    return found & (sizes > 0)


@dataclass(frozen=True)
class Match:
    story: str  # the id of the first article of the story
    article: str  # the earlier article most like the new one
    similarity: float


class StoryIndex:
    """Articles seen so far, grouped into stories; says which story a new article repeats.
    The knowledge base does the same with stored bands (``hamkor.kb.stories``)."""

    def __init__(self) -> None:
        self._bands: dict[int, list[str]] = {}
        self._sigs: dict[str, Signature] = {}
        self._story: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def story_of(self, id: str) -> str | None:
        return self._story.get(id)

    def find(self, text: str | Signature) -> Match | None:
        """The earlier article the text repeats (the most similar one), or None."""
        sig = _sig(text)
        found = sorted({o for k in band_keys(sig) for o in self._bands.get(k, ())})
        sigs = [self._sigs[o] for o in found]
        best: Match | None = None
        for other, osig, copy in zip(found, sigs, copies(sig, sigs), strict=True):
            sim = similar(sig, osig)
            if copy and (best is None or sim > best.similarity):
                best = Match(self._story[other], other, sim)
        return best

    def add(self, id: str, text: str | Signature) -> Match | None:
        """Remember an article; the Match when it repeats an earlier story, else None."""
        if id in self._sigs:
            story = self._story[id]
            return None if story == id else Match(story, story, 1.0)
        sig = _sig(text)
        match = self.find(sig)
        self._sigs[id] = sig
        self._story[id] = match.story if match else id
        for key in band_keys(sig):
            self._bands.setdefault(key, []).append(id)
        return match
