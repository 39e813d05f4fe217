#!/usr/bin/env python3
"""Writes dedup-eval.jsonl: the labelled evaluation set of DedupEvaluationTest.

Every story below was written by hand in newswire style; every variant is a hand-chosen edit of the
kind seen on scraped news sites (wire prefixes, one word changed, a sentence appended or dropped,
republication with another dateline/credit line, re-capitalisation, punctuation). Labels are
decided by the story, not by what the code catches: an update that changes a figure of the same
story stays in the story's group. Formulaic controls (market reports, dividend notices, jobless
claims, results, weather) are separate groups each.

Run: python3 make_eval_set.py > dedup-eval.jsonl
"""
import json
import re
import sys

T0 = "2017-04-03T06:00:00Z"
ITEMS = []


def ts(hours):
    from datetime import datetime, timedelta, timezone
    base = datetime(2017, 4, 3, 6, 0, tzinfo=timezone.utc)
    return (base + timedelta(minutes=round(hours * 60))).strftime("%Y-%m-%dT%H:%M:%SZ")


def add(group, suffix, kind, hours, headline, paragraphs, relation, edit):
    ITEMS.append({"id": f"{group}-{suffix}", "group": group, "kind": kind, "time": ts(hours),
                  "headline": headline, "paragraphs": paragraphs, "relation": relation, "edit": edit})


# ---- edit operations on (headline, body) -------------------------------------------------------
def prefix(p):
    return lambda h, b: (p + h, b), f"prefix {p!r}"


def replace(old, new, in_headline=False):
    def op(h, b):
        if in_headline:
            assert old in h, (old, h)
            return h.replace(old, new, 1), b
        assert old in b, (old, b)
        return h, b.replace(old, new, 1)
    return op, f"replace {old!r} -> {new!r}"


def append(sentence):
    return lambda h, b: (h, b + " " + sentence), "append sentence"


def drop_last():
    def op(h, b):
        sentences = re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", b)
        assert len(sentences) > 1, b
        return h, " ".join(sentences[:-1])
    return op, "drop last sentence"


def repub(dateline, credit):
    return lambda h, b: (h, dateline + " " + b + ("\n" + credit if credit else "")), f"republished with {dateline!r} / {credit!r}"


def headline_case(style):
    def op(h, b):
        if style == "upper":
            return h.upper(), b
        small = {"a", "an", "the", "of", "in", "on", "for", "to", "and", "at", "by", "with", "as"}
        words = h.split(" ")
        return " ".join(w if (i and w.lower() in small) else w[:1].upper() + w[1:] for i, w in enumerate(words)), b
    return op, f"headline re-capitalised ({style})"


def punct():
    def op(h, b):
        b2 = b.replace(", ", " , ").replace(" , ", ", ", 1).replace("\"", "\u201c", 1).replace("\"", "\u201d", 1)
        b2 = b2.replace(" - ", " \u2013 ").replace("'", "\u2019")
        return h.rstrip(".") + ":", b2.replace("  ", " ")
    return op, "typographic quotes/dashes, headline punctuation"


EXACT = (lambda h, b: (h, b), "exact copy")


def story(group, hours, headline, body, variants, kind="BRIEF"):
    """An original brief and its variants: (hours offset, [ops...], relation)."""
    add(group, "a", kind, hours, headline, [body], "original", "original")
    for n, (dh, ops, relation) in enumerate(variants):
        h, b = headline, body
        names = []
        for op, name in ops:
            h, b = op(h, b)
            names.append(name)
        add(group, chr(ord("b") + n), kind, hours + dh, h, [b], relation, "; ".join(names))


def control(group, hours, headline, body, kind="BRIEF"):
    add(group, "a", kind, hours, headline, [body], "original", "formulaic control")


def article(group, hours, headline, paragraphs, briefs):
    """An article and briefs of it: (hours offset relative to the article, headline, summary, relation)."""
    add(group, "a", "ARTICLE", hours, headline, paragraphs, "original", "article")
    for n, (dh, h, s, relation, edit) in enumerate(briefs):
        add(group, chr(ord("b") + n), "BRIEF", hours + dh, h, [s], relation, edit)


exec(open(__file__.replace("make_eval_set.py", "eval_stories.py"), encoding="utf-8").read())

ITEMS.sort(key=lambda i: (i["time"], i["id"]))
for item in ITEMS:
    sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
