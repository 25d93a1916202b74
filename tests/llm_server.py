#!/usr/bin/env python3
"""A loopback server that speaks the OpenAI chat-completions API from a script,
for eok's tests (python3 standard library only).

usage: llm_server.py --script SCRIPT.json [--log LOG.jsonl] [--port N]

Prints "PORT <n>" on its first stdout line once listening (port 0: any free port).

The script is JSON: {"replies": [ENTRY, ...]}. Each request to /v1/chat/completions
is answered by the first entry that still has uses left and whose "match" (if any)
is a substring of the last user message; entries are consumed in order, so a list
without "match" is served in sequence. An ENTRY has:
  "content":  reply text (mode "ok")
  "match":    substring of the user message this entry answers, or a list of substrings
              that must all appear (e.g. the kernel's name and an operator's instruction)
  "times":    how many requests it answers (default 1); "repeat": true for no limit
  "mode":     "ok" (default), "status" (HTTP "status" with an error body), "truncated"
              (200, JSON cut in half, consistent Content-Length), "short" (Content-Length
              larger than the body, then the connection closes), "empty_choices",
              "no_usage", "drop" (close without answering)
  "status":   HTTP status for mode "status" (e.g. 429, 500, 401)
  "headers":  extra response headers, e.g. {"Retry-After": "1"}
  "delay":    seconds to wait before answering (a slow server)
  "usage":    [prompt_tokens, completion_tokens] (default: bytes / 4)
  "@AUTH@":   anywhere in "content" or "message" is replaced by the request's bearer token
              (a server that echoes the key; tests check eok never shows or stores it)
  "unique":   true: a comment line naming the request's hash goes before the content's last
              code fence, so every prompt gets different code (benchmarks evaluate each one)
A request no entry answers gets 400 "llm_server: no scripted reply".
/v1/embeddings answers with deterministic 8-dimensional vectors: a text gets the "vector" of
the first entry of the script's optional "embeddings" list whose "match" (a substring, or a list
of substrings that must all appear) it contains, else 8 bytes of its SHA-256 scaled to [0, 1].

Every request is appended to the log as one JSON line: arrival time, path, model,
authorization header, the user message, which entry answered, and how many requests
were in flight when it arrived (the tests check retries, timeouts and concurrency).
"""
import argparse
import hashlib
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def matches(match, user):
    if match is None:
        return True
    return all(m in user for m in ([match] if isinstance(match, str) else match))


class State:
    def __init__(self, script, log_path):
        self.entries = script.get("replies", [])
        self.embeddings = script.get("embeddings", [])
        self.used = [0] * len(self.entries)
        self.log_path = log_path
        self.lock = threading.Lock()
        self.in_flight = 0
        self.count = 0

    def pick(self, user):
        with self.lock:
            for i, e in enumerate(self.entries):
                left = e.get("repeat") or self.used[i] < e.get("times", 1)
                if left and matches(e.get("match"), user):
                    self.used[i] += 1
                    return i, e
        return None, None

    def log(self, record):
        if not self.log_path:
            return
        with self.lock:
            with open(self.log_path, "a") as f:
                f.write(json.dumps(record) + "\n")


def chat_body(entry, model, prompt_len, user):
    content = entry.get("content", "")
    fence = content.rfind("```")
    if entry.get("unique") and fence > 0:
        tag = hashlib.sha256(user.encode()).hexdigest()[:16]
        content = content[:fence] + f"// llm_server reply {tag}\n" + content[fence:]
    usage = entry.get("usage", [prompt_len // 4, len(content) // 4])
    body = {
        "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": usage[0] + usage[1]},
    }
    if entry.get("mode") == "no_usage":
        del body["usage"]
    if entry.get("mode") == "empty_choices":
        body["choices"] = []
    return json.dumps(body).encode()


def embedding_vector(text, scripted):
    for e in scripted:
        if matches(e.get("match"), text):
            return e["vector"]
    return [b / 255.0 for b in hashlib.sha256(text.encode()).digest()[:8]]


def embedding_body(texts, model, scripted):
    data = []
    for i, t in enumerate(texts):
        data.append({"object": "embedding", "index": i, "embedding": embedding_vector(t, scripted)})
    tokens = sum(len(t) // 4 + 1 for t in texts)
    return json.dumps({"object": "list", "data": data, "model": model,
                       "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}).encode()


def make_handler(state):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def leave(self):
            # Leave the in-flight count before the first reply byte goes out: once the client has
            # the reply it may send its next request, which must not find this one still counted.
            if getattr(self, "counted", False):
                self.counted = False
                with state.lock:
                    state.in_flight -= 1

        def send(self, status, body, headers=None, length=None):
            self.leave()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body) if length is None else length))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()

        def do_POST(self):
            with state.lock:
                state.in_flight += 1
                state.count += 1
                in_flight = state.in_flight
                number = state.count
            self.counted = True
            try:
                self.answer(number, in_flight)
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                self.leave()

        def answer(self, number, in_flight):
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            try:
                req = json.loads(raw)
            except ValueError:
                req = {}
            model = req.get("model", "")
            record = {"n": number, "time": time.time(), "path": self.path, "model": model,
                      "authorization": self.headers.get("Authorization", ""), "in_flight": in_flight}
            if self.path.endswith("/embeddings"):
                texts = req.get("input", [])
                record["input"] = texts
                state.log(record)
                self.send(200, embedding_body(texts, model, state.embeddings))
                return
            if not self.path.endswith("/chat/completions"):
                state.log(record)
                self.send(404, b'{"error":{"message":"llm_server: unknown path"}}')
                return
            messages = req.get("messages", [])
            user = next((m.get("content", "") for m in reversed(messages) if m.get("role") == "user"), "")
            record.update({"user": user, "messages": len(messages), "temperature": req.get("temperature"),
                           "max_tokens": req.get("max_tokens")})
            index, entry = state.pick(user)
            record["entry"] = index
            state.log(record)
            if entry is None:
                self.send(400, b'{"error":{"message":"llm_server: no scripted reply"}}')
                return
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            entry = {k: (v.replace("@AUTH@", token) if isinstance(v, str) else v) for k, v in entry.items()}
            time.sleep(entry.get("delay", 0))
            mode = entry.get("mode", "ok")
            prompt_len = sum(len(m.get("content", "")) for m in messages)
            if mode == "drop":
                self.close_connection = True
                return
            if mode == "status":
                status = entry.get("status", 500)
                self.send(status, json.dumps({"error": {"message": entry.get("message", f"scripted {status}")}}).encode(),
                          entry.get("headers"))
                return
            body = chat_body(entry, model, prompt_len, user)
            if mode == "truncated":
                self.send(200, body[: len(body) // 2], entry.get("headers"))
            elif mode == "short":
                self.send(200, body[: len(body) // 2], entry.get("headers"), length=len(body))
                self.close_connection = True
            else:
                self.send(200, body, entry.get("headers"))

    return Handler


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--script", required=True)
    ap.add_argument("--log", default="")
    ap.add_argument("--port", type=int, default=0)
    a = ap.parse_args()
    with open(a.script) as f:
        script = json.load(f)
    state = State(script, a.log)
    server = ThreadingHTTPServer(("127.0.0.1", a.port), make_handler(state))
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
