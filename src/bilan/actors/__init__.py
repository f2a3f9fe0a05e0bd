"""Actors and claimants: dictionaries, matching, apposition."""

from bilan.actors.dictionary import claimant_name, find_actor_mentions, load_dictionary
from bilan.actors.stage import find_actors

__all__ = ["claimant_name", "find_actor_mentions", "find_actors", "load_dictionary"]
