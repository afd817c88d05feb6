"""Keyword tags from a scenario's own words, on real localizations of the seed's restaurant
scenario (each with the cultural notes written in another language, as the seed has them)."""

# ruff: noqa: E501  (the texts keep the lines of the real localizations: lines are what the note filter reads)

from __future__ import annotations

from parla.organization.tags.domain import is_tag
from parla.organization.tags.keywords import MAX_KEYWORDS, Keyword, keywords, keywords_of_many, texts_by_language

SPANISH = """Reservar una mesa para cenar
Llamas por teléfono a un restaurante de Madrid para reservar mesa para cenar el sábado. Tienes que decir el día, la hora, cuántas personas sois y si necesitáis algo especial.
Spaniards eat dinner late, usually from around 21:00, and booking by phone is common, especially for Friday and Saturday nights. Customers and restaurant staff normally use 'usted' on the phone.
Saludo y petición
la reserva
la mesa
cenar
Quería reservar una mesa para cenar.
Quería hacer una reserva, por favor.
¿Tienen mesa libre para este sábado por la noche?
Día, hora y personas
el sábado
la hora
la persona
Para el sábado a las nueve y media, si puede ser.
Somos cuatro personas.
Si a esa hora no hay sitio, ¿podría ser un poco más tarde?
Preferencias y alergias
la terraza
la alergia
la trona
¿Podría ser en la terraza?
Mi hija tiene alergia a los frutos secos.
¿Nos podrían poner una trona para el niño?"""

GERMAN = """Einen Tisch zum Abendessen reservieren
Sie rufen in einem Gasthaus in München an, um für Samstagabend einen Tisch zu reservieren. Nennen Sie den Tag, die Uhrzeit, wie viele Personen Sie sind und ob Sie besondere Wünsche haben.
In Germany dinner is eaten earlier than in southern Europe, usually between 18:00 and 20:00, and many restaurant kitchens close around 21:30-22:00.
Begrüßung und Anliegen
die Reservierung
der Tisch
das Abendessen
Ich würde gern einen Tisch zum Abendessen reservieren.
Ich möchte bitte eine Reservierung machen.
Haben Sie am Samstagabend noch einen Tisch frei?
Tag, Uhrzeit und Personen
der Samstag
die Uhr
die Person
Für Samstag um halb acht, wenn das geht.
Wir sind vier Personen.
Ginge es auch etwas später, so gegen acht Uhr?
Die Allergie
Meine Tochter hat eine Allergie gegen Nüsse."""

FRENCH = """Réserver une table pour le dîner
Vous téléphonez à un bistrot lyonnais pour réserver une table samedi soir. Indiquez le jour, l'heure, le nombre de personnes et vos éventuelles demandes particulières.
In France dinner is usually eaten between about 19:30 and 21:30, and many popular restaurants run two sittings, so booking ahead by phone or online is normal.
Salutations et demande
la réservation
la table
dîner
Bonjour, je voudrais réserver une table pour dîner.
Je voudrais faire une réservation, s'il vous plaît.
Est-ce que vous auriez une table de libre samedi soir ?
Jour, heure et nombre de personnes
samedi
l'heure
la personne
Pour samedi soir, vers vingt heures trente, si c'est possible.
Nous serons quatre personnes."""

CHINESE = """打电话订晚饭的位子
你给北京一家很受欢迎的家常菜馆打电话，想订这个星期六晚上的位子。你要说清楚日期、时间、几个人，还有没有什么特殊要求。
In mainland China dinner is early: restaurants are busiest from about 17:30 to 19:30, and many kitchens stop taking orders around 21:00.
问候和订位
预订
位子
晚饭
您好，我想订个位子吃晚饭。
我想预订一下，麻烦您了。
这个星期六晚上还有位子吗？
星期六晚上六点半，可以吗？
我们一共四个人。
如果那个时间没有位子，晚一点也行。"""

JAPANESE = """電話でディナーの席を予約する
東京の人気の和食店「和食処さくら」に平日の午後に電話をかけて、土曜日の夕食の席を予約します。日にち、時間、人数、そして席の希望やアレルギーを伝えましょう。
In Japan dinner is usually eaten between about 18:00 and 20:00, and many restaurants take last orders around 21:00-22:00. Booking by phone is still common.
あいさつと予約のお願い
予約
席
夕食
すみません、夕食の席を予約したいのですが。
予約をお願いしたいのですが。
今週の土曜日の夜、席は空いていますか？
土曜日の夜7時にお願いできますか？
席の希望とアレルギー
娘にそばアレルギーがあるのですが、大丈夫でしょうか？"""

ENGLISH = """Booking a table for dinner
You phone a busy family restaurant in London to book a table for dinner on Saturday.
En el Reino Unido se cena bastante antes que en España: lo normal es entre las 18:30 y las 20:30, y muchas cocinas cierran hacia las 21:30 o 22:00.
the reservation
the table
dinner
I'd like to book a table for dinner, please.
Could I make a reservation, please?
Have you got a table free this Saturday evening?
Por ley, los restaurantes del Reino Unido deben informar de los 14 alérgenos principales de cada plato."""


def tags(text: str, language: str) -> list[str]:
    return [keyword.tag for keyword in keywords(text, language)]


def test_a_spanish_restaurant_scenario_is_tagged_with_its_subject_not_its_grammar():
    found = tags(SPANISH, "es")
    assert {"mesa", "reservar", "cenar", "sábado"} <= set(found)
    assert not {"el", "de", "para", "una", "ser", "por"} & set(found)


def test_notes_in_another_language_give_no_tags_of_that_language():
    assert not {"dinner", "spaniard", "booking", "phone", "restaurant", "staff"} & set(tags(SPANISH, "es"))
    english = tags(ENGLISH, "en")
    assert {"table", "dinner"} <= set(english)
    assert not {"reino", "unido", "restaurantes", "cenar", "entre"} & set(english)


def test_german_nouns_are_tagged_by_their_lemma_in_lower_case():
    found = tags(GERMAN, "de")
    assert {"tisch", "reservierung"} <= set(found) or {"tisch", "reservieren"} <= set(found)
    assert not {"der", "die", "das", "sie", "ich", "einen"} & set(found)


def test_french_tags_keep_their_accents():
    found = tags(FRENCH, "fr")
    assert "table" in found and ({"réserver", "réservation"} & set(found))
    assert not {"le", "la", "pour", "vous", "une"} & set(found)


def test_chinese_is_tagged_by_words_of_two_characters_or_more_without_latin_ones():
    found = tags(CHINESE, "zh")
    assert {"位子", "星期六"} <= set(found)
    assert all(len(tag) >= 2 and tag.isascii() is False for tag in found)


def test_japanese_is_tagged_by_dictionary_forms_of_content_words_not_particles_or_english():
    found = tags(JAPANESE, "ja")
    assert {"予約", "アレルギー"} <= set(found)
    assert not {"の", "を", "です", "する", "ます"} & set(found)
    assert not any(tag.isascii() for tag in found)


def test_every_language_gives_at_most_six_valid_tags_best_first():
    for text, language in ((SPANISH, "es"), (GERMAN, "de"), (FRENCH, "fr"), (CHINESE, "zh"), (JAPANESE, "ja"), (ENGLISH, "en")):
        found = keywords(text, language)
        assert 0 < len(found) <= MAX_KEYWORDS
        assert all(is_tag(keyword.tag) for keyword in found)
        assert [keyword.weight for keyword in found] == sorted((keyword.weight for keyword in found), reverse=True)


def test_numbers_and_short_words_are_never_tags():
    found = tags("Mesa 2024 mesa 12 mesa mar mar mar mar ok ok ok ok 7 7 7", "es")
    assert "mesa" in found and "2024" not in found and "12" not in found and "ok" not in found


def test_a_word_unknown_to_the_frequency_list_needs_two_occurrences():
    assert "zorglubia" not in tags("zorglubia y la mesa", "es")
    assert tags("zorglubia zorglubia y la mesa", "es")[0] == "zorglubia"


def test_a_rarer_word_outweighs_a_common_one_used_as_often():
    assert tags("cosa alergia cosa alergia", "es") == ["alergia", "cosa"]


def test_ties_are_broken_by_the_lemma_so_the_result_never_changes():
    first = keywords("perro gato perro gato", "es")
    assert first == keywords("gato perro gato perro", "es")
    assert first == keywords("perro gato perro gato", "es")


def test_many_texts_are_done_language_by_language_and_returned_by_key():
    found = keywords_of_many([("a", "es", SPANISH), ("b", "ja", JAPANESE), ("a", "de", GERMAN), ("c", "xx", "nada")])
    assert set(found) == {("a", "es"), ("b", "ja"), ("a", "de")}
    assert found["a", "es"] == keywords(SPANISH, "es")
    assert all(isinstance(keyword, Keyword) for keywords_ in found.values() for keyword in keywords_)


def test_an_event_without_texts_per_language_gives_its_whole_text_under_each_of_its_languages():
    assert texts_by_language({"es": "mesa", "xx": "?", "fr": ""}, "everything", ["es", "fr"]) == {"es": "mesa"}
    assert texts_by_language({}, "mesa table", ["es", "fr", "xx"]) == {"es": "mesa table", "fr": "mesa table"}
    assert texts_by_language({}, "", ["es"]) == {}
