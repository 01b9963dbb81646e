"""Text features for Dutch free text: hashed character n-grams, tf-idf, pruned per document.

Dutch glues words together (`boekhoudkantoor`, `kringwinkel`, `groentesnijden`), so whole-word
features miss most matches; character n-grams inside word boundaries (`char_wb`, 3 to 5
letters) match `boekhoud` in `boekhouding` and `boekhoudkantoor` alike.

Hashing (no vocabulary) keeps the features stateless: a workpost added after the build is
vectorised exactly like the others. Each document keeps only its `top_k` strongest n-grams,
stored as two fixed-width arrays (column ids, float16 weights). That bounds memory at a
million workposts and turns "cosine with the participant's text" into a gather and a row sum.
"""
import zlib

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils.validation import check_is_fitted

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
                                 n_features=self.n_features, alternate_sign=False,
                                 norm=None, lowercase=True)

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
        vocabulary: dict[str, int] = {}
        columns, indptr = [], [0]
        for text in texts:
            columns.extend(vocabulary.setdefault(w, len(vocabulary)) for w in text.lower().split())
            indptr.append(len(columns))
        words = sparse.csr_matrix(
            (np.ones(len(columns), dtype=np.float32), np.array(columns, dtype=np.int64),
             np.array(indptr, dtype=np.int64)), shape=(len(texts), len(vocabulary)))
        grams = self._hasher().transform(list(vocabulary)).astype(np.float32) if vocabulary \
            else sparse.csr_matrix((0, self.n_features), dtype=np.float32)
        return (words @ grams).tocsr()

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
        counts.data = 1 + np.log(counts.data)  # sublinear tf: a repeated word counts less
        return counts.multiply(self.idf_[None, :]).tocsr()

    def query(self, text: str) -> np.ndarray:
        """The participant's text as a dense unit vector over all hashed n-grams (zeros if
        empty), ready to be gathered at the workposts' columns."""
        check_is_fitted(self, "idf_")
        dense = np.zeros(self.n_features, dtype=np.float32)
        if not text or not text.strip():
            return dense
        row = self._weighted(self._hasher().transform([text]))
        norm = np.sqrt((row.data ** 2).sum())
        if norm > 0:
            dense[row.indices] = row.data / norm
        return dense

    def ngrams(self, text: str) -> np.ndarray:
        """The hashed n-gram columns of a text (used to say which words matched)."""
        return np.unique(self._hasher().transform([text]).indices)


def _top_k_into(matrix: sparse.csr_matrix, columns, weights, k: int) -> None:
    """Keep each row's k largest entries, renormalised to unit length, in place."""
    matrix.sum_duplicates()
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    # Sort by row, then weight descending, then column: ties broken the same way every time.
    order = np.lexsort((matrix.indices, -matrix.data, rows))
    rank = np.arange(len(order)) - matrix.indptr[rows[order]]
    keep = order[rank < k]
    kept_rows, kept_rank = rows[keep], rank[rank < k]
    values = matrix.data[keep]
    norms = np.sqrt(np.bincount(kept_rows, weights=values.astype(np.float64) ** 2,
                                minlength=matrix.shape[0]))
    columns[kept_rows, kept_rank] = matrix.indices[keep]
    weights[kept_rows, kept_rank] = values / np.where(norms > 0, norms, 1)[kept_rows]
