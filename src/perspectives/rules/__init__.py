"""The rule language: every rule kind's model, compiler and matcher."""
