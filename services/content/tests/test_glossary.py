"""Flashcard glosses from bilingual dictionaries in the dictd format: dictionaries written here
(every case of the format and of shaping a gloss), and Debian's FreeDict Spanish-English and
German-English, which ``make test`` installs."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from parla.content.documents import glossary
from parla.content.documents.analysis import analyse
from parla.content.documents.dictd import Dictionary, dictd_number
from parla.content.documents.glossary import MAX_CHARS, Glossary, find_dictionary, glossary_for
from parla.content.documents.material import NO_GLOSS, generate

from .dictd_fixtures import dictd_digits, dictzip, write_dictionary

SYSTEM_DICTIONARIES = Path("/usr/share/dictd")


# Shaped like FreeDict's entries: the headword line first, then senses, then the apparatus.
ENTRIES = [
    ("00databaseinfo", "00-database-info\nA dictionary written by the tests.\n"),
    ("00databaseshort", "Test dictionary ver. 1\n"),
    ("casa", "casa /kˈasa/\nhouse\n"),
    ("banco", "banco /bˈanko/ <n, masc>\n1. bank\n2. bench\n"),
    ("banco", "banco /bˈanko/\nshoal\n"),
    ("aller", "aller /ale/ <v>\n1. go\n2. walk\n3. ride\n4. fit\n"),
    ("sí", "sí /sˈi/\nyes\n"),
    ("si", "si /sˈi/\nif\n"),
    (
        "haus",
        "Haus /hˈaʊs/ <neut, n, sg>\n [adm.] establishment <n>, institution <n>\n   Synonyms: {Einrichtung}\n\n see: {Häuser}\n",
    ),
    ("haus", 'Haus /hˈaʊs/ <neut, n, sg>\nhouse <n>\n      "ein Haus bauen"  - build a house\n see: {Häuser}, {frei Haus}\n'),
    ("haus", "Haus… /hˈaʊs/ <adj>\ndomestic <adj>, household <adj>\n"),
    ("gehen", "Gehen /ɡˈeːən/ <neut, n, sg>\ngoing <n>\n"),
    ("gehen", "gehen /ɡˈeːən/ <v, intr>\nturn out <v>\n         Note: to end in a particular way\n"),
    ("gehen", "gehen /ɡˈeːən/ <v, intr>\ngo <v>\n"),
    ("gehen", "gehen /ɡˈeːən/ <v>\nwalk <v>\n"),
    ("schnell", "Schnell… /ʃnˈɛl/\nrapid\n"),
    ("straße", "Straße /ʃtɾˈɑːsə/ <fem, n, sg>\nroad <n>Rd,  /ˌɛɾdˈeː/\n"),
    ("fuss", "Fuss /fuːs/\nfoot\n"),
    ("email", "E-Mail /ˈiːmeɪl/ <fem, n, sg>\nemail <n>\n"),
    ("madrid", "Madrid /maðɾˈið/\nMadrid\n"),
    (
        "家",
        " [ichi1]  家 /ie/,  [ichi1] いえ /ˈie̞/\n1. (noun (common) (futsuumeishi))"
        "\nhouse, residence, dwelling\n2. family, household\n",
    ),
    ("rapido", "rápido\nfast\n"),
    ("rapido", "rápido\nfast\n"),
    ("rapido", "rápido\nquick\n"),
    ("nada", "nada\n   see: {algo}\n"),
    ("largo", "largo\n" + ", ".join(f"translation{number}" for number in range(20)) + "\n"),
    ("sesquipedal", "sesquipedal\n" + "x" * 300 + "\n"),
    ("arriba", "arriba /" + "ə" * 200 + "/\nup\n"),
]
BROKEN_LINES = ("broken line without tabs", "word\tnot base64!\tB", "half\tA", "\tA\tB")


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_dictionary(tmp_path_factory.mktemp("dictd"), ENTRIES, extra_lines=BROKEN_LINES)


@pytest.fixture(scope="module")
def gloss(index: Path) -> Glossary:
    return Glossary(index)


class RecordingLog:
    def __init__(self) -> None:
        self.warnings: list[str] = []

    def warning(self, event: str, **_fields: object) -> None:
        self.warnings.append(event)

    def info(self, event: str, **_fields: object) -> None:
        pass


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> RecordingLog:
    recording = RecordingLog()
    monkeypatch.setattr(glossary, "log", recording)
    return recording


# --- the format ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "number"), [("A", 0), ("B", 1), ("/", 63), ("BA", 64), ("CgE", 10244), ("////////", 2**48 - 1)]
)
def test_dictd_numbers_are_base64_digits_most_significant_first(digits: str, number: int) -> None:
    assert dictd_number(digits) == number
    assert dictd_number(dictd_digits(number)) == number


@pytest.mark.parametrize("digits", ["", "A-B", "AAAAAAAAA", "ä"])
def test_a_dictd_number_with_a_foreign_digit_is_refused(digits: str) -> None:
    with pytest.raises(ValueError):
        dictd_number(digits)


def test_the_dictzip_written_here_is_a_gzip_file_as_the_format_promises() -> None:
    text = "".join(body for _, body in ENTRIES).encode()
    assert gzip.decompress(dictzip(text, 64)) == text


@pytest.mark.parametrize("form", ["dictzip", "gzip", "plain"])
def test_entries_are_read_from_a_dictzip_a_plain_gzip_or_an_uncompressed_text(tmp_path: Path, form: str) -> None:
    index = write_dictionary(tmp_path, ENTRIES, form=form)
    assert Glossary(index)("casa") == "house"
    assert Glossary(index)("arriba") == "up"  # an entry across several 64-byte chunks


def test_a_dictzip_that_names_its_original_file_in_its_header_is_read(tmp_path: Path) -> None:
    index = write_dictionary(tmp_path, ENTRIES, file_name=b"freedict-spa-eng.dict")
    assert Glossary(index)("banco") == "bank; shoal; bench"


def test_an_index_with_windows_line_ends_is_read(tmp_path: Path) -> None:
    index = write_dictionary(tmp_path, ENTRIES)
    index.write_bytes(index.read_bytes().replace(b"\n", b"\r\n"))
    assert Glossary(index)("casa") == "house"


def test_a_fourth_column_in_the_index_is_allowed(tmp_path: Path) -> None:
    index = write_dictionary(tmp_path, [("perro", "perro\ndog\n")])
    index.write_text(index.read_text().replace("\n", "\tPerro\n"))
    assert Glossary(index)("perro") == "dog"


def test_index_lines_that_do_not_parse_are_skipped_and_the_others_read(index: Path, gloss: Glossary) -> None:
    assert Dictionary.open(index).size == len(ENTRIES) - 2  # the metadata entries are left out too
    assert [gloss(word) for word in ("broken", "word", "half")] == [None, None, None]
    assert gloss("casa") == "house"


# --- the gloss -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("casa", "house"),
        ("aller", "go; walk; ride"),  # the first three senses
        ("banco", "bank; shoal; bench"),  # homographs: each one's first sense, then the second
        ("rapido", "fast; quick"),  # a translation given twice is shown once
        ("haus", "house; establishment, institution"),  # a domain label after a plain entry, no "Haus…"
        ("schnell", "rapid"),  # a compound-forming "Schnell…" when there is nothing else
        ("gehen", "go; going; walk"),  # "gehen" before "Gehen", a usage note after plain entries
        ("Gehen", "going; go; walk"),
        ("straße", "road"),  # no abbreviation with its pronunciation
        ("家", "house, residence, dwelling; family, household"),  # no word class in parentheses
    ],
)
def test_a_gloss_is_the_first_translations_of_the_headwords_entries(gloss: Glossary, lemma: str, expected: str) -> None:
    assert gloss(lemma) == expected


def test_a_gloss_is_one_line_without_pronunciation_markup_or_cross_references(gloss: Glossary) -> None:
    for lemma in {headword for headword, _ in ENTRIES if not headword.startswith("00")}:
        shown = gloss(lemma)
        assert shown is None or not set(shown) & set('/<>[]{}\n"'), (lemma, shown)


def test_a_long_gloss_stops_at_the_last_whole_translation_that_fits(gloss: Glossary) -> None:
    shown = gloss("largo")
    assert shown is not None and len(shown) <= MAX_CHARS
    assert shown.startswith("translation0, translation1, ") and shown.split(", ")[-1].startswith("translation")


def test_a_translation_longer_than_a_card_is_cut_with_an_ellipsis(gloss: Glossary) -> None:
    assert gloss("sesquipedal") == "x" * (MAX_CHARS - 1) + "…"


@pytest.mark.parametrize(("lemma", "expected"), [("CASA", "house"), ("Madrid", "Madrid"), ("MADRID", "Madrid")])
def test_lookup_ignores_case(gloss: Glossary, lemma: str, expected: str) -> None:
    assert gloss(lemma) == expected


def test_lookup_keeps_accents(gloss: Glossary) -> None:
    assert (gloss("sí"), gloss("si")) == ("yes", "if")
    assert gloss("casá") is None
    assert gloss("s\u0069\u0301") == "yes"  # "sí" written with a combining accent


def test_lookup_drops_what_dictfmt_drops_from_headwords(gloss: Glossary) -> None:
    assert gloss("e-mail") == "email"


def test_lookup_falls_back_to_the_case_folded_lemma(gloss: Glossary) -> None:
    assert gloss("Fuß") == "foot"


@pytest.mark.parametrize("lemma", ["00databaseinfo", "00-database-info", "00-database-short", "00databaseshort"])
def test_the_dictionarys_description_of_itself_is_never_a_gloss(gloss: Glossary, lemma: str) -> None:
    assert gloss(lemma) is None


@pytest.mark.parametrize("lemma", ["xqzwv", "", "   ", "nada"])
def test_no_gloss_for_an_unknown_word_nothing_or_an_entry_without_translation(gloss: Glossary, lemma: str) -> None:
    assert gloss(lemma) is None


# --- damaged dictionaries ------------------------------------------------------------------


def damaged(directory: Path, damage) -> Path:
    index = write_dictionary(directory, ENTRIES)
    text = directory / "freedict-spa-eng.dict.dz"
    text.write_bytes(damage(text.read_bytes()))
    return index


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"not a gzip file at all", id="not-gzip"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:8], id="header-cut"),
        pytest.param(lambda data: data[:-200] + bytes(len(data[-200:])), id="chunks-zeroed"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_damaged_text_gives_no_gloss_and_one_warning(tmp_path: Path, recorded: RecordingLog, damage) -> None:
    gloss = Glossary(damaged(tmp_path, damage))
    assert [gloss(word) for word in ("arriba", "casa", "aller", "banco", "gehen")] == [None] * 5
    assert len(recorded.warnings) == 1


@pytest.mark.parametrize("form", ["dictzip", "gzip", "plain"])
def test_index_lines_pointing_past_the_text_are_left_out_with_one_warning(
    tmp_path: Path, recorded: RecordingLog, form: str
) -> None:
    index = write_dictionary(tmp_path, ENTRIES, form=form, extra_lines=("lejos\tBAAA\tZ", "cerca\tBAAA\tZ"))
    gloss = Glossary(index)
    assert [gloss("lejos"), gloss("cerca"), gloss("casa")] == [None, None, "house"]
    assert len(recorded.warnings) == 1


def test_an_index_without_a_single_headword_gives_no_gloss(tmp_path: Path, recorded: RecordingLog) -> None:
    index = write_dictionary(tmp_path, [("00databaseinfo", "info\n")], extra_lines=BROKEN_LINES)
    assert Glossary(index)("casa") is None
    assert len(recorded.warnings) == 1


def test_a_dictionary_is_loaded_once_per_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = write_dictionary(tmp_path, ENTRIES)
    opened: list[Path] = []
    original = Dictionary.open.__func__

    def counting_open(cls: type[Dictionary], path: Path) -> Dictionary:
        opened.append(path)
        return original(cls, path)

    monkeypatch.setattr(Dictionary, "open", classmethod(counting_open))
    assert [Glossary(index)(word) for word in ("casa", "banco", "sí")] == ["house", "bank; shoal; bench", "yes"]
    assert opened == [index]


def test_a_dictionary_replaced_on_disk_is_read_again(tmp_path: Path) -> None:
    index = write_dictionary(tmp_path, ENTRIES)
    assert Glossary(index)("casa") == "house"
    write_dictionary(tmp_path, [("casa", "casa\nhome\n"), *ENTRIES[3:]])
    assert Glossary(index)("casa") == "home"


# --- finding a dictionary ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "gloss_language", "name"),
    [
        ("es", "en", "freedict-spa-eng"),
        ("fr", "en", "freedict-fra-eng"),
        ("de", "en", "freedict-deu-eng"),
        ("it", "en", "freedict-ita-eng"),
        ("pt", "en", "freedict-por-eng"),
        ("ja", "en", "freedict-jpn-eng"),
        ("zh", "en", "freedict-zho-eng"),
        ("en", "es", "freedict-eng-spa"),
        ("de", "fr", "freedict-deu-fra"),
    ],
)
def test_the_dictionary_of_a_pair_is_named_by_its_iso_639_3_codes(
    tmp_path: Path, language: str, gloss_language: str, name: str
) -> None:
    index = write_dictionary(tmp_path, ENTRIES, name=name, form="plain")
    assert find_dictionary(tmp_path, language, gloss_language) == index
    assert find_dictionary(tmp_path, gloss_language, language) is None


def test_no_dictionary_without_its_text_or_for_a_language_parla_does_not_teach(tmp_path: Path) -> None:
    write_dictionary(tmp_path, ENTRIES)
    (tmp_path / "freedict-spa-eng.dict.dz").unlink()
    assert find_dictionary(tmp_path, "es", "en") is None
    write_dictionary(tmp_path, ENTRIES, name="freedict-nld-eng")
    assert find_dictionary(tmp_path, "nl", "en") is None


@pytest.mark.parametrize(
    ("directory", "language", "gloss_language"),
    [
        pytest.param("{dictionaries}", "es", None, id="no-gloss-language"),
        pytest.param("{dictionaries}", "es", "", id="empty-gloss-language"),
        pytest.param("{dictionaries}", "es", "es", id="same-language"),
        pytest.param(None, "es", "en", id="no-directory"),
        pytest.param("", "es", "en", id="empty-directory"),
        pytest.param("{dictionaries}", "fr", "en", id="pair-not-installed"),
        pytest.param("{dictionaries}/missing", "es", "en", id="directory-missing"),
    ],
)
def test_no_glossary_when_there_is_no_gloss_to_give(
    tmp_path: Path, directory: str | None, language: str, gloss_language: str | None
) -> None:
    write_dictionary(tmp_path, ENTRIES)
    where = directory.format(dictionaries=tmp_path) if directory else directory
    assert glossary_for(where, language, gloss_language) is None


def test_a_glossary_for_an_installed_pair_glosses(tmp_path: Path) -> None:
    write_dictionary(tmp_path, ENTRIES)
    found = glossary_for(str(tmp_path), "es", "en")
    assert found is not None and found("casa") == "house"


# --- Debian's FreeDict dictionaries --------------------------------------------------------


def installed(name: str) -> Glossary:
    index = SYSTEM_DICTIONARIES / f"{name}.index"
    if not index.is_file():
        pytest.fail(
            f"{index} is missing: `make test` installs it, or run "
            "`apt-get install -y --no-install-recommends dict-freedict-spa-eng dict-freedict-deu-eng`",
            pytrace=False,
        )
    return Glossary(index)


@pytest.mark.parametrize(
    ("name", "lemma", "meaning"),
    [
        ("freedict-spa-eng", "casa", "house"),
        ("freedict-spa-eng", "perro", "dog"),
        ("freedict-spa-eng", "libro", "book"),
        ("freedict-spa-eng", "sí", "yes"),
        ("freedict-deu-eng", "haus", "house"),
        ("freedict-deu-eng", "Haus", "house"),
        ("freedict-deu-eng", "gehen", "go"),
        ("freedict-deu-eng", "schnell", "fast"),
    ],
)
def test_freedict_glosses_known_words(name: str, lemma: str, meaning: str) -> None:
    shown = installed(name)(lemma)
    assert shown is not None and meaning in re.split("; |, ", shown), shown
    assert len(shown) <= MAX_CHARS and "\n" not in shown


@pytest.mark.parametrize("name", ["freedict-spa-eng", "freedict-deu-eng"])
@pytest.mark.parametrize("lemma", ["xqzwvplk", "00databaseinfo", "00-database-short"])
def test_freedict_gives_no_gloss_for_nonsense_or_its_own_description(name: str, lemma: str) -> None:
    assert installed(name)(lemma) is None


def test_flashcards_from_a_spanish_text_carry_freedicts_glosses() -> None:
    installed("freedict-spa-eng")
    analysis = analyse(
        "Mi hermano vive en una casa grande cerca del río. Cada mañana el perro corre por el jardín. "
        "Por la tarde leemos un libro en la biblioteca de la ciudad. El pan de la panadería es bueno. "
        "Los niños juegan con el perro en el jardín de la casa. Mi madre compra leche en el mercado.",
        language="es",
    )
    cards = generate(analysis, glossary=glossary_for(SYSTEM_DICTIONARIES, "es", "en")).flashcards
    glossed = {card.lemma: card.gloss for card in cards if card.gloss}
    assert {"casa": "house", "perro": "dog", "libro": "book"}.items() <= glossed.items()
    for card in cards:
        if card.gloss:
            assert card.back == card.gloss
        else:
            assert NO_GLOSS in card.back and card.sentence in card.back
    assert any(card.gloss is None for card in cards), "the small dictionary lacks some words (jardín)"
