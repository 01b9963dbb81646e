"""Text features for short Dutch texts: stemmed words and character n-grams, tf-idf.

Two kinds of feature share one hashed space: whole words, stemmed with Snowball's Dutch
stemmer and split into their known parts (`kattenhokken` -> kat, hok), in the first
WORD_SPACE columns; and character n-grams inside word boundaries (`char_wb`, 3 to 5
letters) in the rest, which still match a typing slip or a compound the vocabulary does not
know (`boekhoud` in `boekhouding` and `boekhoudkantoor`). Stop words ("de", "graag") count
for nothing. A stemmed word weighs as much as all its n-grams together, so a short text
that shares one real word with a description visibly matches.

Hashing (no vocabulary) keeps the features stateless: a workpost added after the build is
vectorised exactly like the others. Each document keeps at most `top_k` features, stored
as two fixed-width arrays (column ids, float16 weights), which bounds memory at a million
workposts and turns "cosine with the participant's text" into a gather and a row sum. The
pruning keeps every stemmed word first and fills the rest with the strongest n-grams: the
words that matter are never the ones dropped.
"""
import zlib

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32
from sklearn.utils.validation import check_is_fitted

from matcher import words as vocabulary

WORD_SPACE = 2**16
GRAM_WEIGHT = 0.25  # an 8-letter word has ~21 n-grams: together about one word's weight
_TOKENS: dict = {}  # (word, n_features, ngram_range) -> its columns and counts
_BATCH = 20_000


class TextFeatures(TransformerMixin, BaseEstimator):
    """fit(texts) learns idf_ from the texts (a deterministic sample of at most
    `idf_sample` of them, chosen by content so that input order does not matter);
    transform(texts) -> (columns, weights) arrays of shape (n, top_k)."""

    def __init__(self, top_k: int = 48, n_features: int = 2**18, ngram_range=(3, 5),
                 idf_sample: int = 50_000):
        self.top_k = top_k
        self.n_features = n_features
        self.ngram_range = ngram_range
        self.idf_sample = idf_sample

    def _hasher(self) -> HashingVectorizer:
        return HashingVectorizer(analyzer="char_wb", ngram_range=self.ngram_range,
                                 n_features=self.n_features - WORD_SPACE,
                                 alternate_sign=False, norm=None, lowercase=False)

    def _word_features(self, tokens: list[str]) -> sparse.csr_matrix:
        """One row per distinct token: its stem and known compound parts (weight 1 each, in
        the word columns) and its character n-grams (GRAM_WEIGHT each, after them); a stop
        word gives an empty row."""
        lexicon = vocabulary.lexicon()
        content = [t not in lexicon.stopwords for t in tokens]
        grams = self._hasher().transform([t if keep else "" for t, keep in zip(tokens, content)])
        rows, cols = [], []
        for i, (token, keep) in enumerate(zip(tokens, content)):
            if not keep:
                continue
            for key in dict.fromkeys((vocabulary.stem(token), *lexicon.split(token))):
                rows.append(i)
                cols.append(murmurhash3_32(key, positive=True) % WORD_SPACE)
        stems = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                  shape=(len(tokens), WORD_SPACE))
        return sparse.hstack([stems, grams.astype(np.float32) * GRAM_WEIGHT],
                             format="csr", dtype=np.float32)

    def fit(self, texts, y=None):
        texts = self._sample(list(texts))
        counts = self._counts(texts)
        df = np.bincount(counts.indices, minlength=self.n_features)
        # Smooth idf as scikit-learn's TfidfTransformer does: unseen n-grams weigh most.
        self.idf_ = (np.log((1 + len(texts)) / (1 + df)) + 1).astype(np.float32)
        self.n_features_in_ = 1
        return self

    def _sample(self, texts: list[str]) -> list[str]:
        if len(texts) <= self.idf_sample:
            return texts
        step = len(texts) / self.idf_sample
        # Pick by a hash of the text, not by position: the same collection in any order
        # gives the same idf.
        return [t for t in texts if zlib.crc32(t.encode()) % 1_000_003 < 1_000_003 / step]

    def _counts(self, texts: list[str]) -> sparse.csr_matrix:
        """n-gram counts per text. `char_wb` n-grams never cross a space, so a text's
        counts are the sum of its words' counts: hash each distinct word once and add up
        with one sparse product (exactly what HashingVectorizer gives, many times faster
        on a million workposts that share most of their words)."""
        seen: dict[str, int] = {}
        columns, indptr = [], [0]
        for text in texts:
            columns.extend(seen.setdefault(w, len(seen)) for w in vocabulary.tokens(text))
            indptr.append(len(columns))
        words = sparse.csr_matrix(
            (np.ones(len(columns), dtype=np.float32), np.array(columns, dtype=np.int64),
             np.array(indptr, dtype=np.int64)), shape=(len(texts), len(seen)))
        features = self._word_features(list(seen)) if seen \
            else sparse.csr_matrix((0, self.n_features), dtype=np.float32)
        return (words @ features).tocsr()

    def fit_transform(self, texts, y=None):
        texts = list(texts)
        return self.fit(texts).transform(texts)

    def transform(self, texts):
        check_is_fitted(self, "idf_")
        texts = list(texts)
        columns = np.zeros((len(texts), self.top_k), dtype=np.int32)
        weights = np.zeros((len(texts), self.top_k), dtype=np.float16)
        for start in range(0, len(texts), _BATCH):
            batch = self._weighted(self._counts(texts[start:start + _BATCH]))
            _top_k_into(batch, columns[start:], weights[start:], self.top_k)
        return columns, weights

    def _weighted(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        counts = counts.astype(np.float32)
        # Sublinear tf (a repeated word counts less), on the count in units of its kind.
        unit = np.where(counts.indices < WORD_SPACE, 1.0, GRAM_WEIGHT).astype(np.float32)
        counts.data = (1 + np.log(np.maximum(counts.data / unit, 1.0))) * unit
        return counts.multiply(self.idf_[None, :]).tocsr()

    def query(self, text: str) -> np.ndarray:
        """The participant's text as a dense unit vector over all hashed features (zeros if
        empty), ready to be gathered at the workposts' columns. Built from each word's
        features, cached per word, without sparse matrices: this runs on every ranking."""
        check_is_fitted(self, "idf_")
        dense = np.zeros(self.n_features, dtype=np.float32)
        found = [self._token(t) for t in vocabulary.tokens(text or "")]
        found = [f for f in found if len(f[0])]
        if not found:
            return dense
        cols = np.concatenate([c for c, _ in found])
        vals = np.concatenate([v for _, v in found])
        unique, inverse = np.unique(cols, return_inverse=True)
        counts = np.bincount(inverse, weights=vals).astype(np.float32)
        unit = np.where(unique < WORD_SPACE, 1.0, GRAM_WEIGHT).astype(np.float32)
        weights = (1 + np.log(np.maximum(counts / unit, 1.0))) * unit * self.idf_[unique]
        norm = np.sqrt((weights.astype(np.float64) ** 2).sum())
        if norm > 0:
            dense[unique] = weights / norm
        return dense

    def _token(self, token: str) -> tuple[np.ndarray, np.ndarray]:
        """A word's feature columns and counts, computed once per word and setting."""
        key = (token, self.n_features, tuple(self.ngram_range))
        found = _TOKENS.get(key)
        if found is None:
            row = self._word_features([token])
            found = (row.indices.astype(np.int64), row.data.astype(np.float32))
            if len(_TOKENS) > 100_000:
                _TOKENS.clear()
            _TOKENS[key] = found
        return found

    def columns_of(self, tokens: list[str]) -> list[tuple[set, set]]:
        """Per token: its word columns and its n-gram columns (to say which words matched)."""
        out = []
        for token in tokens:
            cols = self._token(token)[0].tolist()
            out.append(({c for c in cols if c < WORD_SPACE}, {c for c in cols if c >= WORD_SPACE}))
        return out


def _top_k_into(matrix: sparse.csr_matrix, columns, weights, k: int) -> None:
    """Keep each row's k largest entries, renormalised to unit length, in place."""
    matrix.sum_duplicates()
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    # Sort by row, words before n-grams, then weight descending, then column: the stemmed
    # words are always kept, and ties are broken the same way every time.
    order = np.lexsort((matrix.indices, -matrix.data, matrix.indices >= WORD_SPACE, rows))
    rank = np.arange(len(order)) - matrix.indptr[rows[order]]
    keep = order[rank < k]
    kept_rows, kept_rank = rows[keep], rank[rank < k]
    values = matrix.data[keep]
    norms = np.sqrt(np.bincount(kept_rows, weights=values.astype(np.float64) ** 2,
                                minlength=matrix.shape[0]))
    columns[kept_rows, kept_rank] = matrix.indices[keep]
    weights[kept_rows, kept_rank] = values / np.where(norms > 0, norms, 1)[kept_rows]
