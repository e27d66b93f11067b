"""A review case's life: its states and the moves between them, and who may make each move."""
