#!/usr/bin/env python3
"""Compares the dedup verdicts of runs written by compare-runs.sh: per run, the published / duplicates /
"decided late" counters of enrich-service and the records on the output topics; then how many item ids
got a different verdict in the second run, and ids published more than once in any run.

    compare.py RUN_DIR_A RUN_DIR_B
"""
import collections
import json
import sys


def verdicts(run):
    """id -> sorted list of the verdicts of its occurrences; plus published ids (with repeats) and late count."""
    by_id = collections.defaultdict(list)
    published = collections.Counter()
    late = 0
    for topic in ("news.enriched.articles", "news.enriched.briefs", "news.duplicates"):
        with open(f"{run}/{topic}.jsonl") as f:
            for line in f:
                value = json.loads(line)["value"]
                if topic == "news.duplicates":
                    verdict = f"{value['method']} of {value['duplicateOf']}"
                    late += value["late"]
                    item_id = value["id"]
                else:
                    item = value.get("article") or value.get("brief")
                    item_id = item["id"]
                    verdict = "original"
                    late += value["enrichment"]["late"]
                    published[item_id] += 1
                by_id[item_id].append(verdict)
    return {k: sorted(v) for k, v in by_id.items()}, published, late


runs = sys.argv[1:]
results = [verdicts(r) for r in runs]
print("| run | items | published | duplicates | decided late | ids published twice |")
print("|---|---|---|---|---|---|")
for run, (by_id, published, late) in zip(runs, results):
    stats = json.load(open(f"{run}/stats.json"))["counts"]
    items = sum(len(v) for v in by_id.values())
    twice = sum(1 for n in published.values() if n > 1)
    print(f"| {run.rstrip('/').split('/')[-1]} | {items} | {stats['published']} | {stats['duplicates']} | {stats['decided late']} | {twice} |")
first = results[0][0]
for run, (by_id, _, _) in zip(runs[1:], results[1:]):
    ids = set(first) | set(by_id)
    differing = sorted(i for i in ids if first.get(i) != by_id.get(i))
    print(f"\n{run.rstrip('/').split('/')[-1]}: {len(differing)} of {len(ids)} item ids got another verdict than in {runs[0].rstrip('/').split('/')[-1]}")
    for i in differing[:5]:
        print(f"  {i}: {first.get(i)} vs {by_id.get(i)}")
