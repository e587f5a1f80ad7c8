"""Near-duplicate articles: MinHash signatures over word shingles of the cleaned text.

A syndicated copy (another site's furniture, a changed headline, a few edited words) has
a Jaccard similarity of its shingles ≥ 0.8 to the original; a shortened copy is caught by
containment (most of its shingles are in the original). Two stories on one topic share
phrases («Республики Узбекистан», «Бухарской области») but few word triples, and stay apart.

    index = StoryIndex()
    index.add("a1", text1)   # → None: a new story
    index.add("a2", text2)   # → "a1": a copy of the story a1 started
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from typing import Any

import numpy as np

SHINGLE = 2  # words a shingle: pairs keep a copy with a few edited words above the threshold
NUM_PERM = 128
SEED = 1
THRESHOLD = 0.8  # Jaccard of a syndicated copy
CONTAINMENT = 0.9  # share of the shorter text's shingles found in the longer one
MIN_SHINGLES = 20  # below this containment says nothing
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


def _minhash(values: np.ndarray | None = None) -> Any:
    """An adapter: datasketch's MinHash, with its 32-bit scheme named where it has schemes."""
    from datasketch import MinHash

    kw: dict[str, Any] = {"num_perm": NUM_PERM, "seed": SEED}
    if values is not None:
        kw["hashvalues"] = values.astype(np.uint64)
    try:
        return MinHash(scheme="affine32", **kw)
    except TypeError:  # datasketch < 2.0: one scheme, values below 2**32 too
        return MinHash(**kw)


def signature(text: str) -> Signature:
    """The MinHash signature of the text."""
    found = shingles(text)
    m = _minhash()
    m.update_batch(sorted(found))
    return Signature(np.asarray(m.hashvalues, dtype="<u4").tobytes(), len(found))


def _sig(x: str | Signature) -> Signature:
    return x if isinstance(x, Signature) else signature(x)


def similar(a: str | Signature, b: str | Signature) -> float:
    """The estimated Jaccard similarity of two texts' shingles (0 … 1)."""
    sa, sb = _sig(a), _sig(b)
    if sa.size == 0 or sb.size == 0:
        return 0.0
    return float(np.mean(sa.array() == sb.array()))


def containment(a: str | Signature, b: str | Signature) -> float:
    """The estimated share of the shorter text's shingles that the longer one has."""
    sa, sb = _sig(a), _sig(b)
    small, large = sorted((sa.size, sb.size))
    if small == 0:
        return 0.0
    j = similar(sa, sb)
    return min(1.0, j * (small + large) / ((1 + j) * small))


@dataclass(frozen=True)
class Match:
    story: str  # the id of the first article of the story
    article: str  # the earlier article most like the new one
    similarity: float


class StoryIndex:
    """Articles seen so far, grouped into stories; says which story a new article repeats."""

    def __init__(self, threshold: float = THRESHOLD, containment: float = CONTAINMENT) -> None:
        from datasketch import MinHashLSH

        self.threshold, self.containment = threshold, containment
        # Candidates are gathered below the threshold, then checked one by one.
        self._lsh = MinHashLSH(threshold=min(threshold, 0.5), num_perm=NUM_PERM)
        self._sigs: dict[str, Signature] = {}
        self._story: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def story_of(self, id: str) -> str | None:
        return self._story.get(id)

    def _is_copy(self, a: Signature, b: Signature) -> bool:
        if similar(a, b) >= self.threshold:
            return True
        return min(a.size, b.size) >= MIN_SHINGLES and containment(a, b) >= self.containment

    def find(self, text: str | Signature) -> Match | None:
        """The earlier article the text repeats (the most similar one), or None."""
        sig = _sig(text)
        if sig.size == 0:
            return None
        best: Match | None = None
        for other in self._lsh.query(_minhash(sig.array())):
            osig = self._sigs[other]
            if self._is_copy(sig, osig):
                sim = similar(sig, osig)
                if best is None or sim > best.similarity or (sim == best.similarity and other < best.article):
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
        if sig.size:
            self._lsh.insert(id, _minhash(sig.array()))
        return match
