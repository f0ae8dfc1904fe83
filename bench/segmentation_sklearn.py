"""The baseline for bench/segmentation.py: scikit-learn's default pipeline for the same task, one-hot
encoding of the categorical columns, quantile bins (one-hot) of the numeric ones, missing values as their
own level, and LogisticRegression() with its defaults (L2, C=1, lbfgs). Dev-only: pandas and scikit-learn
are never imported by product code."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa


def frame(table: pa.Table, features: list[str], numeric: list[str]) -> pd.DataFrame:
    df = table.select(features).to_pandas()
    for name in features:
        if name in numeric:
            df[name] = df[name].astype("float64")
            df[name + "__missing"] = df[name].isna().astype("float64")
            df[name] = df[name].fillna(0.0)
        else:
            df[name] = df[name].astype("object").where(df[name].notna(), "missing").astype(str)
    return df


def pipeline(features: list[str], numeric: list[str]):
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import KBinsDiscretizer, OneHotEncoder

    categorical = [f for f in features if f not in numeric]
    encode = ColumnTransformer(
        [
            ("levels", OneHotEncoder(handle_unknown="ignore"), categorical),
            ("bins", KBinsDiscretizer(n_bins=20, encode="onehot", strategy="quantile"), numeric),
            ("missing", "passthrough", [n + "__missing" for n in numeric]),
        ]
    )
    return make_pipeline(encode, LogisticRegression())


def fit(table: pa.Table, features: list[str], numeric: list[str], outcome: np.ndarray):
    model = pipeline(features, numeric)
    model.fit(frame(table, features, numeric), outcome)
    return model
