"""Full-text search that behaves the same on PostgreSQL and on SQLite, the embedded default.

Visitors type web-search syntax: words (all must match), "a phrase", -word to exclude one,
OR between alternatives. English word forms match each other ("arrest" finds "arrested"),
case does not matter, accents do ("Dáil" is not "Dail": PostgreSQL's english configuration
keeps them, and SQLite is set up to match), and common English words ("the", "of") are
ignored outside phrases. There is no prefix matching ("kuram" does not find "Kuramshin"),
as websearch_to_tsquery has none; a word's other forms are found by stemming instead.

- PostgreSQL: `weighted_vector()` and `websearch()`, i.e. to_tsvector / websearch_to_tsquery
  with the configuration of the visitor's language (english, russian; simple for Kazakh, which
  PostgreSQL has no stemmer for), ranked with ts_rank.
- SQLite: an FTS5 table beside each searchable model's table (`FullTextIndex`), created by a
  migration that does nothing on PostgreSQL, kept in step on every save and delete (signals),
  rebuilt by `manage.py rebuild_search_index`. The visitor's query is translated into an FTS5
  MATCH expression in which every word is a quoted string (`websearch_to_fts5`): nothing typed
  can become an FTS5 operator or a column filter. Ranked with bm25 and the same column weights.

Each language is searched in the text a visitor of that language reads: a field's version in
their language, or the English original where there is none (django-modeltranslation's
columns, `title_ru`...). On PostgreSQL one GIN index per language; on SQLite one FTS5 table per
language (`translated_indexes`). Russian and Kazakh words are matched as written on SQLite
(FTS5 has no Russian stemmer); PostgreSQL's russian configuration also finds other forms.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections, models
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, NullIf
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils import translation

CONFIG = "english"
# PostgreSQL's text search configuration per language: its stemmer and stop words. Kazakh has
# none in PostgreSQL: "simple" lowercases and matches words as written.
CONFIGS = {"en": "english", "ru": "russian", "kk": "simple"}


def active_language():
    """The language searched: the visitor's (the active one), or the original for any other."""
    language = translation.get_language()
    return language if language in CONFIGS else settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def translated_text(name, language):
    """The expression for field `name` as a reader of `language` sees it: its version in that
    language, else the original (English)."""
    original = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == original:
        return models.F(f"{name}_{original}")
    text = models.TextField()
    return Coalesce(
        NullIf(models.F(f"{name}_{language}"), models.Value(""), output_field=text),
        models.F(f"{name}_{original}"),
        output_field=text,
    )


# PostgreSQL's english.stop (the Snowball list): words websearch_to_tsquery ignores.
ENGLISH_STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
    her hers herself it its itself they them their theirs themselves what which who whom this that
    these those am is are was were be been being have has had having do does did doing a an the and
    but if or because as until while of at by for with about against between into through during
    before after above below to from up down in out on off over under again further then once here
    there when where why how all any both each few more most other some such no nor not only own
    same so than too very s t can will just don should now
    """.split()  # noqa: SIM905 (the list as PostgreSQL prints it, easy to compare)
)

_TOKEN = re.compile(r"[^\W_]+")


# --- PostgreSQL ----------------------------------------------------------------------


def weighted_vector(weights, language=None):
    """The tsvector of a row: {field: "A" | "B" | "C" | "D"}, as `language` reads it, in that
    language's configuration. Without a language: the untranslated columns in english (what
    the site searched before it had languages; migration 0005 builds its index from it).

    Migrations build the GIN index from the same expression: PostgreSQL uses an expression
    index only for a query that repeats it exactly.
    """
    from django.contrib.postgres.search import SearchVector

    if language is None:
        vectors = [SearchVector(name, weight=weight, config=CONFIG) for name, weight in weights.items()]
    else:
        vectors = [
            SearchVector(translated_text(name, language), weight=weight, config=CONFIGS[language])
            for name, weight in weights.items()
        ]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


def websearch(queryset, query, weights, tie_breakers, language=None):
    """`queryset` narrowed to rows matching `query` (websearch syntax), best first, in the
    visitor's language (`language`, the active one by default)."""
    from django.contrib.postgres.search import SearchQuery, SearchRank

    language = language or active_language()
    search_query = SearchQuery(query, search_type="websearch", config=CONFIGS[language])
    # Match with @@, not with rank > 0: ts_rank is above zero for rows that have only one of
    # two words asked for, or a word the visitor excluded ("-word").
    return (
        queryset.alias(document=weighted_vector(weights, language))
        .filter(document=search_query)
        .annotate(rank=SearchRank(models.F("document"), search_query))
        .order_by("-rank", *tie_breakers)
    )


# --- The visitor's query, as FTS5 reads it ---------------------------------------------


@dataclass
class Alternative:
    """Terms that must all be present, and terms none of which may be (one side of an OR)."""

    required: list = field(default_factory=list)
    excluded: list = field(default_factory=list)


def _quoted(text):
    # An FTS5 string: its tokenizer splits it into words, and nothing in it is an operator.
    return '"' + text.replace('"', '""') + '"'


def _term(text, phrase):
    """The FTS5 string for a word or phrase, or None if PostgreSQL would find nothing in it."""
    tokens = _TOKEN.findall(text.lower())
    if not tokens or all(token in ENGLISH_STOP_WORDS for token in tokens):
        return None
    if phrase:
        return _quoted(text)
    # "Kazakh-stan" is read as the phrase "kazakh stan", without its stop words.
    return _quoted(" ".join(token for token in tokens if token not in ENGLISH_STOP_WORDS))


def parse_websearch(query):
    """The alternatives (ORed) in `query`, read as websearch_to_tsquery reads it."""
    alternatives = [Alternative()]
    pending_or = False
    position = 0
    while position < len(query):
        char = query[position]
        if char.isspace():
            position += 1
            continue
        negated = char == "-"
        if negated:
            position += 1
            if position >= len(query) or query[position].isspace():
                continue  # a "-" on its own means nothing
        if query[position] == '"':
            end = query.find('"', position + 1)
            end = len(query) if end == -1 else end
            text, phrase = query[position + 1 : end], True
            position = end + 1
        else:
            match = re.compile(r'[^\s"]+').match(query, position)
            text, phrase = match.group(), False
            position = match.end()
        if not phrase and not negated and text.lower() == "or":
            pending_or = bool(alternatives[-1].required or alternatives[-1].excluded)
            continue
        term = _term(text, phrase)
        if term is None:
            continue
        if pending_or:
            alternatives.append(Alternative())
            pending_or = False
        (alternatives[-1].excluded if negated else alternatives[-1].required).append(term)
    return [alternative for alternative in alternatives if alternative.required or alternative.excluded]


def websearch_to_fts5(alternatives):
    """One FTS5 expression for the alternatives that require something ("" if none does)."""
    parts = []
    for alternative in alternatives:
        if not alternative.required:
            continue
        expression = "(" + " AND ".join(alternative.required) + ")"
        if alternative.excluded:
            expression = f"({expression} NOT ({' OR '.join(alternative.excluded)}))"
        parts.append(expression)
    return " OR ".join(parts)


# --- SQLite: an FTS5 table beside a model's table -------------------------------------------


class FullTextIndex:
    """An FTS5 table holding the searchable text of each row of `model_label`, by its id.

    `columns` maps each column to (weight for bm25, function of a row giving its text):
    text is indexed as readers see it (HTML bodies as plain text).
    """

    def __init__(self, table, model_label, columns, language="en"):
        self.table = table
        self.model_label = model_label
        self.columns = columns
        self.language = language
        # Table and column names are this code's own constants; every value is a parameter.
        names, placeholders = ", ".join(columns), ", ".join(["%s"] * (len(columns) + 1))
        self._insert_sql = f'INSERT INTO "{table}" (rowid, {names}) VALUES ({placeholders})'  # noqa: S608
        self._delete_one_sql = f'DELETE FROM "{table}" WHERE rowid = %s'  # noqa: S608
        self._delete_all_sql = f'DELETE FROM "{table}"'  # noqa: S608
        self._matching_sql = f'SELECT rowid FROM "{table}" WHERE "{table}" MATCH %s'  # noqa: S608
        weights = ", ".join(str(float(weight)) for weight, _text_of in columns.values())
        self._rank_sql = (
            f'SELECT bm25("{table}", {weights}) FROM "{table}" WHERE "{table}" MATCH %s AND rowid = '  # noqa: S608
        )

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_label)

    def create(self, schema_editor):
        names = ", ".join(self.columns)
        # English: Porter stemming over unicode61, diacritics kept (PostgreSQL's english
        # configuration). Other languages: words as written (FTS5 has no stemmer for them).
        stemmer = "porter " if self.language == "en" else ""
        schema_editor.execute(
            f'CREATE VIRTUAL TABLE IF NOT EXISTS "{self.table}" USING fts5({names}, '
            f"tokenize = '{stemmer}unicode61 remove_diacritics 0')"
        )

    def drop(self, schema_editor):
        schema_editor.execute(f'DROP TABLE IF EXISTS "{self.table}"')

    def exists(self, using):
        return self.table in connections[using].introspection.table_names()

    def _values(self, row):
        with translation.override(self.language):
            return [row.pk, *(text_of(row) or "" for _weight, text_of in self.columns.values())]

    def rebuild(self, rows, using="default"):
        """Index `rows` (any iterable of the model's rows) in place of everything indexed before."""
        with connections[using].cursor() as cursor:
            cursor.execute(self._delete_all_sql)
            for row in rows:
                cursor.execute(self._insert_sql, self._values(row))

    def update(self, row, using):
        with connections[using].cursor() as cursor:
            cursor.execute(self._delete_one_sql, [row.pk])
            cursor.execute(self._insert_sql, self._values(row))

    def remove(self, pk, using):
        with connections[using].cursor() as cursor:
            cursor.execute(self._delete_one_sql, [pk])

    def keep_in_step(self):
        """Index each row when it is saved and forget it when deleted (SQLite only).

        Writes that bypass save() (queryset.update(), bulk_create) are caught up by
        `manage.py rebuild_search_index`.
        """
        model = self.model

        def saved(sender, instance, using, **kwargs):
            if isinstance(instance, model) and connections[using].vendor == "sqlite":
                self.update(instance, using)

        def deleted(sender, instance, using, **kwargs):
            if isinstance(instance, model) and connections[using].vendor == "sqlite":
                self.remove(instance.pk, using)

        post_save.connect(saved, weak=False, dispatch_uid=f"fulltext-save-{self.table}")
        post_delete.connect(deleted, weak=False, dispatch_uid=f"fulltext-delete-{self.table}")

    def _matching(self, expression):
        return RawSQL(self._matching_sql, [expression])  # noqa: S611 (the query is a parameter)

    def search(self, queryset, query, tie_breakers):
        """`queryset` narrowed to rows matching `query` (websearch syntax), best first."""
        alternatives = parse_websearch(query)
        expression = websearch_to_fts5(alternatives)
        matches = models.Q(pk__in=self._matching(expression)) if expression else None
        # "-roza" alone, or "strike OR -roza": FTS5 cannot match "not X" by itself, the database can.
        for alternative in alternatives:
            if not alternative.required:
                excluded = ~models.Q(pk__in=self._matching(" OR ".join(alternative.excluded)))
                matches = excluded if matches is None else matches | excluded
        if matches is None:
            return queryset.none()
        found = queryset.filter(matches)
        if not expression:
            return found.order_by(*tie_breakers)
        row_id = f'"{queryset.model._meta.db_table}"."{queryset.model._meta.pk.column}"'
        rank = RawSQL(self._rank_sql + row_id, [expression])  # noqa: S611 (the query is a parameter)
        # bm25 is lower for a better match; rows found only through an exclusion have none.
        return found.annotate(rank=rank).order_by(models.F("rank").asc(nulls_last=True), *tie_breakers)


def _read_in(row, name, language):
    """`row`'s field `name` as a reader of `language` sees it: its version in that language,
    else the original. Works on historical models in migrations too (plain columns)."""
    for code in (language, settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        value = getattr(row, f"{name}_{code}", None)
        if value:
            return value
    return getattr(row, name, "") or ""


def translated_indexes(table, model_label, columns):
    """One FullTextIndex per language for a translated model: {language: index}. English keeps
    `table`, the others get `table_ru`, `table_kk`. `columns` maps each translated field to
    (weight for bm25, function turning its text into what readers see, e.g. HTML to plain text).
    """
    original = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    indexes = {}
    for language in CONFIGS:
        indexes[language] = FullTextIndex(
            table if language == original else f"{table}_{language}",
            model_label,
            {
                name: (
                    weight,
                    lambda row, name=name, language=language, shown=shown: shown(
                        _read_in(row, name, language)
                    ),
                )
                for name, (weight, shown) in columns.items()
            },
            language=language,
        )
    return indexes


def search_translated(indexes, queryset, query, tie_breakers):
    """`queryset` narrowed to rows matching `query`, searched in the visitor's language (SQLite)."""
    return indexes[active_language()].search(queryset, query, tie_breakers)


_indexes = {}


def register(index):
    """Declare `index` (an app's ready()): kept in step, and rebuilt by rebuild_search_index."""
    _indexes[index.table] = index
    index.keep_in_step()
    post_migrate.connect(_rebuild_after_migrate, weak=False, dispatch_uid="fulltext-rebuild")
    return index


def _rebuild_after_migrate(sender, using, **kwargs):
    """After `migrate`, and after `flush` (which empties tables without a signal per row),
    every search table holds exactly the rows there are. Once, after the last app's turn."""
    from django.apps import apps

    if connections[using].vendor != "sqlite" or sender is not list(apps.get_app_configs())[-1]:
        return
    for index in _indexes.values():
        if index.exists(using):
            index.rebuild(index.model._base_manager.using(using).order_by("pk").iterator(), using=using)


def registered_indexes():
    return list(_indexes.values())
