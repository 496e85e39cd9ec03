"""Search fields whose text is indexed folded (variants.fold_text), as query.py folds what the
reader types: the folding is the same at index and query time, on every engine, because every
Wagtail backend (SQLite, PostgreSQL, OpenSearch/Elasticsearch) reads a field's text through
`SearchField.get_value`."""

from wagtail.search import index

from .variants import fold_text


class FoldedSearchField(index.SearchField):
    def get_value(self, obj):
        return _folded(super().get_value(obj))

    # It stands for the field it folds: Wagtail's check (wagtailsearch.W001) looks for
    # Page.search_fields' own SearchField("title") in a page model's search fields.
    def __eq__(self, other):
        return isinstance(other, index.SearchField) and (
            (self.field_name, self.boost, self.kwargs)
            == (other.field_name, other.boost, other.kwargs)
        )

    def __hash__(self):
        return hash((self.field_name, self.boost))


def _folded(value):
    # A field gives a string, or (rich text, StreamField) a list of strings.
    if isinstance(value, str):
        return fold_text(value)
    if isinstance(value, (list, tuple)):
        return [_folded(item) for item in value]
    return value


def folded(fields):
    """`fields` (a model's search_fields) with every SearchField, within RelatedFields too,
    indexing its text folded."""
    out = []
    for field in fields:
        if isinstance(field, index.RelatedFields):
            field = index.RelatedFields(field.field_name, folded(field.fields))
        elif type(field) is index.SearchField:
            field = FoldedSearchField(field.field_name, boost=field.boost, **field.kwargs)
        out.append(field)
    return out
