"""Words of the 8 languages, shared by the services that read learners' text: folding, word
segmentation (jieba for Chinese, MeCab through fugashi with UniDic-lite for Japanese) and lemmas
(simplemma for the others). No I/O; every model loads on first use, once per process."""

from parla.language.text import (
    LANGUAGES,
    UNSPACED,
    chinese_words,
    fold,
    japanese_tagger,
    lemma,
    lemma_sequence,
    lemmatizer,
    words,
)

__all__ = [
    "LANGUAGES",
    "UNSPACED",
    "chinese_words",
    "fold",
    "japanese_tagger",
    "lemma",
    "lemma_sequence",
    "lemmatizer",
    "words",
]
