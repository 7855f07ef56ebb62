#!/usr/bin/env python3
"""Worked example: turn a trained scikit-learn pipeline into an mlledger model file (docs/model.md).

The pipeline is the shape mlledger's logistic-regression model can reproduce exactly:

    Pipeline([
        ("columns", ColumnTransformer([
            ("num",  StandardScaler(), <number columns>),
            ("cat",  OneHotEncoder(), <category columns>),
            ("bool", "passthrough",    <boolean columns, as 0/1>),
        ])),
        ("model", LogisticRegression()),
    ])

The script trains one on a small synthetic dataset it generates itself (numpy, fixed seed; no real data),
writes the model file, checks that the file's probability equals predict_proba for a few rows, and writes
those rows with their probabilities for mlledger's own test (SklearnExportTest) to reproduce in Java.

    /usr/bin/python3 tools/export_sklearn_model.py            # rewrites the test fixtures
    /usr/bin/python3 tools/export_sklearn_model.py --model-out my-model.json --expected-out /dev/null

Needs numpy and scikit-learn >= 1.2 (Debian: apt-get install python3-sklearn).
"""
import argparse
import json
import math
import pathlib
import sys

import numpy as np
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMBERS = ["age", "monthly_income", "years_at_company"]
CATEGORIES = ["department", "marital_status"]
BOOLEANS = ["overtime"]
COLUMNS = NUMBERS + CATEGORIES + BOOLEANS

DEPARTMENTS = ["Sales", "Research & Development", "Human Resources"]
MARITAL_STATUSES = ["Single", "Married", "Divorced"]

REPO = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = REPO / "bootstrap" / "src" / "test" / "resources" / "model"


def synthetic_employees(n, seed):
    """Made-up employees and whether they left, from a known logistic relation plus noise."""
    rng = np.random.default_rng(seed)
    age = np.clip(rng.normal(37, 9, n), 18, 62).round()
    monthly_income = np.clip(rng.lognormal(8.6, 0.5, n), 1000, 20000).round()
    years_at_company = np.minimum(rng.poisson(6, n), age - 18)
    department = rng.choice(DEPARTMENTS, n, p=[0.30, 0.65, 0.05])
    marital_status = rng.choice(MARITAL_STATUSES, n, p=[0.32, 0.46, 0.22])
    overtime = rng.random(n) < 0.28
    log_odds = (-1.6 - 0.04 * (age - 37) - 0.00012 * (monthly_income - 6000) - 0.05 * (years_at_company - 6)
                + 1.3 * overtime + 0.5 * (department == "Sales") + 0.7 * (marital_status == "Single"))
    left = rng.random(n) < 1 / (1 + np.exp(-log_odds))

    features = np.empty((n, len(COLUMNS)), dtype=object)
    for j, column in enumerate([age, monthly_income, years_at_company, department, marital_status,
                                overtime.astype(float)]):
        features[:, j] = column
    return features, left.astype(int)


def train(features, labels):
    columns = ColumnTransformer([
        ("num", StandardScaler(), [COLUMNS.index(c) for c in NUMBERS]),
        ("cat", OneHotEncoder(sparse_output=False), [COLUMNS.index(c) for c in CATEGORIES]),
        ("bool", "passthrough", [COLUMNS.index(c) for c in BOOLEANS]),
    ])
    pipeline = Pipeline([("columns", columns), ("model", LogisticRegression(max_iter=1000))])
    return pipeline.fit(features, labels)


def export(pipeline, version, description):
    """The mlledger model file (a dict) that computes what the pipeline's predict_proba(...)[:, 1] does."""
    columns = pipeline.named_steps["columns"]
    model = pipeline.named_steps["model"]
    if model.coef_.shape[0] != 1:
        raise SystemExit("only a binary LogisticRegression can be exported")
    coef = model.coef_[0]
    where = columns.output_indices_  # transformer name -> slice of the transformed columns

    scaler = columns.named_transformers_["num"]
    number_coef = coef[where["num"]]
    features = [{"name": name, "type": "number", "required": True, "coefficient": float(number_coef[i]),
                 "mean": float(scaler.mean_[i]), "scale": float(scaler.scale_[i])}
                for i, name in enumerate(NUMBERS)]

    encoder = columns.named_transformers_["cat"]
    category_coef = iter(coef[where["cat"]])
    dropped = encoder.drop_idx_ if encoder.drop_idx_ is not None else [None] * len(CATEGORIES)
    for name, values, drop in zip(CATEGORIES, encoder.categories_, dropped):
        coefficients = {}
        for k, value in enumerate(values):
            if k != drop:  # a dropped (reference) category has no column, hence no coefficient
                coefficients[str(value)] = float(next(category_coef))
        features.append({"name": name, "type": "category", "required": True,
                         "values": [str(v) for v in values], "coefficients": coefficients})

    boolean_coef = coef[where["bool"]]
    features += [{"name": name, "type": "boolean", "required": True, "coefficient": float(boolean_coef[i])}
                 for i, name in enumerate(BOOLEANS)]

    return {"model_version": version, "description": description,
            "intercept": float(model.intercept_[0]), "features": features}


def probability(model_file, employee):
    """What mlledger computes from a model file (docs/model.md), in plain Python."""
    z = model_file["intercept"]
    for feature in model_file["features"]:
        value = employee.get(feature["name"])
        if value is None:
            continue
        if feature["type"] == "number":
            x = (value - feature["mean"]) / feature["scale"] if "mean" in feature else value
            z += feature["coefficient"] * x
        elif feature["type"] == "boolean":
            z += feature["coefficient"] if value else 0.0
        else:
            z += feature["coefficients"].get(value, 0.0)
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def as_json_features(row):
    """A row as a client would send it: numbers, strings, and true/false for the booleans."""
    employee = {}
    for name, value in zip(COLUMNS, row):
        if name in BOOLEANS:
            employee[name] = bool(value)
        elif name in NUMBERS:
            employee[name] = float(value)
        else:
            employee[name] = str(value)
    return employee


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-out", type=pathlib.Path, default=FIXTURES / "sklearn-export.json")
    parser.add_argument("--expected-out", type=pathlib.Path, default=FIXTURES / "sklearn-export-expected.json")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rows", type=int, default=6, help="how many rows to check and write out")
    args = parser.parse_args()

    features, labels = synthetic_employees(2000, args.seed)
    pipeline = train(features, labels)
    model_file = export(pipeline, "sklearn-synthetic-1.0.0",
                        "Exported by tools/export_sklearn_model.py from a scikit-learn " + sklearn.__version__
                        + " pipeline trained on SYNTHETIC data (seed " + str(args.seed) + "); for testing the "
                        + "export, not for scoring anyone.")

    rows = features[:args.rows]
    expected = pipeline.predict_proba(rows)[:, 1]
    checked = []
    for row, p in zip(rows, expected):
        employee = as_json_features(row)
        from_file = probability(model_file, employee)
        if abs(from_file - p) > 1e-12:
            sys.exit(f"the exported file gives {from_file!r} but predict_proba gives {p!r} for {employee}")
        checked.append({"features": employee, "probability": float(p)})
        print(f"{p:.17g}  {json.dumps(employee)}")

    args.model_out.write_text(json.dumps(model_file, indent=2) + "\n")
    args.expected_out.write_text(json.dumps({"model_file": args.model_out.name, "rows": checked}, indent=2) + "\n")
    print(f"wrote {args.model_out} and {args.expected_out}: the file matches predict_proba on {len(checked)} rows")


if __name__ == "__main__":
    main()
