"""The resolver's word lists (titles, person/armed-unit/media/place nouns...) from ``data/actors/nouns.yaml``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from timeline.paths import data_file
from timeline.yaml_strict import load_yaml

_LISTS = ("titles", "person_nouns", "armed_unit_nouns", "media_nouns", "organisation_nouns", "company_nouns",
          "place_nouns", "group_nouns", "vague_group_nouns", "sector_nouns", "metric_nouns", "financial_metric_nouns", "result_nouns", "version_nouns", "aspect_nouns", "body_nouns", "body_preps",
          "thing_nouns", "quantifiers", "group_quantifiers", "ratio_words", "state_organ_nouns", "naming_verbs", "standalone_sector_nouns", "bare_sector_nouns", "indicator_nouns", "indicator_phrases", "market_scopes", "locative_preps", "collection_nouns", "shared_preps", "route_nouns", "acting_deps",
          "product_words", "event_nouns", "product_heads", "legal_suffixes", "index_heads", "statistic_index_words",
          "prize_nouns", "person_verbs", "speech_verbs", "storm_nouns", "work_nouns", "stock_nouns", "group_words",
          "stake_nouns", "business_part_nouns", "club_marks", "venue_nouns", "abstract_suffixes", "private_role_nouns",
          "member_nouns", "partitive_nouns", "sole_country_nouns", "person_descriptions", "office_change_words",
          "subnational_modifiers", "scale_words", "name_prefixes", "ranking_words", "law_nouns", "workplace_nouns",
          "war_target_modifiers", "destination_words", "federation_words", "victim_words", "victim_subject_verbs",
          "captive_nouns", "hazard_nouns", "price_nouns", "commodity_units", "commodity_nouns", "police_nouns",
          "police_member_nouns", "police_kind_words", "band_nouns", "vehicle_nouns", "accident_verbs",
          "carried_off_verbs", "natural_matter_nouns",
          "giving_verbs", "abstract_given_nouns", "institution_heads", "occasion_nouns", "procedure_words",
          "region_names", "royal_titles", "kin_nouns", "sector_object_preps", "concern_nouns")


@dataclass(frozen=True)
class NounLexicon:
    """Lower-case word sets that type and clean names.

    >>> lex = NounLexicon.load()
    >>> "regiment" in lex.armed_unit_nouns, "analyst" in lex.person_nouns, "region" in lex.place_nouns
    (True, True, True)
    """

    titles: frozenset[str]
    person_nouns: frozenset[str]
    armed_unit_nouns: frozenset[str]
    media_nouns: frozenset[str]
    organisation_nouns: frozenset[str]
    company_nouns: frozenset[str]
    place_nouns: frozenset[str]
    group_nouns: frozenset[str]
    vague_group_nouns: frozenset[str]
    sector_nouns: frozenset[str]
    metric_nouns: frozenset[str]
    financial_metric_nouns: frozenset[str]
    result_nouns: frozenset[str]
    version_nouns: frozenset[str]
    aspect_nouns: frozenset[str]
    body_nouns: frozenset[str]
    body_preps: frozenset[str]
    thing_nouns: frozenset[str]
    procedure_words: frozenset[str]
    region_names: frozenset[str]
    royal_titles: frozenset[str]
    kin_nouns: frozenset[str]
    concern_nouns: frozenset[str]
    state_organ_nouns: frozenset[str]
    quantifiers: frozenset[str]
    group_quantifiers: frozenset[str]
    ratio_words: frozenset[str]
    naming_verbs: frozenset[str]
    standalone_sector_nouns: frozenset[str]
    bare_sector_nouns: frozenset[str]
    indicator_nouns: frozenset[str]
    indicator_phrases: frozenset[str]
    sector_object_preps: frozenset[str]
    market_scopes: frozenset[str]
    locative_preps: frozenset[str]
    shared_preps: frozenset[str]
    collection_nouns: frozenset[str]
    route_nouns: frozenset[str]
    acting_deps: frozenset[str]
    product_words: frozenset[str]
    event_nouns: frozenset[str]
    product_heads: frozenset[str]
    legal_suffixes: frozenset[str]
    index_heads: frozenset[str]
    statistic_index_words: frozenset[str]
    prize_nouns: frozenset[str]
    person_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    storm_nouns: frozenset[str]
    hazard_nouns: frozenset[str]
    price_nouns: frozenset[str]
    commodity_units: frozenset[str]
    commodity_nouns: frozenset[str]
    work_nouns: frozenset[str]
    stock_nouns: frozenset[str]
    group_words: frozenset[str]
    stake_nouns: frozenset[str]
    business_part_nouns: frozenset[str]
    club_marks: frozenset[str]
    venue_nouns: frozenset[str]
    abstract_suffixes: frozenset[str]
    private_role_nouns: frozenset[str]
    member_nouns: frozenset[str]
    partitive_nouns: frozenset[str]
    sole_country_nouns: frozenset[str]
    person_descriptions: frozenset[str]
    office_change_words: frozenset[str]
    subnational_modifiers: frozenset[str]
    scale_words: frozenset[str]
    name_prefixes: frozenset[str]
    ranking_words: frozenset[str]
    law_nouns: frozenset[str]
    workplace_nouns: frozenset[str]
    war_target_modifiers: frozenset[str]
    destination_words: frozenset[str]
    federation_words: frozenset[str]
    victim_words: frozenset[str]
    victim_subject_verbs: frozenset[str]
    captive_nouns: frozenset[str]
    police_nouns: frozenset[str]
    police_member_nouns: frozenset[str]
    police_kind_words: frozenset[str]
    band_nouns: frozenset[str]
    vehicle_nouns: frozenset[str]
    accident_verbs: frozenset[str]
    carried_off_verbs: frozenset[str]
    natural_matter_nouns: frozenset[str]
    giving_verbs: frozenset[str]
    abstract_given_nouns: frozenset[str]
    institution_heads: frozenset[str]
    occasion_nouns: frozenset[str]
    definite_descriptions: dict[str, str]
    role_descriptions: dict[str, frozenset[str]]

    @cached_property
    def body_name_words(self) -> frozenset[str]:
        """Words of a body's or a place's name (organisation, company, media and place nouns): a name holding one
        is no person's ("Lloyd Bank", not "Lloyd Glasspool")."""
        return self.organisation_nouns | self.company_nouns | self.media_nouns | self.place_nouns

    @classmethod
    def load(cls) -> NounLexicon:
        """The lexicon from ``data/actors/nouns.yaml`` (loaded once)."""
        return _load()

    @classmethod
    def from_mapping(cls, data: Any) -> NounLexicon:
        """Validate and build; raises TypeError for a non-mapping, ValueError naming a bad list."""
        if not isinstance(data, dict):
            raise TypeError("nouns.yaml: expected a mapping of list name -> words")
        sets: dict[str, frozenset[str]] = {}
        for name in _LISTS:
            words = data.get(name)
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise ValueError(f"nouns.yaml: '{name}' must be a list of words")
            sets[name] = frozenset(w if name == "acting_deps" else w.lower() for w in words)
        described = data.get("definite_descriptions")
        if not isinstance(described, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                       for k, v in described.items()):
            raise ValueError("nouns.yaml: 'definite_descriptions' must map nouns to actor types")
        roles = data.get("role_descriptions")
        if not isinstance(roles, dict) or not all(isinstance(k, str) and isinstance(v, list) and all(
                isinstance(w, str) for w in v) for k, v in roles.items()):
            raise ValueError("nouns.yaml: 'role_descriptions' must map nouns to lists of name words")
        return cls(**sets, definite_descriptions={k.lower(): v for k, v in described.items()},
                   role_descriptions={k.lower(): frozenset(w.lower() for w in v) for k, v in roles.items()})


@cache
def _load() -> NounLexicon:
    return NounLexicon.from_mapping(load_yaml(data_file("actors", "nouns.yaml").read_text(encoding="utf-8")))
