"""modelsearch's database backends (Wagtail search), subclassed: the one place the site
leans on their internals (compiler methods, the FTS table, Django's `_combine`), so a
modelsearch upgrade means reading this folder. One module per database, since each imports
only on its own (`digest/search/backend.py` picks). `digest/search/tests/test_adapters.py`
pins what they rely on and fails naming the module to revisit."""
