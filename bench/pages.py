"""Walks GET /api/v1/predictions to page N by its cursors, then times page 1 and page N (same filter) alike.

    python3 bench/pages.py http://127.0.0.1:8080 10000
"""
import json
import statistics
import sys
import time
import urllib.parse
import urllib.request
import os

AUTH = {"Authorization": "Bearer " + os.environ["MLLEDGER_TOKEN"]} if os.environ.get("MLLEDGER_TOKEN") else {}

base, pages = sys.argv[1], int(sys.argv[2])
query = "/api/v1/predictions?limit=50&model_version=logreg-attrition-1.0.0"


def get(url):
    with urllib.request.urlopen(urllib.request.Request(base + url, headers=AUTH)) as response:
        return json.load(response)


cursor = None
for _ in range(pages - 1):
    cursor = get(query + ("&cursor=" + urllib.parse.quote(cursor) if cursor else ""))["next_cursor"]
deep = query + "&cursor=" + urllib.parse.quote(cursor)


def timed(url, rounds=300):
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        get(url)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


get(query), get(deep)
first = timed(query)
last = timed(deep)
print(f"page 1:      p50 {first[0]:.2f} ms, p99 {first[1]:.2f} ms")
print(f"page {pages}:  p50 {last[0]:.2f} ms, p99 {last[1]:.2f} ms")
print(f"ratio page {pages} / page 1 (p50): {last[0] / first[0]:.2f}")
