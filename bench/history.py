"""Times the first and the last page of a run's metric history (same limit), after walking to the last page.

    python3 bench/history.py http://127.0.0.1:8080 <run_id> [limit]
"""
import json
import statistics
import sys
import time
import urllib.parse
import urllib.request
import os

AUTH = {"Authorization": "Bearer " + os.environ["MLLEDGER_TOKEN"]} if os.environ.get("MLLEDGER_TOKEN") else {}

base, run_id = sys.argv[1], sys.argv[2]
limit = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
query = f"/api/v1/runs/{run_id}/metrics?limit={limit}"


def get(url):
    with urllib.request.urlopen(urllib.request.Request(base + url, headers=AUTH)) as response:
        return json.load(response)


cursor, last_cursor, pages = None, None, 0
while True:
    page = get(query + ("&cursor=" + urllib.parse.quote(cursor) if cursor else ""))
    pages += 1
    if page["next_cursor"] is None:
        break
    last_cursor, cursor = cursor, page["next_cursor"]
last = query + "&cursor=" + urllib.parse.quote(cursor)
full_last = query + "&cursor=" + urllib.parse.quote(last_cursor) if last_cursor else query


def timed(url, rounds=30):
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        get(url)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


get(query), get(full_last)
first, deep = timed(query), timed(full_last)
print(f"{pages} pages of {limit}")
print(f"first page: p50 {first:.1f} ms")
print(f"page {pages - 1} (the last full one): p50 {deep:.1f} ms")
print(f"ratio: {deep / first:.2f}")
