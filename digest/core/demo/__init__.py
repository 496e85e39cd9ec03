"""Demo content for `manage.py load_demo`: five monthly issues summarising real, published
psychotherapy research, written for this project (only the bibliographic facts are borrowed)."""
