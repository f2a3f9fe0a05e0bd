"""Per-document event extraction: triggers, ACLED/PLOVER typing, arguments, merging."""
