"""The network's 36 topics, in its order, and the initial research types, with old-site ids."""

from django.db import migrations

from digest.taxonomy.vocabulary import RESEARCH_TYPES, TOPIC_ALIASES, TOPICS


def create_vocabulary(apps, schema_editor):
    Topic = apps.get_model("taxonomy", "Topic")
    TopicAlias = apps.get_model("taxonomy", "TopicAlias")
    ResearchType = apps.get_model("taxonomy", "ResearchType")
    for order, (slug, name, legacy_id) in enumerate(TOPICS, start=1):
        Topic.objects.update_or_create(
            slug=slug, defaults={"name": name, "legacy_id": legacy_id, "sort_order": order}
        )
    for old_slug, slug in TOPIC_ALIASES:
        TopicAlias.objects.update_or_create(
            slug=old_slug, defaults={"topic": Topic.objects.get(slug=slug)}
        )
    for order, (slug, name, legacy_id) in enumerate(RESEARCH_TYPES, start=1):
        ResearchType.objects.update_or_create(
            slug=slug, defaults={"name": name, "legacy_id": legacy_id, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(create_vocabulary, migrations.RunPython.noop)]
