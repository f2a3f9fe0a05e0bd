"""Casualty and other quantity claims: numbers, qualifiers, kinds, attribution."""
