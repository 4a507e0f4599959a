#!/usr/bin/env python3
"""Load for the kill -9 measurement: posts chat completions from many threads and appends the
x-lookout-request-id of every response the client received to an output file, flushed per line.

Usage: kill9_load.py GATEWAY_URL OUTPUT_FILE THREADS
Runs until the gateway stops answering (it is killed), then prints the count and the rate.
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

url = urllib.parse.urlparse(sys.argv[1])
out = open(sys.argv[2], "a", buffering=1)
threads = int(sys.argv[3])
lock = threading.Lock()
acked = 0
started = time.monotonic()
last_ack = started
body = json.dumps({
    "model": "gpt-4o-mini",
    "messages": [{"role": "user", "content": "Name three uses of a paperclip."}],
}).encode()


def worker():
    global acked, last_ack
    conn = None
    failures = 0
    while failures < 20:
        try:
            if conn is None:
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
            conn.request("POST", "/v1/chat/completions", body,
                         {"content-type": "application/json"})
            response = conn.getresponse()
            response.read()
            request_id = response.getheader("x-lookout-request-id")
            if request_id:
                with lock:
                    out.write(request_id + "\n")
                    acked += 1
                    last_ack = time.monotonic()
            failures = 0
        except (OSError, http.client.HTTPException):
            failures += 1
            conn = None
            time.sleep(0.05)


workers = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
for w in workers:
    w.start()
for w in workers:
    w.join()
elapsed = last_ack - started
print(f"acknowledged {acked} calls in {elapsed:.1f} s ({acked / max(elapsed, 1e-9):.0f}/s)")
