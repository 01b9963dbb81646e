"""Learning the weights from recorded outcomes, without changing any caller.

Each recorded introduction gives the term values the matcher saw (`Match.terms`) and what
happened: the placement started (1) or was declined (0). WeightFitter fits a logistic
model P(start) = sigmoid(a + X @ w) with w >= 0 (a term may matter little, but it may not
flip sign: "closer is better" is a rule, not a finding) and a little L2 shrinkage towards
the default weights so that a few dozen outcomes cannot swing them wildly. `weights_` is a
`Weights` to pass to `WorkpostIndex(weights=...)`.
"""
import numpy as np
from scipy.optimize import minimize
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted, check_X_y, check_array

from matcher.scoring import TERMS, Weights


def term_matrix(matches) -> np.ndarray:
    """Rows of term values, in scoring.TERMS order, from Match objects."""
    return np.array([[m.terms.get(t, 0.0) for t in TERMS] for m in matches], dtype=float)


class WeightFitter(BaseEstimator):
    def __init__(self, prior: Weights | None = None, shrinkage: float = 1.0):
        self.prior = prior
        self.shrinkage = shrinkage

    def fit(self, X, y):
        X, y = check_X_y(X, y, dtype=float)
        if X.shape[1] != len(TERMS):
            raise ValueError(f"X must have {len(TERMS)} columns ({', '.join(TERMS)})")
        prior = (self.prior or Weights()).vector()
        scale = 10.0  # a logistic slope: scores span about 0.5 around the middle
        start = np.concatenate([[0.0], prior * scale])

        def loss(params):
            logits = params[0] + X @ params[1:]
            nll = np.logaddexp(0, logits) - y * logits
            penalty = self.shrinkage * np.sum((params[1:] - prior * scale) ** 2)
            grad_logits = 1 / (1 + np.exp(-logits)) - y
            grad = np.concatenate([[grad_logits.sum()], X.T @ grad_logits
                                   + 2 * self.shrinkage * (params[1:] - prior * scale)])
            return nll.sum() + penalty, grad

        bounds = [(None, None)] + [(0.0, None)] * len(TERMS)
        result = minimize(loss, start, jac=True, bounds=bounds, method="L-BFGS-B")
        self.intercept_ = float(result.x[0])
        self.coef_ = result.x[1:]
        self.weights_ = Weights.from_vector(self.coef_ if self.coef_.sum() > 0 else prior)
        self.n_features_in_ = X.shape[1]
        return self

    def predict_proba(self, X) -> np.ndarray:
        check_is_fitted(self, "coef_")
        X = check_array(X, dtype=float)
        p = 1 / (1 + np.exp(-(self.intercept_ + X @ self.coef_)))
        return np.column_stack([1 - p, p])
