"""Django ORM internals: bulk inserts of a multi-table-inheritance model (the synthetic
corpus's pages, digest/core/corpus.py)."""


def insert_own_rows(model, rows, batch_size: int = 500) -> None:
    """Insert `rows` into `model`'s own table only: their parents' rows exist already (bulk
    created) and each row carries its parent's key."""
    # bulk_create() refuses multi-table inheritance outright. QuerySet._batched_insert is what
    # bulk_create itself uses to write one table in batches; no public API writes one table of
    # an inherited model except one save() per row.
    model.objects.all()._batched_insert(
        rows, fields=model._meta.local_concrete_fields, batch_size=batch_size
    )
