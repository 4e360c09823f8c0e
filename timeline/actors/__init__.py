"""Actors: the curated dictionary (:class:`ActorDictionary`) and in-article resolution (:class:`DocumentActors`)."""
from timeline.actors.actor import Actor
from timeline.actors.dictionary import ActorDictionary, DictionaryError
from timeline.actors.resolver import DocumentActors

__all__ = ["Actor", "ActorDictionary", "DictionaryError", "DocumentActors"]
