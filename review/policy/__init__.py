"""Checking a contract against the city's rule packs: the intake that says what the contract is for."""
