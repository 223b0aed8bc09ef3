"""Document kinds: one module per kind builds its view model from a Plan."""
