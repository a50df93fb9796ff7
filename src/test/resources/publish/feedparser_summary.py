# Reads one feed file with feedparser and prints what a reader saw, as JSON, for FeedparserTest.
# Usage: python3 feedparser_summary.py FILE
import json
import sys

import feedparser

parsed = feedparser.parse(sys.argv[1])
print(json.dumps({
    "bozo": int(parsed.bozo),
    "bozo_exception": str(parsed.get("bozo_exception", "")),
    "version": parsed.version,
    "title": parsed.feed.get("title", ""),
    "entries": [
        {"id": e.get("id", ""), "title": e.get("title", ""), "link": e.get("link", "")}
        for e in parsed.entries
    ],
}, ensure_ascii=False))
