"""The admin's topic and research-type picker: every term as a checkbox in columns, the ticked
ones first, with a filter box added by a small script (the plain columns work without it)."""

from django import forms


class TermCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes in columns instead of a multi-select that needs Ctrl-click.

    Each choice carries a hidden "suggested" mark that the Suggestions panel's script shows
    for the terms it suggests; ticking is always the editor's.
    """

    template_name = "taxonomy/widgets/term_checkboxes.html"

    class Media:
        css = {"all": ["taxonomy/term_checkboxes.css"]}
        js = ["taxonomy/term_checkboxes.js"]

    def id_for_label(self, id_, index=None):
        # The field's label names the whole group (the list carries its id and points back to
        # the label as role="group"); each box keeps its own label beside it.
        return super().id_for_label(id_, index) if index is not None else id_

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        options = [
            option
            for _group, group_options, _index in context["widget"]["optgroups"]
            for option in group_options
        ]
        # Chosen first, each part in the vocabulary's own order (sorted() is stable).
        context["widget"]["options"] = sorted(options, key=lambda option: not option["selected"])
        return context
