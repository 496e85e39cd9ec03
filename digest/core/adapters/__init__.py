"""Framework internals, each behind one door: the private names of Wagtail, treebeard and
Django's ORM that the project relies on, one module per framework, each use saying why no
public API serves. `digest/core/tests/test_adapters.py` pins the behaviour each one relies on,
so an upgrade that changes it fails there, naming the module to revisit. (modelsearch's are
in `digest/search/adapters/`: only search uses it.)"""
