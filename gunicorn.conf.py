"""gunicorn's settings for production: `gunicorn wsgi:app` from the repository root.

The app is loaded once in the master and the matcher's index is built there before the
workers fork: the workers share its pages (copy-on-write) instead of each building its own,
and nobody's first match page waits for a build. The master checks that the configuration
fits several workers (web/topology.py) and stops with a message when it does not.
"""
import os

os.environ.setdefault("WPW_ENV", "production")

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
# WPW_PRELOAD=0 only for measuring the difference (bench/bench_workers.py).
preload_app = os.environ.get("WPW_PRELOAD", "1") == "1"
# A slow request is cut off after this long; a stopping worker finishes its requests first.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Requests are logged without their query strings (staff searches must not reach logs).
accesslog = os.environ.get("ACCESS_LOG", "-")
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'


def when_ready(server):
    if preload_app:
        from web import topology

        topology.prepare_master(server.app.wsgi(), workers=server.cfg.workers)


def post_fork(server, worker):
    if preload_app:
        from web import topology

        topology.after_fork(server.app.wsgi())
