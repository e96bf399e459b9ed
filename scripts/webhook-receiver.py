#!/usr/bin/env python3
"""A webhook receiver that checks Crescendo's signatures with the independent Standard Webhooks
verifier (the `standardwebhooks` package), for the daemon's tests.

    webhook-receiver.py --secret S [--raw] --port-file F [--requests N] [--seconds T]

Listens on 127.0.0.1 (a free port, written to F), answers each POST 204 when the signature
verifies and 400 (with the verifier's message) when it does not, prints one JSON line per
request, and exits after N requests or T seconds. --raw gives the verifier the secret's UTF-8
bytes (a secret without the whsec_ prefix); otherwise the secret string as Standard Webhooks
libraries take it.
"""
import argparse
import http.server
import json
import sys
import threading

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--secret", required=True)
    ap.add_argument("--raw", action="store_true")
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--requests", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=30)
    args = ap.parse_args()
    verifier = Webhook(args.secret.encode() if args.raw else args.secret)
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            headers = {k: v for k, v in self.headers.items()}
            try:
                verifier.verify(body, headers)
                status, message = 204, "verified"
            except WebhookVerificationError as e:
                status, message = 400, str(e)
            print(json.dumps({"status": status, "message": message, "id": headers.get("webhook-id"),
                              "key": headers.get("Idempotency-Key")}), flush=True)
            self.send_response(status)
            self.send_header("Content-Length", str(len(message)))
            self.end_headers()
            self.wfile.write(message.encode())
            seen.append(status)
            if len(seen) >= args.requests:
                threading.Thread(target=server.shutdown, daemon=True).start()

        def log_message(self, *a):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    with open(args.port_file, "w") as f:
        f.write(str(server.server_address[1]))
    timer = threading.Timer(args.seconds, server.shutdown)
    timer.daemon = True
    timer.start()
    server.serve_forever()
    timer.cancel()
    return 0


if __name__ == "__main__":
    sys.exit(main())
