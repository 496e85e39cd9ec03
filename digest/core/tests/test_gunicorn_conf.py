"""gunicorn.conf.py: the production server's settings load and freeze start-up objects."""

import gc
import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[3] / "gunicorn.conf.py"


def test_settings_and_fork_hooks(monkeypatch):
    monkeypatch.setenv("PORT", "8123")
    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    conf = runpy.run_path(str(CONF))
    assert conf["bind"] == "0.0.0.0:8123" and conf["workers"] == 2 and conf["preload_app"]
    try:
        conf["on_starting"](None)
        assert not gc.isenabled()
        conf["pre_fork"](None, None)
        assert gc.get_freeze_count() > 0
        conf["post_fork"](None, None)
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
