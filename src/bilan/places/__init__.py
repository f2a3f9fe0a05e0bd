"""Places: the gazetteer, toponym finding and resolution."""

from bilan.places.gazetteer import Gazetteer, load_gazetteer
from bilan.places.stage import find_places
from bilan.places.toponyms import event_place, place_focus, resolve, resolve_text

__all__ = ["Gazetteer", "event_place", "find_places", "load_gazetteer", "place_focus",
           "resolve", "resolve_text"]
